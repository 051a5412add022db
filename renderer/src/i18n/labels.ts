import type { TFunction } from 'i18next';

/**
 * ChangeSet labels are written in English by the shared command builders and
 * stored with the undo history; these patterns give them back in the UI's
 * language when they are known, and show them as they are otherwise.
 */
const PATTERNS: { re: RegExp; key: string; param?: string }[] = [
  { re: /^Add contact$/, key: 'labels.addContact' },
  { re: /^Edit contact$/, key: 'labels.editContact' },
  { re: /^Delete contact$/, key: 'labels.deleteContact' },
  { re: /^Delete (\d+) contacts$/, key: 'labels.deleteContacts', param: 'count' },
  { re: /^Add category$/, key: 'labels.addCategory' },
  { re: /^Delete category$/, key: 'labels.deleteCategory' },
  { re: /^Edit category$/, key: 'labels.editCategory' },
  { re: /^Add to (.+)$/, key: 'labels.addTo', param: 'name' },
  { re: /^Remove from (.+)$/, key: 'labels.removeFrom', param: 'name' },
  { re: /^Change categories$/, key: 'labels.changeCategories' },
  { re: /^Log interaction$/, key: 'labels.logInteraction' },
  { re: /^Move$/, key: 'labels.move' },
  { re: /^Layout$/, key: 'labels.layout' },
  { re: /^Import (\d+) files$/, key: 'import.undoFiles', param: 'count' },
  { re: /^Import (.+)$/, key: 'import.undoFile', param: 'name' },
  { re: /^Snooze suggestion$/, key: 'analysis.labels.snooze' },
  { re: /^Dismiss suggestion$/, key: 'analysis.labels.dismiss' },
  { re: /^Add persona$/, key: 'analysis.labels.addPersona' },
  { re: /^Edit persona$/, key: 'analysis.labels.editPersona' },
  { re: /^Delete persona$/, key: 'analysis.labels.deletePersona' },
];

export function translateLabel(t: TFunction, label: string): string {
  for (const p of PATTERNS) {
    const m = p.re.exec(label);
    if (!m) continue;
    if (!p.param) return t(p.key);
    return t(p.key, { [p.param]: p.param === 'count' ? Number(m[1]) : m[1] });
  }
  return label;
}
