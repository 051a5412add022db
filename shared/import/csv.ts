/**
 * CSV text to rows, with the line each row starts on (for messages), using
 * papaparse. The delimiter (`,` `;` tab) is chosen from the rows themselves
 * because exports put a preamble (LinkedIn's `Notes:`) before the header.
 */
import Papa from 'papaparse';

export type CsvRow = { cells: string[]; line: number };
/** A problem of the CSV syntax, as a key of `import.msg` and its parameters. */
export type CsvProblem = { line: number; key: string; params?: Record<string, string | number> };
export type CsvTable = { rows: CsvRow[]; delimiter: string; problems: CsvProblem[] };

const DELIMITERS = [',', ';', '\t'] as const;

function fieldCounts(sample: string, delimiter: string): number[] {
  const r = Papa.parse<string[]>(sample, { delimiter, preview: 40, skipEmptyLines: 'greedy' });
  return r.data.map((row) => row.length);
}

/** The delimiter giving the most rows that share the same field count (more than one field). */
export function guessDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best: string = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const freq = new Map<number, number>();
    for (const n of fieldCounts(sample, d)) if (n > 1) freq.set(n, (freq.get(n) ?? 0) + 1);
    let score = 0;
    for (const [n, f] of freq) score = Math.max(score, f * 1000 + Math.min(n, 999));
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Parses CSV text. Rows whose cells are all blank are dropped. A row that is
 * one cell holding another delimiter (a comma row in a tab file) is split on
 * that delimiter and reported.
 */
export function parseCsv(text: string, delimiter = guessDelimiter(text)): CsvTable {
  const newline = text.includes('\n') ? '\n' : '\r';
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let counted = 0;
  let line = 1;
  let rowStart = 0;
  const lineAt = (pos: number): number => {
    for (let i = text.indexOf(newline, counted); i !== -1 && i < pos; i = text.indexOf(newline, i + 1)) line++;
    counted = Math.max(counted, pos);
    return line;
  };
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step(result) {
      const startLine = lineAt(rowStart);
      rowStart = result.meta.cursor;
      for (const e of result.errors) {
        if (e.code === 'MissingQuotes') problems.push({ line: startLine, key: 'quoteNotClosed' });
        else if (e.code === 'InvalidQuotes') problems.push({ line: startLine, key: 'quoteInside' });
      }
      let cells = result.data;
      if (cells.every((c) => c.trim() === '')) return;
      if (cells.length === 1) {
        const other = DELIMITERS.find((d) => d !== delimiter && cells[0]!.includes(d));
        if (other) {
          cells = Papa.parse<string[]>(cells[0]!, { delimiter: other }).data[0] ?? cells;
          problems.push(other === '\t' ? { line: startLine, key: 'rowSeparatedByTabs' } : { line: startLine, key: 'rowSeparatedBy', params: { separator: other } });
        }
      }
      rows.push({ cells, line: startLine });
    },
  });
  return { rows, delimiter, problems };
}

/** Writes rows as RFC 4180 CSV (CRLF, quotes only where needed). */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteCell).join(',')).join('\r\n') + '\r\n';
}

function quoteCell(cell: string): string {
  return /[",\r\n\t;]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
