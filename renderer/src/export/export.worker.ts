/// <reference lib="webworker" />
// Writes an export off the UI thread: a vCard or GEXF of 30,000 contacts is
// tens of megabytes of text.
import { strToU8, zipSync } from 'fflate';
import { exportDocument } from '../../../shared/export/index.js';
import type { ExportReply, ExportRequest } from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<ExportRequest>) => {
  const { doc, format, clusters, stem } = e.data;
  let reply: ExportReply;
  try {
    const files = exportDocument(doc, format, clusters ? { clusters } : {});
    if (files.length === 1) {
      const f = files[0]!;
      reply = { ok: true, name: `${stem}.${f.extension}`, mime: f.mime, data: strToU8(f.text) };
    } else {
      // One download rather than several: browsers ask before letting a page save many files at once.
      const entries = Object.fromEntries(files.map((f) => [`${stem}${f.suffix}.${f.extension}`, strToU8(f.text)]));
      reply = { ok: true, name: `${stem}-${format}.zip`, mime: 'application/zip', data: zipSync(entries) };
    }
  } catch (err) {
    reply = { ok: false, message: (err as Error).message };
  }
  self.postMessage(reply, reply.ok ? [reply.data.buffer] : []);
};
