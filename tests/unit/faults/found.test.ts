// Inputs the fault suite found breaking an entry point, kept as plain tests once fixed.
import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { emptyDocument } from '../../../shared/document/schema.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { buildImportPreview, parseImportFile } from '../../../shared/import/index.js';

const NOW = '2026-03-01T10:00:00.000Z';

describe('found by the fuzzer', () => {
  it('a Google CSV whose Labels cell is a bare "*" creates no category without a name', () => {
    const csv = 'First Name,Last Name,E-mail 1 - Value,Labels\nNadia,Haddad,nadia@lab.org,*\nOmar,Said,omar@lab.org, ::: * myContacts ::: \n';
    const doc = emptyDocument(NOW);
    const preview = buildImportPreview(doc, [parseImportFile(new TextEncoder().encode(csv), 'google.csv')], { now: NOW });
    applyChangeSet(doc, preview.changeSet);
    expect(Object.values(doc.contacts).map((c) => c.name).sort()).toEqual(['Nadia Haddad', 'Omar Said']);
    expect(Object.values(doc.categories).map((c) => c.name)).not.toContain('');
    const check = validateDocument(JSON.parse(JSON.stringify(doc)));
    expect(check.ok ? null : check.error).toBeNull();
  });
});
