/**
 * A form's draft when what it edits changes underneath it (an archive from
 * the header, an undo, another window): each field the user has not touched
 * takes the new stored value, each field they changed keeps their value.
 * Nothing typed is lost, and nothing stale is saved over a newer value.
 */
export function rebaseDraft<T extends object>(draft: T, before: T, after: T): T {
  const out = { ...draft };
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(draft[key]) === JSON.stringify(before[key])) out[key] = after[key];
  }
  return out;
}

export function sameDraft<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
