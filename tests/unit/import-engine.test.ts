import { describe, expect, it } from 'vitest';
import {
  ImportEngine,
  MAX_FILE_BYTES,
  detectKind,
  type ReadProgress,
} from '../../src/features/import/import-engine';
import { createInThreadSession } from '../../src/features/import/import-client';
import { makeLargerFixture } from '../../mocks/fixtures/import-datasets';
import { problemText } from '../../src/features/import/import-types';
import { previewLayout } from '../../src/features/import/csv-preview';

describe('detectKind', () => {
  it('goes by extension, then by the first character', () => {
    expect(detectKind('a.JSON', 'x')).toBe('json');
    expect(detectKind('a.csv', '{')).toBe('csv');
    expect(detectKind('download', ' \n{"a":1}')).toBe('json');
    expect(detectKind('download', 'date,actor')).toBe('csv');
  });
});

describe('ImportEngine', () => {
  it('reads a JSON file and reports progress up to the whole size', async () => {
    const text = JSON.stringify(makeLargerFixture(6));
    const progress: ReadProgress[] = [];
    const outcome = await new ImportEngine().read(new File([text], 'mine.json'), (p) => progress.push(p));
    expect(outcome.kind).toBe('json');
    if (outcome.kind === 'json') expect(outcome.result.dataset?.observations).toHaveLength(6);
    const bytes = new TextEncoder().encode(text).length;
    expect(progress.at(-1)).toEqual({ loaded: bytes, total: bytes });
  });

  it('reads a CSV, previews it with a guessed mapping, then maps it', async () => {
    const engine = new ImportEngine();
    const outcome = await engine.read(
      new File(['\uFEFFDate;Actor;Score\r\n2025-01-01;A;-2\r\n2025-02-30;B;1\r\n'], 'semi.csv'),
    );
    expect(outcome.kind).toBe('csv');
    if (outcome.kind !== 'csv') return;
    expect(outcome.preview.delimiter).toBe(';');
    expect(previewLayout(outcome.preview, false)).toMatchObject({
      header: ['Date', 'Actor', 'Score'],
      rowCount: 2,
    });
    const result = engine.map(outcome.preview.guess);
    expect(result.problems.map(problemText)).toEqual([
      'row 3: date: "2025-02-30" is not a real calendar date',
    ]);
    expect(result.dataset?.observations).toHaveLength(1);
  });

  it('reports a quote that is never closed along with the rows it broke', async () => {
    const engine = new ImportEngine();
    const outcome = await engine.read(
      new File(['date,actor,score\n2025-01-01,"A,1\n2025-01-02,B,-2\n'], 'broken.csv'),
    );
    if (outcome.kind !== 'csv') throw new Error('expected csv');
    expect(outcome.preview.problems.map(problemText)).toEqual([
      'line 2: a quoted field is never closed (the file may be truncated, or a quote is missing)',
    ]);
    // The broken quote swallowed the score values, so the scale is declared by hand, as in the dialog.
    const declared = { scale: 'stance' as const, scoreMin: -3, scoreMax: 3, higherMeans: 'hawkish' as const };
    const result = engine.map({ ...outcome.preview.guess, ...declared });
    expect(result.fatal).toBe('None of the 1 rows can be opened with this mapping.');
  });

  it('falls back to Windows-1252 for a file that is not UTF-8, and says so', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('date,actor,score\n2025-01-01,Soci'),
      0xe9,
      0x74,
      0xe9,
      ...new TextEncoder().encode(',1\n'),
    ]);
    const engine = new ImportEngine();
    const outcome = await engine.read(new File([bytes], 'excel.csv'));
    if (outcome.kind !== 'csv') throw new Error('expected csv');
    expect(outcome.preview.head[1]?.[1]).toBe('Société');
    expect(outcome.preview.notices[0]).toBe(
      'excel.csv is not UTF-8 text; it was read as Windows-1252. Check accented letters.',
    );
  });

  it('refuses files over the size limit and empty files with a sentence', async () => {
    const engine = new ImportEngine();
    const huge = { name: 'huge.csv', size: MAX_FILE_BYTES + 1, arrayBuffer: async () => new ArrayBuffer(0) };
    expect(await engine.read(huge)).toEqual({
      kind: 'error',
      name: 'huge.csv',
      message: 'huge.csv is 50 MB; files up to 50 MB can be opened.',
    });
    expect(await engine.read(new File([], 'empty.csv'))).toEqual({
      kind: 'error',
      name: 'empty.csv',
      message: 'empty.csv is empty (0 bytes).',
    });
    expect(await engine.read(new File(['\n\n'], 'blank.csv'))).toMatchObject({
      kind: 'error',
      message: 'blank.csv holds no values, only empty fields or lines.',
    });
  });

  it('runs behind the session interface on the main thread when there is no Worker', async () => {
    const session = createInThreadSession();
    const outcome = await session.read(new File(['date,actor,score\n2025,A,-2.5\n'], 'a.csv'));
    if (outcome.kind !== 'csv') throw new Error('expected csv');
    const result = await session.map(outcome.preview.guess);
    expect(result.dataset?.observations[0]).toMatchObject({
      date: '2025',
      datePrecision: 'year',
      score: -2.5,
    });
  });
});
