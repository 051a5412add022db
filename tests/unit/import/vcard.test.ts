import { describe, expect, it } from 'vitest';
import { parseImportFile, parseVcard } from '../../../shared/import/index.js';
import { MAX_PHOTO_BYTES } from '../../../shared/import/vcard.js';
import { parseFixture } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('vCard', () => {
  it('decodes quoted-printable with soft breaks in UTF-8, Windows-1252 and raw ISO-8859-1', () => {
    const r = parseFixture('v21-encodings.vcf');
    expect(r.format).toBe('vcard');
    expect(r.contacts.map((c) => c.name)).toEqual(['François Lévêque', 'Renée €uro', 'Jérôme Müller']);
    expect(r.contacts[0]!.notes).toBe('Première ligne\r\nDeuxième ligne');
    expect(r.contacts[0]!.familyName).toBe('Lévêque');
  });

  it('decodes CHARSET=SHIFT_JIS bytes', () => {
    expect(parseFixture('v21-shiftjis.vcf').contacts[0]!.name).toBe('山田太郎');
  });

  it('unfolds bytes before decoding, so a fold inside a UTF-8 character is harmless', () => {
    expect(parseFixture('v30-fold-multibyte.vcf').contacts[0]!.name).toBe('René Char lot');
  });

  it('reads Apple grouped properties, X-ABLabel, X-ABRELATEDNAMES, CATEGORIES and a small photo', () => {
    const c = parseFixture('v30-apple-grouped.vcf').contacts[0]!;
    expect(c.emails.map((e) => [e.value, e.label])).toEqual([
      ['aiko@example.jp', 'other'],
      ['aiko@club.example', 'Climbing club'],
    ]);
    expect(c.profileUrl).toBe('https://www.linkedin.com/in/aiko');
    expect(c.organizations).toEqual([{ name: 'Sony', department: 'Design', title: 'Lead designer', current: true, source: 'v30-apple-grouped.vcf' }]);
    expect(c.categories).toEqual(['Design', 'Tokyo']);
    expect(c.notes).toBe('Related (spouse): Kenji Nakamura');
    expect(c.birthday).toBe('1990-02-28');
    expect(c.photo).toMatch(/^data:image\/jpeg;base64,\/9j\//);
  });

  it('unescapes \\, \\; \\n \\\\ and RFC 6868 carets in parameters', () => {
    const c = parseFixture('v40-escapes.vcf').contacts[0]!;
    expect(c.name).toBe('Dupont, Jean-Marc');
    expect(c.organizations[0]).toMatchObject({ name: 'Dupont; Fils', department: 'Ventes, Export' });
    expect(c.notes).toBe('Première ligne\nSeconde ligne avec \\ et ;\nRelated (colleague): Sophie Martin');
    expect(c.addresses[0]).toMatchObject({ street: '12 rue Haute', city: 'Lille', postalCode: '59000', label: 'work' });
  });

  it('reads lower-case keywords and \\r\\r\\n line ends', () => {
    const c = parseFixture('v21-lowercase-crcrlf.vcf').contacts[0]!;
    expect(c).toMatchObject({ name: 'Lowercase Person' });
    expect(c.emails[0]!.value).toBe('lower@example.com');
    expect(c.phones[0]).toMatchObject({ value: '01 23 45 67 89', label: 'work' });
  });

  it('imports nested cards, inner first', () => {
    expect(parseFixture('nested.vcf').contacts.map((c) => c.name)).toEqual(['Charles Child', 'Paula Parent']);
  });

  it('reports a truncated card with its number and line, and keeps the complete ones', () => {
    const r = parseFixture('truncated.vcf');
    expect(r.contacts.map((c) => c.name)).toEqual(['Complete Card']);
    expect(r.errors).toEqual([expect.objectContaining({ file: 'truncated.vcf', card: 2, line: 6, key: 'import.msg.cardNotClosed', message: expect.stringContaining('not closed by END:VCARD') })]);
  });

  it('drops an invalid base64 photo with a warning and keeps the contact', () => {
    const r = parseFixture('invalid-photo.vcf');
    expect(r.contacts[0]!.name).toBe('Photo Broken');
    expect(r.contacts[0]!.photo).toBeUndefined();
    expect(r.warnings).toEqual([expect.objectContaining({ file: 'invalid-photo.vcf', card: 1, line: 4, key: 'import.msg.photoNotBase64', message: expect.stringContaining('not valid base64') })]);
  });

  it('leaves out a photo too big to be a thumbnail, on purpose', () => {
    const big = 'A'.repeat(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 400);
    const r = parseVcard(enc(`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:${big}\r\nEND:VCARD\r\n`), 'big.vcf');
    expect(r.contacts[0]!.photo).toBeUndefined();
    expect(r.warnings[0]!.message).toContain('larger than');
  });

  it('several cards in one file, with odd line endings mixed', () => {
    const text = 'BEGIN:VCARD\nVERSION:3.0\nFN:One\nEND:VCARD\r\nBEGIN:VCARD\rVERSION:4.0\rFN:Two\rEND:VCARD\r';
    expect(parseVcard(enc(text), 'x.vcf').contacts.map((c) => c.name)).toEqual(['One', 'Two']);
  });
});

describe('bad input', () => {
  it('names the file and the reason for binary garbage', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const r = parseImportFile(bytes, 'photo.jpg');
    expect(r.contacts).toEqual([]);
    expect(r.errors[0]).toEqual(expect.objectContaining({ file: 'photo.jpg', key: 'import.msg.binaryFile', message: expect.stringContaining('binary data') }));
  });

  it('refuses a text file that is not a contact file', () => {
    const r = parseImportFile(enc('just some words\nand more words\n'), 'readme.md');
    expect(r.errors[0]!.message).toContain('not a contact file');
  });

  it('detects a vCard from its content whatever the extension, and obeys an override', () => {
    const card = enc('BEGIN:VCARD\nVERSION:3.0\nFN:Named Card\nEND:VCARD\n');
    expect(parseImportFile(card, 'contacts.txt').format).toBe('vcard');
    expect(parseImportFile(card, 'contacts.txt', { format: 'csv' }).format).not.toBe('vcard');
  });

  it('refuses an empty file', () => {
    expect(parseImportFile(new Uint8Array(0), 'empty.csv').errors[0]!.message).toContain('empty');
  });
});
