/**
 * Which files of a folder or an archive to read. A LinkedIn data export
 * holds dozens of CSVs about the user's own account; Carnet reads the ones
 * that describe the network (connections, messages, invitations,
 * endorsements, recommendations) and the user (profile, positions,
 * education, skills), and names the others as ignored. LinkedIn's file
 * names drift between exports (`Endorsement_Received_Info.csv`,
 * `Recommendations Received.csv`, `messages.csv` or `Messages.csv`), so
 * names are compared without case, spaces or underscores.
 */

const CONTACT_EXTENSIONS = /\.(csv|tsv|txt|vcf|vcard|json)$/i;
const LINKEDIN_USED =
  /^(connections|messages|invitations|profile|positions|education|skills|endorsements?(given|received)(info)?|recommendations?(given|received))$/;

/** `Basic_LinkedInDataExport/Endorsement_Received_Info.csv` → `endorsementreceivedinfo`; null for a file that is not a CSV. */
function linkedinName(path: string): string | null {
  const base = path.split(/[\\/]/).pop() ?? path;
  const m = /^(.*)\.csv$/i.exec(base);
  return m ? m[1]!.toLowerCase().replace(/[^a-z0-9]/g, '') : null;
}

/** Files of the operating system or of an archiver, never the user's: `__MACOSX/`, `.DS_Store`. */
const isSystemFile = (path: string) => /(^|[\\/])(__MACOSX|\.)/.test(path);

/** True when the files are (part of) a LinkedIn data export. */
export function isLinkedInExport(paths: readonly string[]): boolean {
  const names = new Set(paths.map(linkedinName));
  return names.has('connections') || (names.has('profile') && (names.has('positions') || names.has('skills') || names.has('education')));
}

/**
 * Keeps the files of one folder or archive worth importing; `skipped` are the others, which the preview
 * names as ignored.
 */
export function selectExportFiles<T extends { name: string }>(files: readonly T[]): { selected: T[]; skipped: T[] } {
  const linkedin = isLinkedInExport(files.map((f) => f.name));
  const keep = (f: T) => !isSystemFile(f.name) && (linkedin ? LINKEDIN_USED.test(linkedinName(f.name) ?? '') : CONTACT_EXTENSIONS.test(f.name));
  return { selected: files.filter(keep), skipped: files.filter((f) => !keep(f) && !isSystemFile(f.name)) };
}

/** Loose files that are a LinkedIn export picked all at once, not a Connections.csv picked with other files. */
function wholeExport(paths: readonly string[]): boolean {
  return isLinkedInExport(paths) && paths.filter((p) => LINKEDIN_USED.test(linkedinName(p) ?? '')).length >= 4;
}

/**
 * Files dropped or picked together. The files of each dropped folder (`export/Connections.csv`) are
 * filtered as that folder's selection says; loose files are kept as the user chose them, unless they are
 * the files of a LinkedIn export picked all at once: then its CSVs are filtered like the export's folder.
 */
export function selectDropped<T extends { name: string }>(files: readonly T[]): { selected: T[]; skipped: T[] } {
  const selected: T[] = [];
  const skipped: T[] = [];
  const loose: T[] = [];
  const folders = new Map<string, T[]>();
  for (const f of files) {
    const slash = f.name.search(/[\\/]/);
    if (slash < 0) loose.push(f);
    else {
      const top = f.name.slice(0, slash);
      const list = folders.get(top);
      if (list) list.push(f);
      else folders.set(top, [f]);
    }
  }
  if (wholeExport(loose.map((f) => f.name))) {
    for (const f of loose) {
      const used = linkedinName(f.name) === null || LINKEDIN_USED.test(linkedinName(f.name)!);
      (used ? selected : skipped).push(f);
    }
  } else selected.push(...loose);
  for (const group of folders.values()) {
    const r = selectExportFiles(group);
    selected.push(...r.selected);
    skipped.push(...r.skipped);
  }
  return { selected, skipped };
}
