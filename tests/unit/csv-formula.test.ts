import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardFormula, isFormulaLike, unguardFormula } from '../../src/lib/csv-formula';
import { parseCsv } from '../../src/lib/csv-read';
import { toCsv } from '../../src/lib/csv-write';

// The characters that matter to a spreadsheet, mixed with plain text, so the generator hits the edges.
const edgy = fc.string({
  unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', '1', '.', 'e', 'a', ',', '"', ' '),
  maxLength: 8,
});
const text = fc.oneof(edgy, fc.string({ unit: 'grapheme', maxLength: 20 }));

describe('guardFormula (OWASP leading apostrophe)', () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['@SUM(1)', "'@SUM(1)"],
    ['-2+3', "'-2+3"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', "'\rCR"],
    // Already an apostrophe before a formula character: one more, so reading back takes exactly one off.
    ["'=1", "''=1"],
  ])('guards %j', (raw, guarded) => {
    expect(guardFormula(raw)).toBe(guarded);
    expect(unguardFormula(guarded)).toBe(raw);
  });

  it.each(['-2', '+1.5', '-.5', '1e3', '-1.5E-3', 'plain', "'quoted", "''", '', ' =not first'])(
    'leaves %j alone (a number stays a number; text that cannot run stays as it is)',
    (raw) => {
      expect(isFormulaLike(raw)).toBe(false);
      expect(guardFormula(raw)).toBe(raw);
      expect(unguardFormula(raw)).toBe(raw);
    },
  );

  it('unguard(guard(v)) is v for every string', () => {
    fc.assert(
      fc.property(text, (v) => {
        expect(unguardFormula(guardFormula(v))).toBe(v);
      }),
      { numRuns: 2000 },
    );
  });

  it('no guarded text cell can start a formula', () => {
    fc.assert(
      fc.property(text, (v) => {
        const g = guardFormula(v);
        if (/^[=+\-@\t\r]/.test(g)) expect(g).toMatch(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('a guarded CSV reads back to the same rows, and its number cells are plain numbers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.double({ noNaN: true, noDefaultInfinity: true }), text), {
          minLength: 1,
          maxLength: 6,
        }),
        (rows) => {
          const csv = toCsv([['a', 'n', 'b'], ...rows], { guardFormulas: true });
          const back = parseCsv(csv, { unguardFormulas: true }).rows.slice(1);
          expect(back).toEqual(rows.map(([a, n, b]) => [a, String(n), b]));
          for (const r of parseCsv(csv).rows.slice(1)) expect(Number(r[1])).toBe(Number(String(r[1])));
        },
      ),
      { numRuns: 500 },
    );
  });
});
