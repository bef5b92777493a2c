import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';
import type { Dataset } from '../../src/domain/schema';
import { parseCsv } from '../../src/lib/csv-read';
import { toCsv } from '../../src/lib/csv-write';
import { DEFAULT_FILTERS, type ViewFilters } from '../../src/domain/view-filters';
import {
  OBSERVATION_COLUMNS,
  observationsCsv,
  seriesCsv,
  UTF8_BOM,
} from '../../src/features/export/export-csv';
import { buildExportView } from '../../src/features/export/export-view';
import { viewOf } from './view-of';

const exportView = (data: Dataset, filters: ViewFilters, maxLinePoints = 1000) =>
  buildExportView(data, filters, viewOf(data, filters, maxLinePoints));

const HOSTILE = [
  'He said "no", then left',
  'line one\r\nline two\nline three\rfour',
  '=HYPERLINK("http://x.invalid","click")',
  ',,,;;;\t\t"""',
  '−3 “curly” ‘quotes’ — Україна, 日本語, emoji 🇺🇦',
  ' leading and trailing spaces ',
  '',
];

function hostileDataset(): Dataset {
  const data = makeFixtureDataset();
  return {
    ...data,
    actors: data.actors.map((a, i) => (i === 0 ? { ...a, name: 'Trump, "Donald"\nJ.' } : a)),
    sources: data.sources.map((s, i) => (i === 0 ? { ...s, title: 'A "title", with\r\nbreaks' } : s)),
    observations: data.observations.map((o, i) => ({
      ...o,
      quote: HOSTILE[i % HOSTILE.length]!,
      summary: HOSTILE[(i + 1) % HOSTILE.length]!,
      speaker: HOSTILE[(i + 2) % HOSTILE.length]!,
      ...(i === 0 ? { originalScore: -7.5 } : {}),
    })),
  };
}

/** Reads an export as the importer does: the formula guard's apostrophe taken off. */
function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''), { unguardFormulas: true }).rows;
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i] ?? ''])));
}

describe('observationsCsv', () => {
  it('starts with a BOM and the header of every observation field plus the names', () => {
    const text = observationsCsv(exportView(makeFixtureDataset(), DEFAULT_FILTERS));
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(parseCsv(text).rows[0]).toEqual([...OBSERVATION_COLUMNS]);
    expect(OBSERVATION_COLUMNS).toEqual(
      expect.arrayContaining(['quote', 'sourceTitle', 'eventId', 'originalScore']),
    );
  });

  it('reads back to exactly the filtered observations, hostile quotes, names and titles included', () => {
    const data = hostileDataset();
    const text = observationsCsv(exportView(data, DEFAULT_FILTERS));
    const records = csvRecords(text);
    const byId = new Map(data.observations.map((o) => [o.id, o]));
    expect(records.map((r) => r.id).sort()).toEqual(data.observations.map((o) => o.id).sort());
    for (const r of records) {
      const obs = byId.get(r.id!)!;
      expect(r.quote).toBe(obs.quote);
      expect(r.summary).toBe(obs.summary);
      expect(r.speaker).toBe(obs.speaker);
      expect(Number(r.score)).toBe(obs.score);
      expect(r.date).toBe(obs.date);
      expect(r.actorName).toBe(data.actors.find((a) => a.id === obs.actor)!.name);
      expect(r.sourceTitle).toBe(data.sources.find((s) => s.id === obs.sourceId)?.title ?? '');
      expect(r.originalScore).toBe(obs.originalScore === undefined ? '' : String(obs.originalScore));
      expect(r.eventId).toBe(obs.eventId ?? '');
    }
    // Formula-like text reads back exactly, though the file itself holds it guarded (next test).
    expect(records.some((r) => r.quote === '=HYPERLINK("http://x.invalid","click")')).toBe(true);
  });

  it('is inert in a spreadsheet: formula-like text gets an apostrophe, scores stay number cells', () => {
    const data = hostileDataset();
    data.observations = data.observations.map((o, i) => ({
      ...o,
      speaker: ['@SUM(1)', "+cmd|' /C calc'!A0", '-2+3', '\tTAB'][i % 4]!,
      score: i % 2 ? -2 : 1.5,
    }));
    const text = observationsCsv(exportView(data, DEFAULT_FILTERS));
    const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, '')).rows;
    const col = (name: string) => header!.indexOf(name);
    for (const row of rows) {
      row.forEach((cell, i) => {
        if (i === col('score') || i === col('originalScore')) return;
        expect(cell, `${header![i]} cell`).not.toMatch(/^[=+\-@\t\r]/);
      });
      expect(['1.5', '-2']).toContain(row[col('score')]);
    }
    expect(rows.map((r) => r[col('speaker')])).toEqual(
      expect.arrayContaining(["'@SUM(1)", "'+cmd|' /C calc'!A0", "'-2+3", "'\tTAB"]),
    );
    expect(rows.map((r) => r[col('quote')])).toContain('\'=HYPERLINK("http://x.invalid","click")');
  });

  it('holds the rows of the table: filtered by actor and kind, in time order, legend-hidden actors kept', () => {
    const data = makeFixtureDataset();
    const filters: ViewFilters = { ...DEFAULT_FILTERS, actors: ['trump', 'us-congress'] };
    const ids = csvRecords(observationsCsv(exportView(data, filters))).map((r) => r.id);
    expect(ids).toEqual(['fx-1', 'fx-3', 'fx-2']);
    const hidden = csvRecords(observationsCsv(exportView(data, { ...DEFAULT_FILTERS, hidden: ['russia'] })));
    expect(hidden.map((r) => r.id)).toEqual(['fx-4', 'fx-1', 'fx-3', 'fx-2']);
    const actions = csvRecords(observationsCsv(exportView(data, { ...DEFAULT_FILTERS, kind: 'action' })));
    expect(actions.every((r) => r.kind === 'action')).toBe(true);
    expect(actions.map((r) => r.id).sort()).toEqual(['fx-3', 'fx-4']);
  });

  it('round-trips arbitrary text in every free-text field', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { minLength: 4, maxLength: 4 }),
        (texts) => {
          const data = makeFixtureDataset();
          data.observations = data.observations.map((o, i) => ({
            ...o,
            quote: texts[i]!,
            rationale: texts[(i + 1) % 4]!,
          }));
          const records = csvRecords(observationsCsv(exportView(data, DEFAULT_FILTERS)));
          for (const r of records) {
            const obs = data.observations.find((o) => o.id === r.id)!;
            expect(r.quote).toBe(obs.quote);
            expect(r.rationale).toBe(obs.rationale);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('toCsv on hostile strings (the writer the exports use)', () => {
  it('quotes fields with commas, quotation marks and line breaks, doubling the quotes', () => {
    expect(toCsv([['a,b', 'say "hi"', 'x\ny', 'plain']])).toBe('"a,b","say ""hi""","x\ny",plain\r\n');
  });

  it('gives back any rows it wrote', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 5 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (rows) => {
          expect(parseCsv(toCsv(rows), { delimiter: ',' }).rows).toEqual(rows);
          const guarded = toCsv(rows, { guardFormulas: true });
          expect(parseCsv(guarded, { delimiter: ',', unguardFormulas: true }).rows).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('seriesCsv', () => {
  it('lists the smoothed value per plotted actor and day, without hidden actors', () => {
    const data = makeFixtureDataset();
    const ev = exportView(data, { ...DEFAULT_FILTERS, smooth: 0, hidden: ['russia'] }, Infinity);
    const records = csvRecords(seriesCsv(ev));
    expect(records[0] && Object.keys(records[0])).toEqual([
      'actor',
      'actorName',
      'date',
      'smoothedScore',
      'smoothingDays',
    ]);
    // Only day-dated observations enter lines: Trump's two days, none for Congress (month only), Russia hidden.
    expect(records.map((r) => [r.actor, r.date, Number(r.smoothedScore)])).toEqual([
      ['trump', '2025-02-19', -1],
      ['trump', '2025-07-14', 2],
    ]);
  });

  it('guards a formula-like actor name and keeps negative smoothed scores as numbers', () => {
    const data = makeFixtureDataset();
    data.actors = data.actors.map((a) => (a.id === 'trump' ? { ...a, name: '=HYPERLINK("http://x")' } : a));
    const ev = exportView(data, { ...DEFAULT_FILTERS, smooth: 0, hidden: ['russia'] }, Infinity);
    const text = seriesCsv(ev);
    const [, ...rows] = parseCsv(text.replace(/^\uFEFF/, '')).rows;
    expect(rows.map((r) => [r[1], r[3]])).toEqual([
      ['\'=HYPERLINK("http://x")', '-1'],
      ['\'=HYPERLINK("http://x")', '2'],
    ]);
    expect(csvRecords(text).map((r) => r.actorName)).toEqual([
      '=HYPERLINK("http://x")',
      '=HYPERLINK("http://x")',
    ]);
  });
});
