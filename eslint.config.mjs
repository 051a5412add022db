// ESLint checks the layering of ARCHITECTURE.md on every import, so the build
// says no before a reviewer has to:
// - shared/ (the domain) imports none of the other layers, no Node module and no runtime-specific package;
// - renderer/ imports shared/ only, and no Node module;
// - electron/ imports shared/, never renderer/; its plain-Node half (services, cli) never loads Electron;
// - inside the renderer, generic components import no feature folder, and the map engine
//   (renderer/src/map/engine) imports nothing of the renderer outside itself: no feature, no view, no React.
// Only these boundary rules run here; the compiler (one tsconfig per layer) does the type checking.
// tests/unit/lint.test.ts proves each rule fires on a file that breaks it.
import tsParser from '@typescript-eslint/parser';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';

/** Packages that exist only in Node or in Electron (names, with any subpath). */
const NODE_PACKAGES = ['electron', 'electron-store', 'conf', 'ws', 'open', 'env-paths'];
const ELECTRON_PACKAGES = ['electron', 'electron-store'];
const REACT_PACKAGES = ['react', 'react-dom', 'react-i18next'];
/** Folders of renderer/src that a generic component may use: they hold no feature. */
const GENERIC = ['./components', './state', './i18n', './styles'];

const restrictPaths = (zones) => ['error', { zones }];
/** Bare package names only: a relative path through a folder named `electron` is another rule's business. */
const restrictPackages = (names, message) => ['error', { patterns: [{ regex: `^(${names.join('|')})(/|$)`, message }] }];

export default [
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  {
    files: ['**/*.{ts,tsx,mts,mjs,js,cjs}'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    // A boundary is not switched off by a comment: `npm run lint` ignores inline `eslint-disable`
    // comments (--no-inline-config), so none needs reporting.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    plugins: { 'import-x': importX },
    settings: {
      // Sources import `./x.js` for `./x.ts`: the TypeScript resolver maps them, so every path is checked.
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['shared/tsconfig.json', 'electron/tsconfig.json', 'renderer/tsconfig.json', 'tests/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
  },
  {
    // An import the resolver cannot follow would slip past every boundary below: make it an error.
    files: ['shared/**', 'renderer/**', 'electron/**'],
    rules: { 'import-x/no-unresolved': 'error' },
  },
  {
    files: ['shared/**'],
    rules: {
      'import-x/no-restricted-paths': restrictPaths([
        {
          target: './shared',
          from: ['./electron', './renderer', './tests', './scripts', './bin'],
          message: 'shared/ is the domain: it imports nothing of the other layers.',
        },
      ]),
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': restrictPackages([...NODE_PACKAGES, ...REACT_PACKAGES], 'shared/ runs in Node, in Electron and in the browser: no runtime-specific package.'),
    },
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'import-x/no-restricted-paths': restrictPaths([
        {
          target: './renderer',
          from: ['./electron', './tests', './scripts', './bin'],
          message: 'renderer/ reaches the main side only through the API contract in shared/.',
        },
        {
          target: './renderer/src/components',
          from: './renderer/src',
          except: GENERIC,
          message: 'a generic component imports no feature folder: give it what it needs as props, or move it into its feature.',
        },
        {
          // The map engine; the React views beside it (renderer/src/map/views) are where it meets the app.
          target: './renderer/src/map/engine',
          from: './renderer/src',
          except: ['./map/engine'],
          message: 'the map engine imports nothing of the renderer above itself: features talk to it through its API (renderer/src/map/README.md).',
        },
      ]),
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': restrictPackages(NODE_PACKAGES, 'renderer/ runs in a browser page: no Node or Electron package.'),
    },
  },
  {
    // The map engine draws with Cytoscape and graphology, never with React: its views do that.
    files: ['renderer/src/map/engine/**'],
    rules: {
      'no-restricted-imports': restrictPackages([...NODE_PACKAGES, ...REACT_PACKAGES], 'the map engine is plain TypeScript over Cytoscape: React belongs to its views (renderer/src/map/views).'),
    },
  },
  {
    files: ['electron/**'],
    rules: {
      'import-x/no-restricted-paths': restrictPaths([
        { target: './electron', from: ['./renderer', './tests', './scripts'], message: 'electron/ imports shared/, never the renderer.' },
        {
          target: ['./electron/services', './electron/cli'],
          from: './electron/main',
          message: 'the plain-Node services and the CLI run without Electron (in the CLI and in tests): they never load the shell.',
        },
      ]),
    },
  },
  {
    files: ['electron/services/**', 'electron/cli/**'],
    rules: {
      'no-restricted-imports': restrictPackages(ELECTRON_PACKAGES, 'the plain-Node services and the CLI run without Electron: they never load it.'),
    },
  },
];
