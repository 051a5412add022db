// The core method cytoscape-lasso adds to Cytoscape.
import 'cytoscape';

declare module 'cytoscape' {
  interface Core {
    /** With panning on, Shift/Ctrl/Cmd+drag on the background draws a free-form selection instead of a box. */
    lassoSelectionEnabled(enabled: boolean): this;
    lassoSelectionEnabled(): boolean;
  }
}
