// cytoscape-lasso ships no types. It registers one core method (see lassoSelection.d.ts).
declare module 'cytoscape-lasso' {
  import type cytoscape from 'cytoscape';
  const register: cytoscape.Ext;
  export default register;
}
