import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv-read';
import { toCsv } from '../../src/lib/csv-write';
import { mapCsv } from '../../src/features/import/csv-mapping';
import { toCsvInput } from '../../src/features/import/csv-guess';
import { validateDataset } from '../../src/domain/validate';
import { mapOptions as opts, threeColumnMapping as three } from './csv-mapping-setup';

// Properties of the CSV mapper over generated files (the example-based tests are in csv-mapping.test.ts).

const cellArb = fc.string({
  unit: fc.constantFrom('a', '1', '-', ' ', ',', ';', '"', '\n', '<', '2', '0', '.', 'é', 'e'),
});
describe('mapper properties', () => {
  it('never throws, and every row is either opened or listed with a problem', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { minLength: 0, maxLength: 5 }), { maxLength: 20 }),
        fc.constantFrom('point' as const, 'comma' as const, 'point-exponent' as const),
        (rows, numberRule) => {
          const header = ['date', 'actor', 'score'];
          const result = mapCsv({ header, rows }, { ...three, numberRule }, opts);
          const opened = result.dataset?.observations.length ?? 0;
          expect(opened + result.skippedCount).toBe(rows.length);
          if (result.dataset) expect(validateDataset(result.dataset).ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips valid rows: written as CSV and mapped back, dates, actors and scores are unchanged', () => {
    const row = fc.record({
      date: fc
        .date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      actor: fc.constantFrom('Donald Trump', 'US Congress', 'Россия', 'N.A.T.O.', '<b>EU</b>'),
      score: fc.integer({ min: -300, max: 300 }).map((n) => n / 100),
      quote: fc.string({ maxLength: 50 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 15 }), (rows) => {
        const text = toCsv([
          ['date', 'actor', 'score', 'quote'],
          ...rows.map((r) => [r.date, r.actor, String(r.score), r.quote]),
        ]);
        const result = mapCsv(toCsvInput(parseCsv(text)), { ...three, quote: 3 }, opts);
        expect(result.problems).toEqual([]);
        const obs = result.dataset!.observations;
        expect(obs.map((o) => [o.date, o.speaker, o.score, o.quote])).toEqual(
          rows.map((r) => [r.date, r.actor.trim(), r.score, r.quote.trim()]),
        );
      }),
      { numRuns: 200 },
    );
  });
});
