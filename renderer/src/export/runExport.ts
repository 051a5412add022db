import type { Cluster } from '../../../shared/analysis/clusters.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import type { ClusterMap, ExportFormat } from '../../../shared/export/index.js';
import type { ExportReply } from './protocol.js';

/** Cluster label of each contact, as the graph exports write it. */
export function clusterMap(clusters: readonly Cluster[]): ClusterMap {
  const map: Record<string, string> = {};
  for (const c of clusters) for (const id of c.members) map[id] = c.label;
  return map;
}

/** A file name stem from the document title, without characters file systems refuse. */
export function fileStem(title: string): string {
  const stem = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  return stem || 'carnet';
}

/** Writes the export in a worker; the worker is stopped once it answers. */
export function exportInWorker(doc: CarnetDocument, format: ExportFormat, stem: string, clusters?: ClusterMap): Promise<{ name: string; blob: Blob }> {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'carnet-export' });
  return new Promise<{ name: string; blob: Blob }>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ExportReply>) => {
      const r = e.data;
      if (r.ok) resolve({ name: r.name, blob: new Blob([r.data as BlobPart], { type: r.mime }) });
      else reject(new Error(r.message));
    };
    worker.onerror = (e) => reject(new Error(e.message || 'the export worker stopped'));
    worker.postMessage({ doc, format, stem, ...(clusters ? { clusters } : {}) });
  }).finally(() => worker.terminate());
}

/**
 * Hands the file to the browser as a download. In browser mode it lands in
 * the downloads folder; in Electron the same download opens the native
 * "Save as" dialog, so both transports share this one path.
 */
export function saveDownload(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel a download that has not started reading the blob yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
