import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../shared/import/decode.js';
import { parseDate, parseDateTime } from '../../../shared/import/dates.js';

describe('decodeText', () => {
  it('decides by BOM, then UTF-16 pattern, then UTF-8 validity, then Shift_JIS, else Windows-1252', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ text: 'A', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0, 0x41]))).toEqual({ text: 'A', encoding: 'utf-16be' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toEqual({ text: 'A', encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array([0x41, 0, 0x42, 0, 0x43, 0]))).toEqual({ text: 'ABC', encoding: 'utf-16le' });
    expect(decodeText(new TextEncoder().encode('Café'))).toEqual({ text: 'Café', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]))).toEqual({ text: 'Café €', encoding: 'windows-1252' });
    // 名無し in Shift_JIS
    expect(decodeText(new Uint8Array([0x96, 0xbc, 0x96, 0xb3, 0x82, 0xb5]))).toEqual({ text: '名無し', encoding: 'shift_jis' });
  });
});

describe('dates', () => {
  it('reads the forms exports write', () => {
    expect(parseDate('15 Mar 2024')).toBe('2024-03-15');
    expect(parseDate('3 févr. 2020')).toBe('2020-02-03');
    expect(parseDate('15. März 2024')).toBe('2024-03-15');
    expect(parseDate('Mar 15, 2024')).toBe('2024-03-15');
    expect(parseDate('20/01/1991')).toBe('1991-01-20');
    expect(parseDate('3/14/1975', false)).toBe('1975-03-14');
    expect(parseDate('0/0/00')).toBeUndefined();
    expect(parseDateTime('2024-03-16 09:12:00 UTC')).toBe('2024-03-16T09:12:00Z');
    expect(parseDateTime('10/9/23, 4:12 PM')).toBe('2023-10-09T16:12:00');
  });
});
