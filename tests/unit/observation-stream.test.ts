import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readToColumns, textToColumns } from '../../src/data/fetch-dataset';
import { ObservationReader } from '../../src/domain/observation-stream';
import { shellChecker } from '../../src/domain/fast-validate';
import { DatasetError } from '../../src/domain/dataset-error';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';
import type { Observation } from '../../src/domain/schema';
import type { LoadedDataset } from '../../src/domain/dataset-index';
import { makeRng } from '../../scripts/lib/synthetic';
import { columnsAsRead, loadedAsRead } from './columns-as-read';

// The dataset is parsed while it downloads: the observations are cut into batches as bytes arrive.
// Whatever the layout (whitespace, key order, escapes, unicode, where the network cuts the bytes), the
// result must be the whole-text path's, and a broken file must fail with the whole-text path's message.

const base = makeFixtureDataset();
const LABEL = 'The test dataset';

const SPACES = ['', ' ', '\n', '\t', '\r\n  '];

/**
 * JSON with random whitespace, key order (observations last unless `lastKey` is false) and escapes
 * (in keys too when `escapeKeys`: an escaped "observations" key is left to the whole-text path).
 */
function serialize(
  value: unknown,
  rnd: () => number,
  top = true,
  lastKey = true,
  escapeKeys = false,
): string {
  const ws = () => (rnd() < 0.5 ? '' : SPACES[Math.floor(rnd() * SPACES.length)]!);
  if (typeof value === 'string') return serializeString(value, rnd);
  const inner = (v: unknown) => serialize(v, rnd, false, true, escapeKeys);
  if (Array.isArray(value)) return `[${ws()}${value.map(inner).join(`${ws()},${ws()}`)}${ws()}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    if (top) {
      const k = entries.findIndex(([key]) => key === 'observations');
      const [obs] = entries.splice(k, 1);
      if (lastKey) entries.push(obs!);
      else entries.splice(Math.floor(rnd() * entries.length), 0, obs!);
    }
    const body = entries
      .map(
        ([k, v]) =>
          `${ws()}${escapeKeys ? serializeString(k, rnd) : JSON.stringify(k)}${ws()}:${ws()}${inner(v)}`,
      )
      .join(`${ws()},`);
    return `{${body}${ws()}}`;
  }
  if (typeof value === 'number') return serializeNumber(value, rnd);
  return JSON.stringify(value);
}

/** A number in one of JSON's forms: plain, exponent (e/E, with or without a sign), trailing zeros. */
function serializeNumber(x: number, rnd: () => number): string {
  const forms = [
    JSON.stringify(x),
    x.toExponential(),
    x.toExponential().toUpperCase().replace('+', ''),
    Number.isInteger(x) && Math.abs(x) < 1e21 ? `${x}.0` : x.toPrecision(17),
    Math.abs(x) < 1e6 ? x.toFixed(3) : JSON.stringify(x),
    `${JSON.stringify(x)}${/[eE]/.test(JSON.stringify(x)) ? '' : 'e0'}`,
  ];
  return forms[Math.floor(rnd() * forms.length)]!;
}

function serializeString(s: string, rnd: () => number): string {
  let out = '"';
  for (const ch of s) {
    const plain = JSON.stringify(ch).slice(1, -1);
    if (rnd() < 0.15) {
      for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    } else if (ch === '/' && rnd() < 0.5) out += '\\/';
    else out += plain;
  }
  return `${out}"`;
}

/** A response whose body arrives in pieces cut at random bytes (possibly inside a UTF-8 sequence). */
function chunkedResponse(text: string, rnd: () => number, maxChunk: number, withLength = false): Response {
  const bytes = new TextEncoder().encode(text);
  const cuts: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = 1 + Math.floor(rnd() * maxChunk);
    cuts.push(bytes.slice(at, at + size));
    at += size;
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of cuts) controller.enqueue(c);
      controller.close();
    },
  });
  // With its Content-Length, the reader sizes its tables from it after the first rows.
  return new Response(stream, withLength ? { headers: { 'content-length': String(bytes.length) } } : {});
}

const textArb = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(
    '',
    'a "quoted" \\ back\\slash',
    '«Мир» — 北京 🙂',
    '}],{"observations":[',
    '"},{"id":"x"',
    '\\"',
    '\u2028',
  ),
);

const rowArb = fc.record({
  summary: textArb,
  quote: textArb,
  speaker: textArb,
  note: fc.option(textArb, { nil: undefined }),
  score: fc.double({ min: -3, max: 3, noNaN: true }),
  original: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
  day: fc.integer({ min: 1, max: 28 }),
  precision: fc.constantFrom('day', 'day', 'month', 'year'),
  // A key the format does not name (kept by JSON.parse, ignored by the columns).
  extra: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
});

interface RowSpec {
  summary: string;
  quote: string;
  speaker: string;
  note?: string;
  score: number;
  original?: number;
  day: number;
  precision?: 'day' | 'month' | 'year';
  extra?: unknown;
}

function makeDataset(rows: RowSpec[]) {
  const observations: Observation[] = rows.map((r, i) => {
    const precision = r.precision ?? 'day';
    const date =
      precision === 'year'
        ? '2024'
        : precision === 'month'
          ? `2024-0${1 + (r.day % 9)}`
          : `2024-03-${String(r.day).padStart(2, '0')}`;
    return {
      ...base.observations[i % base.observations.length]!,
      id: `s-${(i * 7919) % 1000}-${i}`,
      date,
      datePrecision: precision,
      summary: r.summary,
      quote: r.quote,
      speaker: r.speaker,
      dateNote: r.note,
      score: r.score,
      originalScore: r.original,
      ...(r.extra === undefined ? {} : { extra: r.extra }),
    };
  });
  return { ...base, observations };
}

type Outcome = { ok: true; value: unknown } | { ok: false; kind: string; message: string; problems: unknown };

const isLoaded = (v: unknown): v is LoadedDataset => typeof v === 'object' && v !== null && 'columns' in v;

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await run();
    return { ok: true, value: isLoaded(value) ? loadedAsRead(value) : value };
  } catch (err) {
    if (!(err instanceof DatasetError)) throw err;
    return { ok: false, kind: err.kind, message: err.message, problems: err.problems };
  }
}

describe('reading a dataset while it downloads', () => {
  it('gives the whole-text columns for random datasets, layouts and chunkings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 25 }),
        fc.integer(),
        fc.boolean(),
        fc.integer({ min: 1, max: 400 }),
        async (rows, seed, last, batch) => {
          const rnd = makeRng(seed);
          let text = serialize(JSON.parse(JSON.stringify(makeDataset(rows))), rnd, true, last, rnd() < 0.2);
          // Now and then a repeated key (JSON.parse keeps the last one).
          if (rnd() < 0.2) text = text.replace(/"speaker"(?=\s*:)/, '"speaker":"first","speaker"');
          const whole = textToColumns(text, LABEL);
          const streamed = await readToColumns(chunkedResponse(text, rnd, 1 + batch), LABEL);
          expect(loadedAsRead(streamed)).toEqual(loadedAsRead(whole));
          // The reader itself took the file (not the whole-text fallback); rows with only the format's
          // keys, each once, were read from the bytes, with no JSON.parse object to check.
          const parsedRows: unknown[] = [];
          const reader = new ObservationReader((prefix) => {
            const check = shellChecker(JSON.parse(`${prefix}[]}`));
            return check && { meta: check.meta, checkRow: (o) => (parsedRows.push(o), check.checkRow(o)) };
          });
          const bytes = new TextEncoder().encode(text);
          for (let at = 0; at < bytes.length; at += 1 + batch)
            reader.push(bytes.subarray(at, at + 1 + batch));
          const escapedKey = !/"observations"\s*:\s*\[/.test(text);
          const read = reader.end();
          if (last && !escapedKey) {
            expect(read && columnsAsRead(read.columns)).toEqual(columnsAsRead(whole.columns));
            expect({ ...whole.meta, lastDay: read?.lastDay }).toEqual(whole.meta);
            const plainRows = rows.every((r) => r.extra === undefined) && !text.includes('"speaker":"first"');
            if (plainRows) expect(parsedRows).toEqual([]);
          } else expect(read).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the whole-text columns for thousands of rows (dictionaries, per-row text, absent values)', async () => {
    const rnd = makeRng(7);
    const rows: RowSpec[] = Array.from({ length: 9000 }, (_, i) => ({
      summary: `Summary ${i} ${rnd() < 0.1 ? 'ünïcödé' : ''}`,
      quote: i % 3 ? '' : `"Quote" ${i % 50}`,
      speaker: `Speaker ${i % 40}`,
      note: i % 7 ? undefined : `Note ${i}`,
      score: Math.round(rnd() * 60 - 30) / 10,
      original: i % 5 ? undefined : i * 1.5,
      day: 1 + Math.floor(rnd() * 28),
      precision: i % 11 ? 'day' : i % 2 ? 'month' : 'year',
    }));
    const text = JSON.stringify(makeDataset(rows));
    const whole = textToColumns(text, LABEL);
    expect(whole.columns.summary.index).toBeNull();
    expect(whole.columns.speaker.index).not.toBeNull();
    const asRead = loadedAsRead(whole);
    expect(loadedAsRead(await readToColumns(chunkedResponse(text, rnd, 70_000, true), LABEL))).toEqual(
      asRead,
    );
    expect(loadedAsRead(await readToColumns(chunkedResponse(text, rnd, 5_000), LABEL))).toEqual(asRead);
    // Ids in ascending order in the file (so each day needs no sorting by id), days still shuffled.
    const dataset = makeDataset(rows);
    dataset.observations.forEach((o, i) => (o.id = `r-${String(i).padStart(5, '0')}`));
    const ascending = JSON.stringify(dataset);
    expect(loadedAsRead(await readToColumns(chunkedResponse(ascending, rnd, 70_000, true), LABEL))).toEqual(
      loadedAsRead(textToColumns(ascending, LABEL)),
    );
  });

  it('fails a broken file exactly as the whole-text path does', async () => {
    const good = serialize(
      JSON.parse(
        JSON.stringify(
          makeDataset([
            { summary: 'a', quote: 'b', speaker: 'c', score: 1, day: 3 },
            { summary: 'd', quote: '', speaker: 'e', score: -1, day: 2 },
          ]),
        ),
      ),
      makeRng(1),
    );
    const breaks = fc.oneof(
      // Truncated anywhere.
      fc.integer({ min: 0, max: good.length - 1 }).map((at) => good.slice(0, at)),
      // A character inserted anywhere.
      fc
        .tuple(
          fc.integer({ min: 0, max: good.length }),
          fc.constantFrom(',', ']', '}', '"', '\\', '[', '{', 'x', ' ', ':'),
        )
        .map(([at, ch]) => good.slice(0, at) + ch + good.slice(at)),
      // A character dropped anywhere.
      fc.integer({ min: 0, max: good.length - 1 }).map((at) => good.slice(0, at) + good.slice(at + 1)),
      // A rule broken: a score out of range, an unknown actor, a duplicate id, no observations.
      fc.constantFrom(
        good.replace(/"score"\s*:\s*1/, '"score":9'),
        good.replace(/"actor"\s*:\s*"[^"]*"/, '"actor":"nobody"'),
        good.replace(/"id"\s*:\s*"s-7-1"/, '"id":"s-0-0"'),
        good.replace(/"observations"\s*:\s*\[[\s\S]*\]/, '"observations":[]'),
        `${good} x`,
        `${good}\u00a0`,
      ),
    );
    await fc.assert(
      fc.asyncProperty(breaks, fc.integer(), async (text, seed) => {
        const rnd = makeRng(seed);
        const whole = await outcome(() => Promise.resolve(textToColumns(text, LABEL)));
        const streamed = await outcome(() =>
          readToColumns(chunkedResponse(text, rnd, 1 + (seed & 63)), LABEL),
        );
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});
