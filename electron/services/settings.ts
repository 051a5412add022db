/**
 * User settings (language, window placement, recent files, last document).
 * Small data only: the contact graph lives in its document file. The
 * backing store is electron-store in the app and `conf` (what electron-store
 * is built on) in plain Node; both are read through `get`/`set`, and every
 * value is checked on read because the file can be edited by hand.
 */
import Conf from 'conf';
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { CsvMappingSchema, LANGUAGES, SentSchema, type RoutineSettings } from '../../shared/api/contract.js';
import { Preferences, mergePreferences } from '../../shared/api/preferences.js';
import { idRecord } from '../../shared/document/idMap.js';
import type { CsvMapping } from '../../shared/import/mapping.js';

export const MAX_RECENT_FILES = 10;
/** CSV headers whose confirmed column mapping is remembered; the oldest is forgotten first. */
export const MAX_IMPORT_MAPPINGS = 50;

const Bounds = z.object({
  x: z.number().finite().optional(),
  y: z.number().finite().optional(),
  width: z.number().finite().positive(),
  height: z.number().finite().positive(),
});

export type SettingsData = {
  language: 'fr' | 'en' | null;
  windowBounds?: { x?: number; y?: number; width: number; height: number };
  recentFiles: string[];
  lastDocument: string | null;
  /** Column mappings the user confirmed, by CSV header key, oldest first. */
  importMappings?: Record<string, CsvMapping>;
  /** Desktop notifications (opt-in), the day the app was last opened, and the reminders already notified. */
  routine: RoutineSettings;
  /** The window's preferences (theme, map options, panels). */
  preferences?: Preferences;
};

/** The key/value store under the settings (an electron-store or a conf instance). */
export type SettingsBacking = { get(key: string): unknown; set(key: string, value: unknown): void };

const FIELDS: { [K in keyof SettingsData]-?: z.ZodType<Required<SettingsData>[K]> } = {
  language: z.enum(LANGUAGES).nullable(),
  windowBounds: Bounds,
  recentFiles: z.array(z.string().min(1)),
  lastDocument: z.string().min(1).nullable(),
  // idRecord: a CSV header may well be "__proto__" or "constructor", and is data.
  importMappings: idRecord(z.string().min(1), CsvMappingSchema),
  routine: z.object({
    notifications: z.boolean(),
    lastSeen: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    sent: SentSchema,
  }),
  preferences: Preferences,
};

const DEFAULTS: SettingsData = { language: null, recentFiles: [], lastDocument: null, routine: { notifications: false, lastSeen: null, sent: [] } };

export class Settings {
  constructor(private readonly backing: SettingsBacking) {}

  /** The current settings; a missing or invalid stored value reads as its default. */
  get(): SettingsData {
    const read = <K extends keyof SettingsData>(key: K): Required<SettingsData>[K] | undefined => {
      const r = (FIELDS[key] as z.ZodType).safeParse(this.backing.get(key));
      return r.success ? (r.data as Required<SettingsData>[K]) : undefined;
    };
    const data: SettingsData = {
      language: read('language') ?? DEFAULTS.language,
      recentFiles: dedupe(read('recentFiles') ?? []).slice(0, MAX_RECENT_FILES),
      lastDocument: read('lastDocument') ?? DEFAULTS.lastDocument,
      routine: read('routine') ?? DEFAULTS.routine,
    };
    const bounds = read('windowBounds');
    if (bounds) data.windowBounds = bounds;
    const mappings = read('importMappings');
    if (mappings) data.importMappings = mappings;
    const preferences = readPreferences(this.backing.get('preferences'));
    if (preferences) data.preferences = preferences;
    return data;
  }

  /** Writes the given fields (checked first: a bad value throws and nothing is written). */
  update(patch: Partial<SettingsData>): SettingsData {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof SettingsData, unknown][];
    for (const [key, value] of entries) {
      if (!Object.hasOwn(FIELDS, key)) throw new Error(`unknown setting "${key}"`);
      const r = FIELDS[key].safeParse(value);
      if (!r.success) throw new Error(`invalid setting "${key}": ${r.error.issues[0]!.message}`);
    }
    for (const [key, value] of entries) {
      this.backing.set(key, key === 'recentFiles' ? dedupe(value as string[]).slice(0, MAX_RECENT_FILES) : value);
    }
    return this.get();
  }

  /** The column mapping confirmed for this CSV header, or null. */
  importMapping(headerKey: string): CsvMapping | null {
    const all = this.get().importMappings ?? {};
    return Object.hasOwn(all, headerKey) ? all[headerKey]! : null;
  }

  /** Remembers the mapping confirmed for this header (the newest last), keeping the last MAX_IMPORT_MAPPINGS. */
  rememberImportMapping(headerKey: string, mapping: CsvMapping): SettingsData {
    const entries = Object.entries(this.get().importMappings ?? {}).filter(([k]) => k !== headerKey);
    entries.push([headerKey, mapping]);
    return this.update({ importMappings: Object.fromEntries(entries.slice(-MAX_IMPORT_MAPPINGS)) });
  }

  /** Changes some of the routine's settings, keeping the others. */
  updateRoutine(patch: Partial<RoutineSettings>): SettingsData {
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    return this.update({ routine: { ...this.get().routine, ...defined } });
  }

  /** Stores `patch` over the preferences kept (checked first: a bad value throws and nothing is written). */
  updatePreferences(patch: Preferences): Preferences {
    const next = mergePreferences(this.get().preferences ?? {}, Preferences.parse(patch));
    return this.update({ preferences: next }).preferences ?? {};
  }

  /** Puts `path` first in the recent files (once), keeps ten, and makes it the document reopened at start. */
  noteOpened(path: string): SettingsData {
    const recent = [path, ...this.get().recentFiles.filter((p) => p !== path)];
    return this.update({ recentFiles: recent, lastDocument: path });
  }
}

/** The preferences stored, each group checked on its own: a hand-edited theme that is wrong costs the theme only. */
function readPreferences(raw: unknown): Preferences | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(Preferences.shape)) {
    if (!Object.hasOwn(raw, key)) continue;
    const r = (schema as z.ZodType).safeParse((raw as Record<string, unknown>)[key]);
    if (r.success && r.data !== undefined) out[key] = r.data;
  }
  return out as Preferences;
}

function dedupe(paths: string[]): string[] {
  return [...new Set(paths)];
}

/**
 * Settings for plain Node (CLI, browser mode, tests), in `conf`'s folder
 * for the project "carnet", or in `cwd` / CARNET_CONFIG_DIR when given.
 */
export function createNodeSettings(cwd?: string): Settings {
  const dir = cwd ?? process.env.CARNET_CONFIG_DIR;
  const conf = new Conf<Record<string, unknown>>({ projectName: 'carnet', configName: 'settings', ...(dir ? { cwd: dir } : {}) });
  removeSettingsLeftovers(conf.path);
  return new Settings(conf);
}

/** Younger than this, a temporary settings file may be another Carnet's write in progress (the app and `carnet web` share the settings). */
const LEFTOVER_AGE_MS = 60_000;

/**
 * conf (and electron-store) write the settings through a temporary
 * `<file>.tmp-<time><hex>`, removed on exit; a Carnet killed in the middle of
 * a write leaves it behind. Those more than a minute old are removed.
 */
export function removeSettingsLeftovers(settingsPath: string, now = Date.now()): void {
  const dir = dirname(settingsPath);
  const leftover = new RegExp(`^${basename(settingsPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.tmp-\\d{10}[a-f0-9]{6}$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!leftover.test(name)) continue;
    try {
      const path = join(dir, name);
      if (now - statSync(path).mtimeMs > LEFTOVER_AGE_MS) unlinkSync(path);
    } catch {
      // Gone meanwhile, or not ours to remove: nothing to do.
    }
  }
}
