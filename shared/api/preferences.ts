/**
 * How the user likes the window: theme, map options, the Diagnosis drawer,
 * the docked panels' sizes. Kept in the settings (electron-store / conf) so
 * they hold in Electron and in browser mode alike: browser mode gets a new
 * origin at every launch (a random port), so localStorage forgets them.
 * Every field is optional and checked on read, since the settings file can
 * be edited by hand; the renderer fills in its defaults.
 */
import { z } from 'zod';

/** Widths of the docked panels, in CSS pixels. */
const width = z.number().int().min(120).max(2000);
/** A name used as a key (a drawer tab, a dock section): short, plain. */
const name = z.string().min(1).max(60).regex(/^[a-z][a-zA-Z0-9-]*$/, 'expected a short lower-case name');

export const MapPreferences = z.strictObject({
  sizeBy: z.enum(['strength', 'brokerage']).optional(),
  showMe: z.boolean().optional(),
  showGaps: z.boolean().optional(),
  showCategories: z.boolean().optional(),
  selection: z.enum(['box', 'lasso']).optional(),
});

export const Preferences = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']).optional(),
  map: MapPreferences.optional(),
  /** The Diagnosis drawer: open or not, and on which tab. */
  drawer: z.strictObject({ open: z.boolean().optional(), tab: name.optional() }).optional(),
  /** The docked panels: the drawer's and the side dock's widths, the side dock folded to its rail, sections folded. */
  panels: z
    .strictObject({
      drawerWidth: width.optional(),
      sideWidth: width.optional(),
      sideCollapsed: z.boolean().optional(),
      closedSections: z.array(name).max(50).optional(),
    })
    .optional(),
});
export type Preferences = z.infer<typeof Preferences>;

/** `patch` over `base`, one level deep (a patch of `map` keeps the other map options). */
export function mergePreferences(base: Preferences, patch: Preferences): Preferences {
  const out: Preferences = { ...base };
  for (const key of Object.keys(patch) as (keyof Preferences)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    const previous = base[key];
    (out as Record<string, unknown>)[key] = typeof value === 'object' && !Array.isArray(value) && previous && typeof previous === 'object' ? { ...previous, ...value } : value;
  }
  return out;
}
