// A diagnosis crosses from the analysis worker to the UI thread with its
// per-contact part in columns: what arrives must be the very result computed.
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { generateLargeNetwork } from '../../../shared/demo/largeNetwork.js';
import { packResult, unpackResult } from '../../../renderer/src/analysis/transport.js';

const NOW = '2026-06-01';

describe('analysis transport', () => {
  it('gives back exactly the result, through a structured clone that transfers the columns', () => {
    const doc = generateLargeNetwork({ contacts: 400, ties: 1200, interactions: 900, seed: 4, now: NOW });
    const result = analyzeNetwork(doc, { now: NOW, lang: 'fr' });
    const { packed, transfer } = packResult(result);
    const received = structuredClone(packed, { transfer });
    expect(unpackResult(received)).toEqual(result);
    // The columns moved: the worker's copies are detached.
    expect(transfer.every((b) => b.byteLength === 0)).toBe(true);
  });

  it('keeps ids and names that hold the separator, and an empty network', () => {
    const doc = generateLargeNetwork({ contacts: 3, ties: 2, interactions: 0, seed: 1, now: NOW });
    const [a] = Object.keys(doc.contacts);
    doc.contacts[a!]!.name = 'Nul\u0000Name';
    const result = analyzeNetwork(doc, { now: NOW });
    expect(unpackResult(structuredClone(packResult(result).packed))).toEqual(result);
    const empty = analyzeNetwork(generateLargeNetwork({ contacts: 0, ties: 0, interactions: 0, now: NOW }), { now: NOW });
    expect(unpackResult(structuredClone(packResult(empty).packed))).toEqual(empty);
  });
});
