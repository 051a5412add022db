/**
 * An import through the app's import API, as the import dialog runs it
 * (renderer/src/import/importClient.ts): the files sent in pieces, a
 * preview, then the confirm, which applies the import on the main side.
 */
import { IMPORT_CHUNK_BYTES, type EditResult } from '../../shared/api/contract.js';
import { callApi } from './api.js';
import type { CarnetServer } from './server.js';

export async function importThroughApi(server: CarnetServer, files: readonly { name: string; bytes: Uint8Array }[]): Promise<EditResult> {
  const { importId } = await callApi(server, 'importStart');
  for (const f of files) {
    for (let start = 0; start === 0 || start < f.bytes.length; start += IMPORT_CHUNK_BYTES) {
      const end = Math.min(f.bytes.length, start + IMPORT_CHUNK_BYTES);
      await callApi(server, 'importUpload', importId, { name: f.name, data: Buffer.from(f.bytes.subarray(start, end)).toString('base64'), last: end >= f.bytes.length });
    }
  }
  const choices = { mappings: [], skip: [], decisions: [], lang: 'en' };
  await callApi(server, 'importPreview', importId, choices);
  return callApi(server, 'importCommit', importId, choices);
}
