/**
 * Hostile inputs for the fault suite (tests/unit/faults, `npm run bench faults`), as fast-check
 * arbitraries. Files are built around the real headers and cards of tests/fixtures/import, so the
 * fuzzer reaches each flavour's own code (LinkedIn, Google, Outlook, Thunderbird, Kumu ties,
 * vCard 2.1 to 4.0, Carnet JSON) instead of stopping at format detection; then mangled: hostile
 * cells, broken quoting, mixed line ends, other encodings, flipped, cut or inserted bytes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import type { CsvMapping } from '../../../shared/import/mapping.js';
import { SCALAR_FIELDS } from '../../../shared/import/mapping.js';
import { decodeText } from '../../../shared/import/decode.js';
import { findHeaderRow } from '../../../shared/import/genericCsv.js';
import { guessDelimiter, parseCsv } from '../../../shared/import/csv.js';
import { ROOT } from '../server.js';

export const FIXTURES = join(ROOT, 'tests', 'fixtures', 'import');

/** One file for a parser: its bytes, its name, and the options a caller may give. */
export type FileCase = { family: string; name: string; bytes: Uint8Array; mapping?: CsvMapping; format?: 'vcard' | 'csv' | 'json' };

/** Names and values that have broken parsers before: built-in property names, separators, odd numbers and dates. */
export const NASTY_STRINGS = [
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf',
  '', ' ', '"', '""', '"""', "'", ',', ';', '\t', '\n', '\r\n', '\r', '\u0000', '\uFEFF', '\u2028', '\uD800', '\uDFFF',
  '=1+1', '@SUM(A1)', '-2+3', '+33 6 12 34 56 78', '0612345678', 'a@b.c', 'Ab@Ex.Example', 'x@', '@x',
  'https://www.linkedin.com/in/x', 'http://[', 'javascript:alert(1)', 'www.example.com',
  '2024-02-30', '31/12/1899', '1/2/3', '--06-21', '2024-13-45T25:61', '10/9/23, 4:12 PM', '0000-00-00',
  'NaN', 'Infinity', '-0', '1e999', '-1', '99999999999999999999', '4.5', '0x10',
  ' '.repeat(300), '\t'.repeat(50), 'é'.repeat(60), 'A\u0301', '😀', '👩‍👩‍👧', 'ﷺ', 'Ⅻ', '\u202Eevil',
  'null', 'undefined', 'true', '[]', '{}', '{"a":1}', '[{"name":"x"}]', '{"__proto__":{"x":1}}',
  'BEGIN:VCARD', 'END:VCARD', '=C3=A9=', '\\n', '\\,', '\\;', '\\',
];

export const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: fc.webUrl() },
  { weight: 1, arbitrary: fc.tuple(fc.date({ noInvalidDate: true }), fc.constantFrom(4, 7, 10, 16, 24)).map(([d, n]) => d.toISOString().slice(0, n)) },
);

const EOL = fc.constantFrom('\r\n', '\n', '\r');

/** How text becomes bytes: the encodings exports really come in, and a lossy Latin-1. */
const encoding = fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be', 'latin1');

export function encode(text: string, how: string): Uint8Array {
  switch (how) {
    case 'utf-8-bom':
      return new TextEncoder().encode(`\uFEFF${text}`);
    case 'utf-16le-bom':
    case 'utf-16be': {
      const le = how === 'utf-16le-bom';
      const body = le ? `\uFEFF${text}` : text;
      const out = new Uint8Array(body.length * 2);
      for (let i = 0; i < body.length; i++) {
        const c = body.charCodeAt(i);
        out[2 * i + (le ? 0 : 1)] = c & 0xff;
        out[2 * i + (le ? 1 : 0)] = c >> 8;
      }
      return out;
    }
    case 'latin1':
      return Uint8Array.from(text, (ch) => (ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f));
    default:
      return new TextEncoder().encode(text);
  }
}

/** A CSV flavour from a fixture: everything up to and including its header, and its delimiter. */
type Flavour = { family: string; prefix: string; delimiter: string; columns: number; ext: string };

function flavours(): Flavour[] {
  const files = [
    ...readdirSync(FIXTURES).filter((f) => /\.(csv|tsv)$/.test(f)),
    ...readdirSync(join(FIXTURES, 'linkedin-export')).map((f) => `linkedin-export/${f}`),
  ];
  return files.map((f) => {
    const { text } = decodeText(readFileSync(join(FIXTURES, f)));
    const delimiter = guessDelimiter(text);
    const table = parseCsv(text, delimiter);
    const header = findHeaderRow(table.rows) ?? 0;
    const headerRow = table.rows[header];
    // The lines before the first data row: a preamble (LinkedIn's "Notes:") and the header.
    const lines = text.split(/\r\n|\n|\r/);
    const nextLine = table.rows[header + 1]?.line ?? (headerRow ? headerRow.line + 1 : 1);
    return {
      family: `csv:${f.replace(/\.(csv|tsv)$/, '')}`,
      prefix: lines.slice(0, nextLine - 1).join('\n'),
      delimiter,
      columns: headerRow?.cells.length ?? 3,
      ext: f.endsWith('.tsv') ? 'tsv' : 'csv',
    };
  });
}

const FLAVOURS = flavours();
export const CSV_FAMILIES = FLAVOURS.map((f) => f.family);

function quoteCell(cell: string, quoted: boolean): string {
  return quoted ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** A CSV file of one flavour: its real header, then rows of hostile cells, some of them broken. */
export function csvFile(flavour: Flavour): fc.Arbitrary<FileCase> {
  const row = fc.array(fc.tuple(nastyString, fc.boolean()), { minLength: 0, maxLength: flavour.columns + 3 });
  return fc
    .record({
      rows: fc.array(row, { maxLength: 30 }),
      eol: EOL,
      enc: encoding,
      duplicate: fc.nat({ max: 40 }),
      // A quote left open swallows the rest of the file: parsers must still end.
      openQuote: fc.boolean(),
    })
    .map(({ rows, eol, enc, duplicate, openQuote }) => {
      const lines = rows.map((cells) => cells.map(([c, q]) => quoteCell(c, q)).join(flavour.delimiter));
      // Identical rows, as a re-export of the same people makes (merging them must stay cheap).
      if (lines[0] !== undefined) for (let i = 0; i < duplicate; i++) lines.push(lines[0]);
      const text = `${flavour.prefix.replaceAll('\n', eol)}${eol}${lines.join(eol)}${openQuote ? `${eol}"unclosed${flavour.delimiter}x` : ''}`;
      return { family: flavour.family, name: `fuzz.${flavour.ext}`, bytes: encode(text, enc) };
    });
}

/** A user-chosen column mapping of any shape the contract accepts. */
const mapping: fc.Arbitrary<CsvMapping> = fc.record({
  headerRow: fc.option(fc.nat({ max: 5 }), { nil: null }),
  dayFirst: fc.boolean(),
  columns: fc.array(
    fc.option(
      fc.oneof(
        fc.constantFrom(...SCALAR_FIELDS).map((field) => ({ field })),
        fc.record({ field: fc.constantFrom('email' as const, 'phone' as const, 'url' as const), label: fc.option(fc.constantFrom('work', '__proto__', ''), { nil: undefined }), group: fc.option(fc.constantFrom('1', 'constructor'), { nil: undefined }) }),
        fc.record({ field: fc.constant('address' as const), part: fc.constantFrom('street' as const, 'street2' as const, 'city' as const, 'region' as const, 'postalCode' as const, 'country' as const, 'formatted' as const), label: fc.constant(undefined), group: fc.option(fc.constantFrom('home', 'toString'), { nil: undefined }) }),
        fc.record({ field: fc.constantFrom('organization' as const, 'title' as const, 'department' as const), group: fc.option(fc.constantFrom('1', '__proto__'), { nil: undefined }) }),
        fc.record({ field: fc.constant('label' as const), of: fc.constantFrom('email' as const, 'phone' as const, 'url' as const, 'address' as const, 'relation' as const), group: fc.constantFrom('1', 'constructor') }),
        fc.record({ field: fc.constant('relation' as const), group: fc.option(fc.constant('1'), { nil: undefined }) }),
        fc.record({ field: fc.constant('json' as const), of: fc.constantFrom('organizations' as const, 'schools' as const, 'addresses' as const) }),
      ),
      { nil: null },
    ),
    { maxLength: 12 },
  ),
}).map((m) => JSON.parse(JSON.stringify(m)) as CsvMapping);

/** Any CSV flavour read with a mapping the user might have confirmed for another file. */
export const mappedCsvFile: fc.Arbitrary<FileCase> = fc
  .tuple(fc.constantFrom(...FLAVOURS).chain(csvFile), mapping)
  .map(([file, m]) => ({ ...file, family: 'csv:mapped', mapping: m }));

/** Byte edits: flip, insert, delete, or cut the file. */
const edits = fc.array(fc.tuple(fc.constantFrom('flip', 'insert', 'delete', 'cut'), fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 12 });

export function mutate(bytes: Uint8Array, ops: [string, number, number][]): Uint8Array {
  let b = Array.from(bytes);
  for (const [op, at, value] of ops) {
    const i = b.length === 0 ? 0 : at % b.length;
    if (op === 'flip' && b.length > 0) b[i] = value;
    else if (op === 'insert') b.splice(i, 0, value);
    else if (op === 'delete') b.splice(i, 1);
    else if (op === 'cut') b = b.slice(0, i);
  }
  return Uint8Array.from(b);
}

const FIXTURE_FILES = [
  ...readdirSync(FIXTURES).filter((f) => /\.(csv|tsv|vcf)$/.test(f)),
  ...readdirSync(join(FIXTURES, 'linkedin-export')).map((f) => `linkedin-export/${f}`),
].map((f) => ({ name: f.replace(/^.*\//, ''), bytes: new Uint8Array(readFileSync(join(FIXTURES, f))) }));

/** A real export file with bytes flipped, inserted, deleted or cut off. */
export const mutatedFixture: fc.Arbitrary<FileCase> = fc
  .tuple(fc.constantFrom(...FIXTURE_FILES), edits)
  .map(([f, ops]) => ({ family: f.name.endsWith('.vcf') ? 'vcard:mutated' : 'csv:mutated', name: f.name, bytes: mutate(f.bytes, ops) }));

const VCARD_PROPS = [
  'FN', 'N', 'EMAIL', 'TEL', 'ORG', 'TITLE', 'ADR', 'URL', 'NOTE', 'BDAY', 'UID', 'PHOTO', 'CATEGORIES', 'NICKNAME',
  'X-SOCIALPROFILE', 'item1.EMAIL', 'item1.X-ABLabel', 'REV', 'KIND', 'MEMBER', 'RELATED', 'LABEL', 'AGENT', 'ROLE',
  'GEO', 'TZ', 'X-ANNIVERSARY', '__proto__', 'constructor', 'fn', 'Tel', '',
];
const VCARD_PARAMS = [
  'TYPE=work', 'TYPE=HOME,PREF', 'type=cell', 'ENCODING=QUOTED-PRINTABLE', 'ENCODING=BASE64', 'ENCODING=b', 'CHARSET=UTF-8',
  'CHARSET=ISO-8859-1', 'CHARSET=Shift_JIS', 'CHARSET=nope', 'VALUE=uri', 'VALUE=date', 'PREF=1', 'LANGUAGE=fr', 'X-X="a;b:c"',
  'TYPE=', '=', 'WORK', 'INTERNET', 'TYPE=__proto__',
];
const vcardValue = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 7 }).map((parts) => parts.join(';')) },
  { weight: 1, arbitrary: fc.base64String({ maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.array(fc.nat({ max: 255 }), { maxLength: 20 }), fc.constantFrom('', '=', '=\r\n'))
      .map(([bs, end]) => bs.map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('') + end),
  },
);
const vcardLine = fc
  .record({ prop: fc.constantFrom(...VCARD_PROPS), params: fc.array(fc.constantFrom(...VCARD_PARAMS), { maxLength: 3 }), value: vcardValue, fold: fc.option(fc.nat(), { nil: undefined }), foldWith: fc.constantFrom('\r\n ', '\n\t', '\r\n\t', '=\r\n') })
  .map(({ prop, params, value, fold, foldWith }) => {
    const line = `${prop}${params.length ? `;${params.join(';')}` : ''}:${value}`;
    if (fold === undefined || line.length < 2) return line;
    const at = 1 + (fold % (line.length - 1));
    return `${line.slice(0, at)}${foldWith}${line.slice(at)}`;
  });
const vcard = fc
  .record({ version: fc.constantFrom('2.1', '3.0', '4.0', '5.0', '', 'x'), lines: fc.array(vcardLine, { maxLength: 12 }), end: fc.constantFrom('END:VCARD', 'end:vcard', '', 'END:VCARDX'), nested: fc.boolean() })
  .map(({ version, lines, end, nested }) => ['BEGIN:VCARD', `VERSION:${version}`, ...lines, ...(nested ? ['BEGIN:VCARD', 'FN:inner'] : []), end].join('\r\n'));

/** vCards of every version, with odd properties, parameters, encodings, folding and unfinished cards. */
export const vcardFile: fc.Arbitrary<FileCase> = fc
  .record({ cards: fc.array(vcard, { minLength: 1, maxLength: 6 }), eol: EOL, enc: encoding })
  .map(({ cards, eol, enc }) => ({ family: 'vcard:generated', name: 'fuzz.vcf', bytes: encode(cards.join(eol).replaceAll('\r\n', eol), enc) }));

/** A Carnet JSON document with a value, a key or a type changed somewhere (built by `documentMutation`). */
export const carnetJsonFile = (mutatedDocument: fc.Arbitrary<unknown>): fc.Arbitrary<FileCase> =>
  fc.tuple(mutatedDocument, fc.boolean()).map(([doc, asJson]) => ({ family: 'json:carnet', name: asJson ? 'fuzz.json' : 'fuzz.txt', bytes: new TextEncoder().encode(JSON.stringify(doc) ?? 'null'), format: asJson ? undefined : ('json' as const) }));

/** Any bytes under any name, with or without a forced format. */
export const randomFile: fc.Arbitrary<FileCase> = fc
  .record({
    bytes: fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 400 }).map((s) => new TextEncoder().encode(s)), fc.jsonValue().map((v) => new TextEncoder().encode(JSON.stringify(v)))),
    name: fc.constantFrom('x.csv', 'x.vcf', 'x.json', 'x.txt', 'x.tsv', 'x', '__proto__.csv', 'Connections.csv', 'messages.csv'),
    format: fc.constantFrom(undefined, 'vcard' as const, 'csv' as const, 'json' as const),
  })
  .map((f) => ({ family: 'bytes:random', ...f }));

/** A ZIP archive (a LinkedIn export) of generated files, or mangled archive bytes. */
export const zipFile: fc.Arbitrary<{ family: string; name: string; bytes: Uint8Array }> = fc
  .record({
    entries: fc.array(fc.tuple(fc.constantFrom('Connections.csv', 'messages.csv', 'Invitations.csv', 'Profile.csv', '__MACOSX/x.csv', 'a/b/contacts.vcf', '__proto__.csv', '../../evil.csv', 'constructor.json'), fc.oneof(fc.constantFrom(...FLAVOURS).chain(csvFile), vcardFile)), { maxLength: 4 }),
    ops: fc.option(edits, { nil: undefined }),
  })
  .map(({ entries, ops }) => {
    const files: Record<string, Uint8Array> = Object.create(null);
    for (const [name, f] of entries) Object.defineProperty(files, name, { value: f.bytes, enumerable: true, configurable: true, writable: true });
    const zipped = zipSync(files);
    return { family: 'zip', name: 'export.zip', bytes: ops ? mutate(zipped, ops) : zipped };
  });

/** Every kind of import file, in proportions that give each flavour its share. */
export const anyImportFile: fc.Arbitrary<FileCase> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FLAVOURS).chain(csvFile) },
  { weight: 2, arbitrary: mappedCsvFile },
  { weight: 3, arbitrary: mutatedFixture },
  { weight: 3, arbitrary: vcardFile },
  { weight: 1, arbitrary: randomFile },
);
