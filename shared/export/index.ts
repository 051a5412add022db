/**
 * Export entry point: a document (and optionally the clusters the analysis
 * computed) to the files of one format. Most formats are one file; Kumu is two.
 */
import type { CarnetDocument } from '../document/schema.js';
import { exportCsv } from './csv.js';
import { exportGexf, exportGraphml, type ClusterMap } from './graph.js';
import { exportKumu } from './kumu.js';
import { exportVcard } from './vcard.js';

export const EXPORT_FORMATS = ['vcard', 'csv', 'json', 'gexf', 'graphml', 'kumu'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One output file: `suffix` is added to the chosen file name's stem when a format writes several ("-connections"). */
export type ExportedFile = { suffix: string; extension: string; mime: string; text: string };

export type ExportOptions = { clusters?: ClusterMap };

export function exportDocument(doc: CarnetDocument, format: ExportFormat, options: ExportOptions = {}): ExportedFile[] {
  switch (format) {
    case 'vcard':
      return [{ suffix: '', extension: 'vcf', mime: 'text/vcard', text: exportVcard(doc) }];
    case 'csv':
      return [{ suffix: '', extension: 'csv', mime: 'text/csv', text: exportCsv(doc) }];
    case 'json':
      return [{ suffix: '', extension: 'json', mime: 'application/json', text: JSON.stringify(doc, null, 2) + '\n' }];
    case 'gexf':
      return [{ suffix: '', extension: 'gexf', mime: 'application/xml', text: exportGexf(doc, options.clusters) }];
    case 'graphml':
      return [{ suffix: '', extension: 'graphml', mime: 'application/xml', text: exportGraphml(doc, options.clusters) }];
    case 'kumu': {
      const k = exportKumu(doc, options.clusters);
      return [
        { suffix: '', extension: 'csv', mime: 'text/csv', text: k.elements },
        { suffix: '-connections', extension: 'csv', mime: 'text/csv', text: k.connections },
      ];
    }
  }
}

export { exportCsv, exportGexf, exportGraphml, exportKumu, exportVcard, type ClusterMap };
