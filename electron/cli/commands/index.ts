/**
 * The commands of `carnet`. To add one, write it in its own file of this
 * folder (see ../command.ts) and export it here with one line: main.ts lists,
 * sorts and dispatches every export of this module.
 */
export { analyze } from './analyze.js';
export { demo } from './demo.js';
export { me } from './me.js';
export { personas } from './personas.js';
export { schema } from './schema.js';
export { stats } from './stats.js';
export { validate } from './validate.js';
export { web } from './web.js';
export { importCommand } from './import.js';
export { exportCommand } from './export.js';
export { plan } from './plan.js';
