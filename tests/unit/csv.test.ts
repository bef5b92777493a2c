import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvStreamReader, detectDelimiter, parseCsv, type CsvDelimiter } from '../../src/lib/csv-read';
import { toCsv } from '../../src/lib/csv-write';

describe('parseCsv', () => {
  it('reads a plain comma-separated file with LF line ends', () => {
    expect(parseCsv('a,b\n1,2\n').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('drops a leading BOM so the first header is not "\\uFEFFdate"', () => {
    const table = parseCsv('\uFEFFdate,score\r\n2025-01-01,1\r\n');
    expect(table.rows[0]).toEqual(['date', 'score']);
  });

  it('detects ; and tab from the header line', () => {
    expect(parseCsv('date;score;note\n2025-01-01;1,5;x').rows).toEqual([
      ['date', 'score', 'note'],
      ['2025-01-01', '1,5', 'x'],
    ]);
    expect(parseCsv('a\tb\n1\t2').delimiter).toBe('\t');
  });

  it('ignores delimiters inside quotes when detecting', () => {
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('reads quoted fields holding delimiters, doubled quotes and line breaks', () => {
    const text = 'id,quote\r\n1,"He said ""no"", then left"\r\n2,"line one\r\nline two"\r\n3,plain\r\n';
    const table = parseCsv(text);
    expect(table.rows).toEqual([
      ['id', 'quote'],
      ['1', 'He said "no", then left'],
      ['2', 'line one\r\nline two'],
      ['3', 'plain'],
    ]);
    // Record 3 starts on line 5 because record 2 spans two lines.
    expect(table.lines).toEqual([1, 2, 3, 5]);
    expect(table.problems).toEqual([]);
  });

  it('accepts a lone CR as a line end and skips blank lines', () => {
    expect(parseCsv('a,b\r1,2\r\r\n\n3,4').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,b,c\n1,,\n').rows[1]).toEqual(['1', '', '']);
  });

  it('reports a quoted field that is never closed, with the line it starts on', () => {
    const table = parseCsv('a,b\n1,"open\n2,3\n');
    expect(table.problems).toEqual([
      {
        line: 2,
        message: 'a quoted field is never closed (the file may be truncated, or a quote is missing)',
      },
    ]);
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(parseCsv('a\n5" screen\n').rows[1]).toEqual(['5" screen']);
  });
});

describe('CsvStreamReader', () => {
  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'h1;h2\r\n"a;""b""\r\nc";d\r\ne;f\r\n';
    const whole = parseCsv(text);
    for (let size = 1; size <= 5; size++) {
      const reader = new CsvStreamReader();
      const rows: string[][] = [];
      for (let i = 0; i < text.length; i += size) rows.push(...reader.push(text.slice(i, i + size)).rows);
      rows.push(...reader.finish().rows);
      expect(rows).toEqual(whole.rows);
      expect(reader.delimiter).toBe(';');
    }
  });
});

describe('toCsv', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'x\ny', '']])).toBe('a,"b,c","say ""hi""","x\ny",\r\n');
  });

  it('writes a row of one empty field as "" so it survives a round trip', () => {
    expect(toCsv([['h'], ['']])).toBe('h\r\n""\r\n');
  });

  it('can guard spreadsheet formulas without touching numbers', () => {
    expect(toCsv([['=HYPERLINK("x")', '-1.5', '@SUM(A1)', 'plain']], { guardFormulas: true })).toBe(
      `"'=HYPERLINK(""x"")",-1.5,'@SUM(A1),plain\r\n`,
    );
  });

  it('uses the given delimiter and newline', () => {
    expect(toCsv([['a', 'b;c']], { delimiter: ';', newline: '\n' })).toBe('a;"b;c"\n');
  });
});

const field = fc.string({
  unit: fc.constantFrom('a', 'Z', '1', ' ', ',', ';', '\t', '"', '\n', '\r', 'é', '\uFEFF', '🙂'),
});
const anyField = fc.oneof(field, fc.string({ unit: 'grapheme' }));
const rowsArb = fc.array(fc.array(anyField, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

describe('CSV properties', () => {
  it('parse(toCsv(rows)) gives the rows back', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        expect(parseCsv(toCsv(rows)).rows).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips with any delimiter and newline when the delimiter is given', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
        fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
        (rows, delimiter, newline) => {
          expect(parseCsv(toCsv(rows, { delimiter, newline }), { delimiter }).rows).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips with the delimiter detected when the header has two or more fields', () => {
    const withHeader = fc
      .tuple(fc.array(anyField, { minLength: 2, maxLength: 5 }), rowsArb)
      .map(([h, r]) => [h, ...r]);
    fc.assert(
      fc.property(withHeader, fc.constantFrom<CsvDelimiter>(',', ';', '\t'), (rows, delimiter) => {
        expect(parseCsv(toCsv(rows, { delimiter })).rows).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any text, in one piece or in chunks, and returns string records', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ',', ';', '\t', '"', '\n', '\r', '\uFEFF', ' ') }),
        fc.integer({ min: 1, max: 7 }),
        (text, size) => {
          const whole = parseCsv(text);
          const reader = new CsvStreamReader();
          const rows: string[][] = [];
          for (let i = 0; i < text.length; i += size) rows.push(...reader.push(text.slice(i, i + size)).rows);
          rows.push(...reader.finish().rows);
          expect(rows).toEqual(whole.rows);
          for (const r of whole.rows) for (const f of r) expect(typeof f).toBe('string');
        },
      ),
      { numRuns: 500 },
    );
  });
});
