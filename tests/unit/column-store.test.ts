import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/domain/column-store';
import { readToColumns, textToColumns } from '../../src/data/fetch-dataset';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';
import type { Observation } from '../../src/domain/schema';
import { ABSENT, isSmallDictionary, textAt } from '../../src/domain/columns';
import { loadedAsRead } from './columns-as-read';
import { DatasetIndex } from '../../src/domain/dataset-index';
import { computePage } from '../../src/domain/observation-order';
import { toSeriesQuery } from '../../src/domain/series-query';
import { DEFAULT_FILTERS } from '../../src/domain/view-filters';

// The streamed store writes its columns in one pass over the rows in the file's order, each row to its
// place in time order, keeps each text field as its table of distinct values (no per-row copy), and
// skips optional fields no row has. Whatever the row order, absent values or multi-byte characters,
// every row must read as the whole-text path's (which stores mostly distinct text per row).

const base = makeFixtureDataset();
const LABEL = 'The test dataset';

/** Rows on days 1..28 of March 2024 in time order; more distinct summaries than a dictionary holds. */
function rowsInTimeOrder(count: number, withNotes: boolean): Observation[] {
  return Array.from({ length: count }, (_, i) => {
    const {
      eventId: _event,
      dateNote: _note,
      ...template
    } = base.observations[i % base.observations.length]!;
    const day = 1 + Math.floor((i * 28) / count);
    return {
      ...template,
      id: `r-${String(i).padStart(6, '0')}`,
      date: `2024-03-${String(day).padStart(2, '0')}`,
      datePrecision: 'day',
      // Now and then non-ASCII, now and then empty, or a value an earlier row already had.
      summary:
        i % 97 === 5 ? `Résumé № ${i} — 北京 🙂` : i % 89 === 3 ? '' : i % 83 === 7 ? 'Repeated' : `Row ${i}`,
      // Long values on some rows.
      ...(withNotes && i % 3 !== 0 ? { dateNote: `Note ${i}${i % 5 ? '' : ' and more '.repeat(9)}` } : {}),
    };
  });
}

/** Rows whose file order differs from time order in places. */
function rowsOutOfTimeOrder(): Observation[] {
  const rows = rowsInTimeOrder(9000, true);
  // Swap dates between rows far apart.
  for (let i = 0; i + 700 < rows.length; i += 1500) {
    const a = rows[i]!;
    const b = rows[i + 700]!;
    [a.date, b.date] = [b.date, a.date];
  }
  // A few rows moved to the end of the file, keeping their dates.
  const moved = rows.splice(4000, 40);
  return [...rows, ...moved];
}

function textOf(observations: Observation[]): string {
  return JSON.stringify({ ...base, observations });
}

/** The body in pieces of `size` bytes, with its length (so the reader sizes its tables from it). */
function chunked(text: string, size: number): Response {
  const bytes = new TextEncoder().encode(text);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += size) controller.enqueue(bytes.slice(at, at + size));
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'content-length': String(bytes.length) } });
}

async function expectSameColumns(observations: Observation[]) {
  const text = textOf(observations);
  const whole = textToColumns(text, LABEL);
  const streamed = await readToColumns(chunked(text, 65_536), LABEL);
  expect(loadedAsRead(streamed)).toEqual(loadedAsRead(whole));
  return { whole: whole.columns, streamed: streamed.columns };
}

describe('the streamed store writes text columns as the whole-text path does', () => {
  it('writes per-row text of a file in time order, absent and non-ASCII values included', async () => {
    const { whole, streamed } = await expectSameColumns(rowsInTimeOrder(9000, true));
    // The branches under test: text the whole-text path stores per row, with absent rows in the notes.
    expect(whole.summary.index).toBeNull();
    expect(whole.dateNote.absent).not.toBeNull();
    expect(whole.id.index).toBeNull();
    // The store keeps mostly distinct values as a dictionary as large as the rows, which readers take
    // row by row; non-ASCII text is flagged, so it is decoded as UTF-8.
    expect(isSmallDictionary(streamed.summary)).toBe(false);
    expect(isSmallDictionary(streamed.id)).toBe(false);
    expect(streamed.summary.ascii).toBe(false);
    expect(textAt(streamed.summary, streamed.fileIndex.indexOf(5))).toBe('Résumé № 5 — 北京 🙂');
  });

  it('puts each row in its place when time order and file order differ', async () => {
    await expectSameColumns(rowsOutOfTimeOrder());
  });

  it('writes an optional field no row has as an empty dictionary of absent rows', async () => {
    const { streamed } = await expectSameColumns(rowsInTimeOrder(300, false));
    expect(streamed.dateNote.index).toEqual(new Uint32Array(300).fill(ABSENT));
    expect(streamed.dateNote.offsets).toEqual(new Uint32Array(1));
    expect(streamed.eventId.bytes.length).toBe(0);
  });
});

describe('the streamed columns answer as the whole-text columns do', () => {
  it('finds every observation by id, and no other, and sorts the table by text alike', async () => {
    const rows = rowsOutOfTimeOrder();
    // Speakers repeat (a small dictionary in both); summaries are mostly distinct.
    rows.forEach((r, i) => (r.speaker = `Speaker ${(i * 7) % 40}`));
    const text = textOf(rows);
    const whole = textToColumns(text, LABEL);
    const streamed = await readToColumns(chunked(text, 65_536), LABEL);
    const indexes = [whole, streamed].map((d) => new DatasetIndex(d.meta, d.columns));
    expect(streamed.columns.fileIndex.some((file, r) => file !== r)).toBe(true);
    for (const index of indexes) {
      for (let r = 0; r < index.count; r += 37) expect(index.rowOfId(textAt(index.columns.id, r)!)).toBe(r);
      expect(index.rowOfId('r-999999')).toBe(-1);
      expect(index.rowOfId('')).toBe(-1);
    }
    const query = toSeriesQuery({ ...DEFAULT_FILTERS, from: null, to: null }, whole.meta);
    for (const sort of ['summary', 'speaker'] as const)
      for (const dir of ['ascending', 'descending'] as const) {
        const [a, b] = await Promise.all(
          indexes.map((index) =>
            computePage(index, { query, search: '', sort, dir, offset: 4000, limit: 25 }, async () => {}),
          ),
        );
        expect(a!.total).toBe(9000);
        expect(b!.rows.map((p) => p.id)).toEqual(a!.rows.map((p) => p.id));
      }
  });
});

describe('decodeBytes', () => {
  it('decodes any bytes as TextDecoder does, short ASCII by hand included', () => {
    const decoder = new TextDecoder();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 100 }),
          fc.string({ unit: 'binary', maxLength: 80 }).map((s) => new TextEncoder().encode(s)),
          fc.array(fc.integer({ min: 0, max: 127 }), { maxLength: 100 }).map((a) => Uint8Array.from(a)),
        ),
        fc.nat(),
        fc.nat(),
        (bytes, a, b) => {
          const start = bytes.length ? a % (bytes.length + 1) : 0;
          const end = start + (bytes.length - start ? b % (bytes.length - start + 1) : 0);
          expect(decodeBytes(bytes, start, end)).toBe(decoder.decode(bytes.subarray(start, end)));
        },
      ),
      { numRuns: 500 },
    );
  });
});
