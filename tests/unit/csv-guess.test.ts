import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv-read';
import { guessMapping, guessScale, toCsvInput } from '../../src/features/import/csv-guess';
import { checkMapping, mapCsv } from '../../src/features/import/csv-mapping';
import { buildCsvPreview, previewLayout } from '../../src/features/import/csv-preview';
import { looksLikeData, parseDateValue } from '../../src/features/import/csv-values';
import { problemText } from '../../src/features/import/import-types';
import gdeltCsv from '../fixtures/gdelt-events-2020-11-13_15-sample.csv?raw';

// GDELT 1.0's daily export: tab-separated, no header row, 58 columns, and rows whose empty trailing
// SOURCEURL field is missing altogether (57 fields).
const GDELT1 = readFileSync('tests/fixtures/gdelt1-20201113.export.CSV', 'utf8');

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

  it('says 2025-02-30 is not a real calendar date, and names the accepted forms for anything else', () => {
    expect(parseDateValue('20250230')).toEqual({
      ok: false,
      message: '"20250230" is not a real calendar date',
    });
    expect(parseDateValue('28/02/2025')).toEqual({
      ok: false,
      message: '"28/02/2025" is not a date (expected YYYY-MM-DD, YYYY-MM, YYYY or YYYYMMDD)',
    });
  });
});

describe('looksLikeData: is the first record a header?', () => {
  it.each([
    [['date', 'actor', 'score'], false],
    [['Date', 'Actor', 'Score', '2025'], false],
    [['2025-01-01', 'Trump', '2'], true],
    [['Trump', '2'], true],
    [['954683515', '20201113', '202011', '2020', 'USA', 'UNITED STATES'], true],
    [['', ''], false],
  ])('%j → %s', (row, data) => {
    expect(looksLikeData(row)).toBe(data);
  });
});

describe('a header-less, uneven GDELT 1.0 export', () => {
  const table = parseCsv(GDELT1);
  const preview = buildCsvPreview({
    name: 'gdelt1.CSV',
    encoding: 'UTF-8',
    delimiter: table.delimiter,
    records: table,
    problems: [],
  });

  it('is read as data from its first row, with columns named "Column 1…58"', () => {
    expect(table.delimiter).toBe('\t');
    expect(preview.firstRowLooksLikeData).toBe(true);
    expect(preview.guess.firstRowIsData).toBe(true);
    expect(preview.maxFields).toBe(58);
    expect(preview.shortRows).toEqual({ belowFirst: 12, belowWidest: 12 });
    const layout = previewLayout(preview, true);
    expect(layout.header[0]).toBe('Column 1');
    expect(layout.header).toHaveLength(58);
    expect(layout.rowCount).toBe(36);
    expect(layout.rows[0]?.[1]).toBe('20201113');
  });

  it('guesses no column and no scale: the user picks them, and the scale step still applies', () => {
    const m = preview.guess;
    expect([m.date, m.actor, m.score, m.scale, m.higherMeans]).toEqual([null, null, null, null, null]);
    const header = previewLayout(preview, true).header;
    const picked = { ...m, date: 1, actor: 6, groupBy: 7, score: 30, theme: 28, kind: 29, source: 57 };
    expect(checkMapping(picked, header)).toEqual([
      'Choose the scale of the score, or "Other" to state its range: it is never guessed from the values.',
      'Say whether a higher score means more hawkish or more conciliatory.',
    ]);
    // "Column 31" names no scale, so choosing a column by hand recognises nothing.
    expect(guessScale('Column 31', ['2.8', '-2', '1.9']).fields.scale).toBeNull();
  });

  it('opens every row once the Goldstein scale is chosen: short rows padded, none lost, no row taken as a header', () => {
    const picked = {
      ...preview.guess,
      date: 1,
      actor: 6,
      groupBy: 7,
      score: 30,
      theme: 28,
      kind: 29,
      source: 57,
      scale: 'goldstein' as const,
      scoreMin: -10,
      scoreMax: 10,
      higherMeans: 'conciliatory' as const,
    };
    const input = toCsvInput(table, true, preview.maxFields);
    const result = mapCsv(input, picked, { name: 'gdelt1.CSV', today: '2025-09-01' });
    expect(result.problems.map(problemText)).toEqual([]);
    expect(result.dataset?.observations).toHaveLength(36);
    expect(result.dataset?.observations[0]).toMatchObject({ id: 'row-1', date: '2020-11-13' });
    const first = table.rows[0]!;
    expect(result.dataset?.observations[0]?.originalScore).toBe(Number(first[30]));
    expect(result.notices).toEqual([
      '12 rows had fewer fields than the header; the missing fields are not needed by the mapping, so they were read as empty.',
      '3 rows had no Column 8 value; they form the group "(none)".',
    ]);
    expect(result.dataset?.actors.map((a) => a.name)).toContain('(no Column 8)');
  });

  it('still lists a short row when a required column is among the missing fields', () => {
    const input = toCsvInput(
      {
        rows: [
          ['20201113', 'USA', '2.8'],
          ['20201113', 'USA'],
        ],
        lines: [1, 2],
      },
      true,
    );
    const m = {
      ...guessMapping(input.header, [], true),
      date: 0,
      actor: 1,
      score: 2,
      scale: 'goldstein' as const,
      scoreMin: -10,
      scoreMax: 10,
      higherMeans: 'conciliatory' as const,
    };
    const result = mapCsv(input, m, { name: 'x.tsv' });
    expect(result.problems.map(problemText)).toEqual([
      'row 2: has 2 fields, but the header has 3: no score (Column 3)',
    ]);
  });
});

describe('guessMapping', () => {
  it('guesses the GDELT 2.0 columns and recognises the Goldstein scale from name and values', () => {
    const input = toCsvInput(parseCsv(gdeltCsv));
    const m = guessMapping(input.header, input.rows.slice(0, 300));
    const h = input.header;
    expect([m.date, m.actor, m.groupBy, m.score, m.theme, m.kind, m.source].map((i) => h[i!])).toEqual([
      'SQLDATE',
      'Actor1Name',
      'Actor1CountryCode',
      'GoldsteinScale',
      'EventRootCode',
      'QuadClass',
      'SOURCEURL',
    ]);
    expect(m).toMatchObject({
      firstRowIsData: false,
      numberRule: 'point',
      scale: 'goldstein',
      scoreMin: -10,
      scoreMax: 10,
      higherMeans: 'conciliatory',
    });
  });

  it('leaves the scale undeclared when the values do not fit the name: never a range from the extremes', () => {
    const m = guessMapping(
      ['Date', 'Actor', 'Score'],
      [
        ['2025', 'a', '-7'],
        ['2025', 'b', '9'],
      ],
    );
    expect(m).toMatchObject({ date: 0, actor: 1, score: 2, scale: null, higherMeans: null });
    expect(m.scoreMin).toBeNaN();
    expect(checkMapping(m, ['Date', 'Actor', 'Score'])).toContain(
      'Choose the scale of the score, or "Other" to state its range: it is never guessed from the values.',
    );
  });

  it('prefers the names of this app’s own export (actorName, themeLabel, sourceTitle)', () => {
    const header = [
      'id',
      'date',
      'actor',
      'actorName',
      'theme',
      'themeLabel',
      'score',
      'sourceId',
      'sourceTitle',
    ];
    const m = guessMapping(header, [['a', '2025-01-01', 'trump', 'Trump', 'x', 'X', '-2', 's', 'S']]);
    expect([m.actor, m.theme, m.source].map((i) => header[i!])).toEqual([
      'actorName',
      'themeLabel',
      'sourceTitle',
    ]);
    expect(m.scale).toBe('stance');
  });
});
