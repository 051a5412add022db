import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeSettings, MAX_RECENT_FILES, removeSettingsLeftovers, Settings } from '../../../electron/services/settings.js';
import { tempDir } from './helpers.js';

/** The backing electron-store offers: a key/value map. */
function memoryBacking(initial: Record<string, unknown> = {}) {
  const map = new Map(Object.entries(initial));
  return { map, get: (k: string) => map.get(k), set: (k: string, v: unknown) => void map.set(k, v) };
}

describe('Settings', () => {
  it('reads defaults from an empty store', () => {
    expect(new Settings(memoryBacking()).get()).toEqual({ language: null, recentFiles: [], lastDocument: null, routine: { notifications: false, lastSeen: null, sent: [] } });
  });

  it('reads a hand-edited invalid value as its default', () => {
    const s = new Settings(memoryBacking({ language: 'de', recentFiles: 'nope', lastDocument: 42, windowBounds: { width: -1, height: 3 }, routine: { notifications: 'yes', lastSeen: null, sent: [] } }));
    expect(s.get()).toEqual({ language: null, recentFiles: [], lastDocument: null, routine: { notifications: false, lastSeen: null, sent: [] } });
  });

  it('reads the window preferences group by group: a hand-edited bad group costs that group only', () => {
    const s = new Settings(memoryBacking({ preferences: { theme: 'pink', map: { showGaps: true }, panels: { sideWidth: 360, closedSections: ['filters'] }, extra: 1 } }));
    expect(s.get().preferences).toEqual({ map: { showGaps: true }, panels: { sideWidth: 360, closedSections: ['filters'] } });
    expect(new Settings(memoryBacking({ preferences: 'dark' })).get().preferences).toBeUndefined();
    // A patch goes over what is kept, one level deep, and is checked before anything is written.
    expect(s.updatePreferences({ theme: 'dark', map: { sizeBy: 'brokerage' } })).toEqual({
      theme: 'dark',
      map: { showGaps: true, sizeBy: 'brokerage' },
      panels: { sideWidth: 360, closedSections: ['filters'] },
    });
    expect(() => s.updatePreferences({ panels: { drawerWidth: 1e9 } })).toThrow();
    expect(s.get().preferences?.panels).toEqual({ sideWidth: 360, closedSections: ['filters'] });
  });

  it('writes checked values and refuses bad ones without writing anything', () => {
    const backing = memoryBacking();
    const s = new Settings(backing);
    expect(s.update({ language: 'fr', windowBounds: { x: 10, y: 20, width: 800, height: 600 } })).toMatchObject({
      language: 'fr',
      windowBounds: { x: 10, y: 20, width: 800, height: 600 },
    });
    expect(() => s.update({ lastDocument: '/x.json', language: 'de' as 'fr' })).toThrow(/invalid setting "language"/);
    expect(backing.map.has('lastDocument')).toBe(false);
    expect(() => s.update({ nope: 1 } as never)).toThrow(/unknown setting "nope"/);
  });

  it('keeps recent files most recent first, without duplicates, ten at most', () => {
    const s = new Settings(memoryBacking());
    for (let i = 0; i < 12; i++) s.noteOpened(`/docs/${i}.json`);
    s.noteOpened('/docs/5.json');
    const { recentFiles, lastDocument } = s.get();
    expect(recentFiles).toHaveLength(MAX_RECENT_FILES);
    expect(recentFiles[0]).toBe('/docs/5.json');
    expect(recentFiles[1]).toBe('/docs/11.json');
    expect(new Set(recentFiles).size).toBe(recentFiles.length);
    expect(recentFiles).not.toContain('/docs/0.json');
    expect(lastDocument).toBe('/docs/5.json');
    expect(s.update({ recentFiles: ['/a', '/b', '/a'] }).recentFiles).toEqual(['/a', '/b']);
  });
});

describe('createNodeSettings', () => {
  let dir: string;
  let cleanup: () => void;
  const saved = process.env.CARNET_CONFIG_DIR;
  beforeEach(() => ({ dir, cleanup } = tempDir('carnet-settings-')));
  afterEach(() => {
    if (saved === undefined) delete process.env.CARNET_CONFIG_DIR;
    else process.env.CARNET_CONFIG_DIR = saved;
    cleanup();
  });

  it('persists in the given folder with conf', () => {
    createNodeSettings(dir).update({ language: 'en' });
    createNodeSettings(dir).noteOpened('/home/u/carnet.json');
    expect(createNodeSettings(dir).get()).toEqual({ language: 'en', recentFiles: ['/home/u/carnet.json'], lastDocument: '/home/u/carnet.json', routine: { notifications: false, lastSeen: null, sent: [] } });
    const [file] = readdirSync(dir);
    expect(JSON.parse(readFileSync(join(dir, file!), 'utf8')).language).toBe('en');
  });

  it('uses CARNET_CONFIG_DIR when no folder is given', () => {
    process.env.CARNET_CONFIG_DIR = dir;
    createNodeSettings().update({ language: 'fr' });
    expect(createNodeSettings(dir).get().language).toBe('fr');
  });
});

describe('temporary files of the settings', () => {
  it('a write a killed Carnet left behind is removed; one that may be in progress is not', () => {
    const { dir, cleanup } = tempDir('carnet-settings-temps-');
    try {
      const file = join(dir, 'settings.json');
      writeFileSync(file, '{}');
      const stale = `${file}.tmp-1234567890abcdef`;
      const fresh = `${file}.tmp-1234567891abcdef`;
      writeFileSync(stale, '{"half');
      writeFileSync(fresh, '{"half');
      utimesSync(stale, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
      writeFileSync(join(dir, 'other.json.tmp-1234567890abcdef'), 'not ours');
      removeSettingsLeftovers(file);
      expect(readdirSync(dir).sort()).toEqual(['other.json.tmp-1234567890abcdef', 'settings.json', 'settings.json.tmp-1234567891abcdef']);
    } finally {
      cleanup();
    }
  });
});
