/** Messages between the export dialog and its worker. */
import type { CarnetDocument } from '../../../shared/document/schema.js';
import type { ClusterMap, ExportFormat } from '../../../shared/export/index.js';

export type ExportRequest = { doc: CarnetDocument; format: ExportFormat; clusters?: ClusterMap; stem: string };

/** The one file to save: formats that write several (Kumu) come as a ZIP archive of them. */
export type ExportReply = { ok: true; name: string; mime: string; data: Uint8Array } | { ok: false; message: string };
