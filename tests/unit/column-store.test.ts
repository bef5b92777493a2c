import { describe, expect, it } from 'vitest';
import { readToColumns, textToColumns } from '../../src/data/fetch-dataset';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';
import type { Observation } from '../../src/domain/schema';
import { ABSENT } from '../../src/domain/columns';

// The streamed store writes its columns in one pass over the rows in the file's order, each row to its
// place in time order (per-row text too), and skips optional fields no row has. Whatever the row order,
// absent values or multi-byte characters, its columns must be byte for byte the whole-text path's.

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
  expect(await readToColumns(chunked(text, 65_536), LABEL)).toEqual(whole);
  return whole.columns;
}

describe('the streamed store writes text columns as the whole-text path does', () => {
  it('writes per-row text of a file in time order, absent and non-ASCII values included', async () => {
    const columns = await expectSameColumns(rowsInTimeOrder(9000, true));
    // The branches under test: per-row text (no dictionary), with absent rows in the notes.
    expect(columns.summary.index).toBeNull();
    expect(columns.summary.ascii).toBe(false);
    expect(columns.dateNote.index).toBeNull();
    expect(columns.dateNote.absent).not.toBeNull();
    expect(columns.id.index).toBeNull();
  });

  it('puts each row in its place when time order and file order differ', async () => {
    const rows = rowsInTimeOrder(9000, true);
    // Swap dates between rows far apart, so time order differs from file order in places.
    for (let i = 0; i + 700 < rows.length; i += 1500) {
      const a = rows[i]!;
      const b = rows[i + 700]!;
      [a.date, b.date] = [b.date, a.date];
    }
    // A few rows moved to the end of the file, keeping their dates.
    const moved = rows.splice(4000, 40);
    await expectSameColumns([...rows, ...moved]);
  });

  it('writes an optional field no row has as an empty dictionary of absent rows', async () => {
    const columns = await expectSameColumns(rowsInTimeOrder(300, false));
    expect(columns.dateNote.index).toEqual(new Uint32Array(300).fill(ABSENT));
    expect(columns.dateNote.offsets).toEqual(new Uint32Array(1));
    expect(columns.eventId.bytes.length).toBe(0);
  });
});
