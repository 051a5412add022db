/** The demo's title as stored; the interface shows it in its own language (app.demoTitle). */
export const DEMO_TITLE = 'Carnet — démo';
