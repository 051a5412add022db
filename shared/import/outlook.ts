/**
 * Outlook CSV: the desktop "Export to a file" header (about 90 columns,
 * `Business Street`, `E-mail Address`, `E-mail Type`) and Outlook.com's shorter one.
 * `Title` there is the courtesy title (Mr., Dr.), not the job title.
 */
import type { ColumnTarget } from './mapping.js';

export function isOutlookHeader(norms: readonly string[]): boolean {
  const has = (n: string) => norms.includes(n);
  return (
    (has('e mail address') && (has('business phone') || has('job title') || has('e mail display name'))) ||
    (has('business street') && has('job title')) ||
    (has('email home') && has('business phone'))
  );
}

/** Outlook's meaning of a column, or undefined to use the common names. */
export function outlookColumn(norm: string): ColumnTarget | null | undefined {
  if (norm === 'title') return { field: 'prefix' };
  if (norm === 'e mail address') return { field: 'email', group: '1' };
  if (/^e mail (\d) address$/.test(norm)) return { field: 'email', group: norm.split(' ')[2]! };
  if (/^e mail( \d)? (type|display name)$/.test(norm)) return null;
  if (/^(manager s name|assistant s name|spouse|children|referred by)$/.test(norm)) return { field: 'relation' };
  if (/^(anniversary|gender|priority|private|sensitivity|initials|mileage|billing information|directory server|account|location|keywords|language|hobby|office location|organizational id number|profession|user \d|government id number|internet free busy|maiden name|other address po box|business address po box|home address po box|given yomi|surname yomi|company yomi)$/.test(norm)) {
    return null;
  }
  if (/^im /.test(norm)) return null;
  return undefined;
}
