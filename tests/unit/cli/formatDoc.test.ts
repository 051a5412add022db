import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/document/validate.js';
import { ROOT } from './run.js';

describe('docs/format.md', () => {
  const text = readFileSync(join(ROOT, 'docs/format.md'), 'utf8');

  it('has an example that is a valid document', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(text)?.[1];
    expect(example).toBeDefined();
    const result = parseDocument(example!);
    expect(result.ok ? null : result.error).toBeNull();
  });

  it('documents every top-level field of the schema', async () => {
    const { CarnetDocument } = await import('../../../shared/document/schema.js');
    for (const key of Object.keys(CarnetDocument.shape)) expect(text, key).toContain(`| \`${key}\` |`);
  });
});
