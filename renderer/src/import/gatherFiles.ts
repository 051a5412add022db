import { MAX_IMPORT_BYTES } from '../../../shared/import/index.js';

/** A file to import, with the path it had in a dropped folder ("export/Connections.csv") or its plain name. */
export type SourceFile = { file: File; path: string };

/** A file refused before being read, because of its size. */
export type RefusedFile = { path: string; bytes: number };

/** Splits files into those to read and those over the size limit, which are never read. */
export function checkSizes(files: SourceFile[]): { accepted: SourceFile[]; refused: RefusedFile[] } {
  const accepted: SourceFile[] = [];
  const refused: RefusedFile[] = [];
  for (const f of files) {
    if (f.file.size > MAX_IMPORT_BYTES) refused.push({ path: f.path, bytes: f.file.size });
    else accepted.push(f);
  }
  return { accepted, refused };
}

/** The files of a file picker, by name. */
export function filesFromList(list: FileList | readonly File[]): SourceFile[] {
  return Array.from(list, (file) => ({ file, path: file.name }));
}

/**
 * The files of a drop, folders walked. Must be called during the drop event:
 * the browser empties the DataTransfer once the handler returns, so the
 * entries are taken synchronously and only walked afterwards.
 */
export function filesFromDrop(dt: DataTransfer): Promise<SourceFile[]> {
  const taken = Array.from(dt.items)
    .filter((item) => item.kind === 'file')
    .map((item) => ({ entry: item.webkitGetAsEntry?.() ?? null, file: item.getAsFile() }));
  // A DataTransfer built by a script (or an old browser) may list files without items.
  if (taken.length === 0) return Promise.resolve(filesFromList(dt.files));
  return Promise.all(
    taken.map(({ entry, file }) => (entry ? walk(entry) : Promise.resolve(file ? [{ file, path: file.name }] : []))),
  ).then((lists) => lists.flat());
}

async function walk(entry: FileSystemEntry): Promise<SourceFile[]> {
  const path = entry.fullPath.replace(/^\/+/, '') || entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ file, path }];
  }
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries answers in batches (100 in Chromium) until it answers an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const lists = await Promise.all(children.map(walk));
  return lists.flat();
}
