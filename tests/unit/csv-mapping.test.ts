import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv-read';
import { toCsv } from '../../src/lib/csv-write';
import {
  checkMapping,
  guessMapping,
  mapCsv,
  parseDateValue,
  parseNumber,
  rescale,
  toCsvInput,
  type CsvMapping,
} from '../../src/features/import/csv-mapping';
import { problemText } from '../../src/features/import/import-types';
import { slugify } from '../../src/lib/slug';
import { validateDataset } from '../../src/domain/validate';
import gdeltCsv from '../fixtures/gdelt-events-2020-11-13_15-sample.csv?raw';

const HEADER = ['date', 'actor', 'score', 'theme', 'kind', 'quote'];
const base: CsvMapping = {
  date: 0,
  actor: 1,
  score: 2,
  theme: 3,
  kind: 4,
  speaker: null,
  quote: 5,
  summary: null,
  source: null,
  groupBy: null,
  scoreMin: -3,
  scoreMax: 3,
  higherMeans: 'hawkish',
};
const opts = { name: 'mine.csv', today: '2025-09-01' };

function mapText(text: string, mapping: CsvMapping = base) {
  return mapCsv(toCsvInput(parseCsv(text)), mapping, opts);
}

describe('parseDateValue', () => {
  it.each([
    ['2025-02-28', '2025-02-28', 'day'],
    ['20250228', '2025-02-28', 'day'],
    ['2025-03', '2025-03', 'month'],
    ['202503', '2025-03', 'month'],
    ['2025', '2025', 'year'],
    ['2025-2-3', '2025-02-03', 'day'],
    ['2025-02-28T13:45:00Z', '2025-02-28', 'day'],
  ])('reads %s', (raw, date, precision) => {
    expect(parseDateValue(raw)).toEqual({ ok: true, date, precision });
  });

  it('says 2025-02-30 is not a real calendar date', () => {
    expect(parseDateValue('2025-02-30')).toEqual({
      ok: false,
      message: '"2025-02-30" is not a real calendar date',
    });
    expect(parseDateValue('20250230')).toEqual({
      ok: false,
      message: '"20250230" is not a real calendar date',
    });
  });

  it('names the accepted forms for anything else', () => {
    expect(parseDateValue('28/02/2025')).toEqual({
      ok: false,
      message: '"28/02/2025" is not a date (expected YYYY-MM-DD, YYYY-MM, YYYY or YYYYMMDD)',
    });
  });
});

describe('parseNumber and rescale', () => {
  it('reads decimals with a point or comma and a Unicode minus', () => {
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('−1')).toBe(-1);
    expect(parseNumber(' 3.0 ')).toBe(3);
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('1,000.5')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('maps Goldstein −10…+10 (higher = cooperative) to +3…−3: score = −0.3 × Goldstein', () => {
    expect(rescale(10, -10, 10, 'conciliatory')).toBe(-3);
    expect(rescale(-10, -10, 10, 'conciliatory')).toBe(3);
    expect(rescale(3, -10, 10, 'conciliatory')).toBe(-0.9);
    expect(Object.is(rescale(0, -10, 10, 'conciliatory'), 0)).toBe(true);
  });

  it('keeps the sign for a hawkish 0…100 scale', () => {
    expect(rescale(0, 0, 100, 'hawkish')).toBe(-3);
    expect(rescale(50, 0, 100, 'hawkish')).toBe(0);
    expect(rescale(100, 0, 100, 'hawkish')).toBe(3);
  });

  it('is linear and inside −3…+3 for any value in range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('hawkish' as const, 'conciliatory' as const),
        (min, width, t, dir) => {
          const v = rescale(min + t * width, min, min + width, dir);
          expect(v).toBeGreaterThanOrEqual(-3);
          expect(v).toBeLessThanOrEqual(3);
          expect(v).toBeCloseTo(dir === 'hawkish' ? -3 + 6 * t : 3 - 6 * t, 6);
        },
      ),
    );
  });
});

describe('slugify', () => {
  it('makes schema-valid ids', () => {
    expect(slugify('Donald Trump')).toBe('donald-trump');
    expect(slugify('  Zelenskyy, Volodymyr ')).toBe('zelenskyy-volodymyr');
    expect(slugify('Élysée')).toBe('elysee');
    expect(slugify('Россия')).toMatch(/^x-[0-9a-f]+$/);
    expect(slugify('Россия')).not.toBe(slugify('Україна'));
  });
});

describe('guessMapping', () => {
  it('guesses the GDELT columns, grouping Actor1Name by Actor1CountryCode and flipping Goldstein', () => {
    const header = parseCsv(gdeltCsv.slice(0, 2000)).rows[0]!;
    const m = guessMapping(header);
    expect(header[m.date!]).toBe('SQLDATE');
    expect(header[m.actor!]).toBe('Actor1Name');
    expect(header[m.groupBy!]).toBe('Actor1CountryCode');
    expect(header[m.score!]).toBe('GoldsteinScale');
    expect(header[m.theme!]).toBe('EventRootCode');
    expect(header[m.kind!]).toBe('QuadClass');
    expect(header[m.source!]).toBe('SOURCEURL');
    expect(m).toMatchObject({ scoreMin: -10, scoreMax: 10, higherMeans: 'conciliatory' });
  });

  it('guesses a wider range from the sample when scores exceed ±3', () => {
    const m = guessMapping(
      ['Date', 'Actor', 'Score'],
      [
        ['2025', 'a', '-7'],
        ['2025', 'b', '9'],
      ],
    );
    expect(m).toMatchObject({
      date: 0,
      actor: 1,
      score: 2,
      scoreMin: -10,
      scoreMax: 10,
      higherMeans: 'hawkish',
    });
  });

  it('leaves required columns unset when nothing matches, and checkMapping says which', () => {
    const m = guessMapping(['when?', 'who', 'x']);
    expect(m.score).toBeNull();
    expect(checkMapping(m, ['when?', 'who', 'x'])).toContain('Choose the column that holds the score.');
  });
});

describe('mapCsv', () => {
  it('builds a valid v1 dataset with derived actor and theme ids', () => {
    const result = mapText(
      'date,actor,score,theme,kind,quote\n2025-02-28,Donald Trump,-2,Diplomacy,statement,"We are talking, ""a lot"""\n2025-03,Congress,2,Sanctions,action,\n',
    );
    expect(result.fatal).toBeNull();
    expect(result.problems).toEqual([]);
    const d = result.dataset!;
    expect(validateDataset(d).ok).toBe(true);
    expect(d.actors.map((a) => a.id).sort()).toEqual(['congress', 'donald-trump']);
    expect(d.themes.map((t) => t.id)).toEqual(['diplomacy', 'sanctions']);
    expect(d.observations[0]).toMatchObject({
      id: 'row-2',
      date: '2025-02-28',
      datePrecision: 'day',
      actor: 'donald-trump',
      speaker: 'Donald Trump',
      kind: 'statement',
      score: -2,
      originalScore: -2,
      confidence: 'medium',
      quote: 'We are talking, "a lot"',
    });
    expect(d.observations[1]).toMatchObject({ datePrecision: 'month', kind: 'action' });
  });

  it('lists each bad row by row number, field and reason, and opens the rest', () => {
    const text = [
      'date,actor,score,theme,kind,quote',
      '2025-02-30,A,1,t,statement,',
      '2025-02-01,B,nope,t,statement,',
      '2025-02-01,C,9,t,statement,',
      '2025-02-01,,1,t,statement,',
      '2025-02-01,D,1,t,maybe,',
      '2025-02-01,E,1,t',
      '2025-02-01,F,1,t,statement,fine',
    ].join('\n');
    const result = mapText(text);
    expect(result.problems.map(problemText)).toEqual([
      'row 2: date: "2025-02-30" is not a real calendar date',
      'row 3: score: "nope" is not a number',
      'row 4: score: 9 is outside the range -3…3',
      'row 5: actor: is empty',
      'row 6: kind: "maybe" is not a kind (statement or action)',
      'row 7: has 4 fields, but the header has 6 (a missing or extra column, or a stray quote or delimiter)',
    ]);
    expect(result.dataset?.observations.map((o) => o.actor)).toEqual(['f']);
    expect(result.skippedCount).toBe(6);
    expect(result.skipped.header).toEqual(['problem', ...HEADER]);
    expect(result.skipped.rows[0]).toEqual([
      'date: "2025-02-30" is not a real calendar date',
      '2025-02-30',
      'A',
      '1',
      't',
      'statement',
      '',
    ]);
  });

  it('names the source column when it differs from the role', () => {
    const result = mapCsv(
      toCsvInput(parseCsv('SQLDATE,Who,Goldstein\n20250230,x,1\n20250201,x,1\n')),
      {
        ...base,
        theme: null,
        kind: null,
        quote: null,
        scoreMin: -10,
        scoreMax: 10,
        higherMeans: 'conciliatory',
      },
      opts,
    );
    expect(result.problems.map(problemText)).toEqual([
      'row 2: date (SQLDATE): "20250230" is not a real calendar date',
    ]);
  });

  it('rejects a quote over 5,000 characters in that row only', () => {
    const big = 'x'.repeat(1_000_000);
    const result = mapText(
      `date,actor,score,theme,kind,quote\n2025-01-01,A,1,t,statement,${big}\n2025-01-02,A,1,t,statement,ok\n`,
    );
    expect(result.problems.map(problemText)).toEqual([
      'row 2: quote: must be at most 5000 characters (it has 1,000,000)',
    ]);
    expect(result.dataset?.observations).toHaveLength(1);
  });

  it('keeps HTML and script in text fields verbatim (they are rendered as text)', () => {
    const result = mapText(
      'date,actor,score,theme,kind,quote\n2025-01-01,<b>A</b>,1,<script>x</script>,statement,<img src=x onerror=alert(1)>\n',
    );
    expect(result.dataset?.actors[0]?.name).toBe('<b>A</b>');
    expect(result.dataset?.observations[0]?.quote).toBe('<img src=x onerror=alert(1)>');
  });

  it('is fatal, with a sentence, for a header with no rows and for a mapping missing a column', () => {
    expect(mapText('date,actor,score,theme,kind,quote\n').fatal).toBe(
      'The file has a header row but no data rows, so there is nothing to open.',
    );
    expect(mapText('a,b\n1,2\n', { ...base, theme: null, kind: null, quote: null }).fatal).toBe(
      'The score column is not in this file.',
    );
    expect(
      mapText('date,actor,score\n2025-02-30,A,1\n', { ...base, theme: null, kind: null, quote: null }).fatal,
    ).toBe('None of the 1 rows can be opened with this mapping.');
  });

  it('reads a ; separated file with a BOM and decimal commas', () => {
    const result = mapText('\uFEFFdate;actor;score\n2025-01-01;A;1,5\n', {
      ...base,
      theme: null,
      kind: null,
      quote: null,
    });
    expect(result.dataset?.observations[0]?.score).toBe(1.5);
  });

  it('only keeps http(s) source links', () => {
    const m = { ...base, theme: null, kind: null, quote: null, source: 3 };
    const result = mapText(
      'date,actor,score,src\n2025-01-01,A,1,javascript:alert(1)\n2025-01-01,A,1,https://example.org/a\n',
      m,
    );
    expect(result.dataset?.sources.map((s) => s.url)).toEqual([null, 'https://example.org/a']);
  });
});

describe('mapCsv on the real GDELT sample', () => {
  const text = gdeltCsv;
  const table = parseCsv(text);
  const input = toCsvInput(table);
  const mapping = guessMapping(input.header, input.rows.slice(0, 20));
  const result = mapCsv(input, mapping, { name: 'gdelt.csv', today: '2025-09-01' });

  it('opens every row as a per-country series, the USA first', () => {
    expect(table.problems).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.dataset?.observations).toHaveLength(2000);
    expect(result.dataset?.actors[0]).toMatchObject({ id: 'usa', group: 'USA' });
    expect(result.dataset?.actors.map((a) => a.id)).toContain('rus');
  });

  it('flips the sign: every score is −0.3 × Goldstein and the original is kept', () => {
    const g = input.header.indexOf('GoldsteinScale');
    const byId = new Map(result.dataset!.observations.map((o) => [o.id, o]));
    input.rows.forEach((row, i) => {
      const o = byId.get(`row-${input.lines![i]}`)!;
      expect(o.originalScore).toBe(Number(row[g]));
      expect(o.score).toBeCloseTo(-0.3 * Number(row[g]), 9);
    });
  });

  it('labels EventRootCode themes with CAMEO names and QuadClass as words or deeds', () => {
    expect(result.dataset?.themes.find((t) => t.id === '04')?.label).toBe('04 Consult');
    const kinds = new Set(result.dataset!.observations.map((o) => o.kind));
    expect(kinds).toEqual(new Set(['statement', 'action']));
  });
});

const cellArb = fc.string({
  unit: fc.constantFrom('a', '1', '-', ' ', ',', ';', '"', '\n', '<', '2', '0', '.', 'é'),
});
describe('mapper properties', () => {
  it('never throws, and every row is either opened or listed with a problem', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { minLength: 0, maxLength: 5 }), { maxLength: 20 }), (rows) => {
        const header = ['date', 'actor', 'score'];
        const m = { ...base, theme: null, kind: null, quote: null };
        const result = mapCsv({ header, rows }, m, opts);
        const opened = result.dataset?.observations.length ?? 0;
        expect(opened + result.skippedCount).toBe(rows.length);
        if (result.dataset) expect(validateDataset(result.dataset).ok).toBe(true);
      }),
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
        const m = { ...base, theme: null, kind: null, quote: 3 };
        const result = mapCsv(toCsvInput(parseCsv(text)), m, opts);
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
