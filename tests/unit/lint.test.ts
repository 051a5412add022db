// The layer rules of ARCHITECTURE.md live in eslint.config.mjs (`npm run lint`, one check of
// `npm test`). This proves each rule fires on a file that breaks it, and stays quiet on one that
// keeps it: a resolver that silently failed would otherwise make every rule pass.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, allowInlineConfig: false });
});

/** The rules `code` breaks when it sits at `file` (relative to the project). */
async function broken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  const fatal = result!.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(fatal.map((m) => m.message).join('; '));
  return result!.messages.map((m) => m.ruleId ?? 'none');
}

describe('shared/ (the domain)', () => {
  it('imports none of the other layers, statically, dynamically or for types', async () => {
    expect(await broken('shared/document/probe.ts', "import { createBackend } from '../../electron/services/backend.js';")).toEqual(['import-x/no-restricted-paths']);
    expect(await broken('shared/probe.ts', "import type { AppState } from '../renderer/src/state/store.js';")).toEqual(['import-x/no-restricted-paths']);
    expect(await broken('shared/probe.ts', "export const load = () => import('../electron/cli/main.js');")).toEqual(['import-x/no-restricted-paths']);
    expect(await broken('shared/probe.ts', "export { ROOT } from '../tests/helpers/server.js';")).toEqual(['import-x/no-restricted-paths']);
  });

  it('uses no Node module and no runtime-specific package', async () => {
    expect(await broken('shared/probe.ts', "import { readFileSync } from 'node:fs';")).toEqual(['import-x/no-nodejs-modules']);
    expect(await broken('shared/probe.ts', "import path from 'path';")).toEqual(['import-x/no-nodejs-modules']);
    for (const pkg of ['react', 'react-dom/client', 'electron', 'electron-store', 'conf', 'ws']) {
      expect(await broken('shared/probe.ts', `import x from '${pkg}';`), pkg).toEqual(['no-restricted-imports']);
    }
  });

  it('imports itself and portable libraries', async () => {
    expect(await broken('shared/analysis/probe.ts', "import { z } from 'zod';\nimport Graph from 'graphology';\nimport { CarnetDocument } from '../document/schema.js';")).toEqual([]);
  });
});

describe('renderer/', () => {
  it('imports shared/ only, and no Node or Electron package', async () => {
    expect(await broken('renderer/src/probe.ts', "import { createBackend } from '../../electron/services/backend.js';")).toEqual(['import-x/no-restricted-paths']);
    expect(await broken('renderer/src/probe.ts', "import { ROOT } from '../../tests/helpers/server.js';")).toEqual(['import-x/no-restricted-paths']);
    expect(await broken('renderer/src/probe.ts', "import { join } from 'node:path';")).toEqual(['import-x/no-nodejs-modules']);
    expect(await broken('renderer/src/probe.ts', "import { ipcRenderer } from 'electron';")).toEqual(['no-restricted-imports']);
    expect(await broken('renderer/src/probe.ts', "import { parseDocument } from '../../shared/document/validate.js';\nimport { useState } from 'react';")).toEqual([]);
  });

  it('keeps generic components free of feature folders', async () => {
    expect(await broken('renderer/src/components/Probe.tsx', "import { useFilteredCount } from '../filters/filterState.js';")).toEqual(['import-x/no-restricted-paths']);
    expect(await broken('renderer/src/components/Probe.tsx', "import { useAnalysis } from '../analysis/useAnalysis.js';")).toEqual(['import-x/no-restricted-paths']);
    expect(await broken('renderer/src/components/Probe.tsx', "import { Icon } from './Icon.js';\nimport type { ShownNotice } from '../state/store.js';")).toEqual([]);
  });

  it('keeps the map engine free of the renderer above it, its React views aside', async () => {
    expect(await broken('renderer/src/map/engine/probe.ts', "import { categoryOf } from '../../categories/categoryOf.js';")).toEqual(['import-x/no-restricted-paths']);
    expect(await broken('renderer/src/map/engine/probe.ts', "import { useStore } from '../../state/StoreContext.js';")).toEqual(['import-x/no-restricted-paths']);
    expect(await broken('renderer/src/map/engine/probe.ts', "import { useMap } from '../views/mapInstance.js';")).toEqual(['import-x/no-restricted-paths']);
    expect(await broken('renderer/src/map/engine/probe.ts', "import { useState } from 'react';")).toEqual(['no-restricted-imports']);
    expect(await broken('renderer/src/map/engine/probe.ts', "import { TieIndex } from './tieIndex.js';\nimport cytoscape from 'cytoscape';\nimport { parseDocument } from '../../../../shared/document/validate.js';")).toEqual([]);
    expect(await broken('renderer/src/map/views/Probe.tsx', "import { useStore } from '../../state/StoreContext.js';\nimport { CarnetMap } from '../engine/carnetMap.js';")).toEqual([]);
  });
});

describe('every layer', () => {
  it('fails an import it cannot resolve, which no boundary could check', async () => {
    for (const file of ['shared/probe.ts', 'renderer/src/map/engine/probe.ts', 'electron/services/probe.ts']) {
      expect(await broken(file, "import { gone } from './no-such-module.js';"), file).toEqual(['import-x/no-unresolved']);
    }
  });
});

describe('electron/', () => {
  it('imports shared/, never the renderer', async () => {
    expect(await broken('electron/main/probe.ts', "import { App } from '../../renderer/src/App.js';")).toEqual(['import-x/no-restricted-paths']);
    expect(await broken('electron/main/probe.ts', "import { app } from 'electron';\nimport { ARGS } from '../../shared/api/contract.js';")).toEqual([]);
  });

  it('keeps the plain-Node services and the CLI free of Electron', async () => {
    for (const file of ['electron/services/probe.ts', 'electron/cli/commands/probe.ts']) {
      expect(await broken(file, "import { app } from 'electron';"), file).toEqual(['no-restricted-imports']);
      expect(await broken(file, "import Store from 'electron-store';"), file).toEqual(['no-restricted-imports']);
    }
    expect(await broken('electron/services/probe.ts', "import { createWindow } from '../main/window.js';")).toEqual(['import-x/no-restricted-paths']);
    expect(await broken('electron/cli/probe.ts', "import { buildMenu } from '../main/menu.js';")).toEqual(['import-x/no-restricted-paths']);
    expect(await broken('electron/services/probe.ts', "import Conf from 'conf';\nimport { WebSocketServer } from 'ws';\nimport { readFile } from 'node:fs/promises';")).toEqual([]);
  });
});
