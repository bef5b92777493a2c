import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObservationSplitter } from '../../src/domain/observation-stream';
import { readToColumns, textToColumns } from '../../src/data/fetch-dataset';
import { DatasetError } from '../../src/domain/dataset-error';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';
import type { Observation } from '../../src/domain/schema';
import { makeRng } from '../../scripts/lib/synthetic';

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
  return JSON.stringify(value);
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
function chunkedResponse(text: string, rnd: () => number, maxChunk: number): Response {
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
  return new Response(stream);
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
  day: fc.integer({ min: 1, max: 28 }),
});

function makeDataset(
  rows: { summary: string; quote: string; speaker: string; note?: string; score: number; day: number }[],
) {
  const observations: Observation[] = rows.map((r, i) => ({
    ...base.observations[i % base.observations.length]!,
    id: `s-${(i * 7919) % 1000}-${i}`,
    date: `2024-03-${String(r.day).padStart(2, '0')}`,
    datePrecision: 'day',
    summary: r.summary,
    quote: r.quote,
    speaker: r.speaker,
    dateNote: r.note,
    score: r.score,
  }));
  return { ...base, observations };
}

type Outcome = { ok: true; value: unknown } | { ok: false; kind: string; message: string; problems: unknown };

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (!(err instanceof DatasetError)) throw err;
    return { ok: false, kind: err.kind, message: err.message, problems: err.problems };
  }
}

describe('reading a dataset while it downloads', () => {
  it('cuts any layout into the shell and every observation, at any chunk boundary', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 25 }),
        fc.integer(),
        fc.integer({ min: 1, max: 400 }),
        (rows, seed, batch) => {
          const rnd = makeRng(seed);
          // Text with "}," can be cut in the wrong place, which JSON.parse then refuses (the next test).
          const plain = (t: string) => t.replaceAll('}', ')');
          const dataset = makeDataset(
            rows.map((r) => ({
              ...r,
              summary: plain(r.summary),
              quote: plain(r.quote),
              speaker: plain(r.speaker),
              note: r.note === undefined ? undefined : plain(r.note),
            })),
          );
          const text = serialize(JSON.parse(JSON.stringify(dataset)), rnd);
          let shell = '';
          const batches: string[] = [];
          const splitter = new ObservationSplitter(
            { shell: (p) => (shell = p), rows: (r) => batches.push(r) },
            batch,
          );
          for (let at = 0; at < text.length;) {
            const size = 1 + Math.floor(rnd() * 40);
            splitter.push(text.slice(at, at + size));
            at += size;
          }
          expect(splitter.end()).toBe(true);
          const parsed = batches.flatMap((b) => JSON.parse(`[${b}]`) as unknown[]);
          const { observations: all, ...meta } = JSON.parse(text) as Record<string, unknown>;
          expect(parsed).toEqual(all);
          const { observations: empty, ...shellMeta } = JSON.parse(`${shell}[]}`) as Record<string, unknown>;
          expect(empty).toEqual([]);
          expect(shellMeta).toEqual(meta);
          // Cut between elements only: no batch is empty, and small batches make several.
          expect(batches.every((b) => (JSON.parse(`[${b}]`) as unknown[]).length > 0)).toBe(true);
          if (rows.length > 1 && batch <= 100) expect(batches.length).toBeGreaterThan(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the whole-text columns for random datasets, layouts and chunkings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 25 }),
        fc.integer(),
        fc.boolean(),
        fc.integer({ min: 1, max: 400 }),
        async (rows, seed, last, batch) => {
          const rnd = makeRng(seed);
          const text = serialize(JSON.parse(JSON.stringify(makeDataset(rows))), rnd, true, last, rnd() < 0.2);
          const streamed = await readToColumns(chunkedResponse(text, rnd, 64), LABEL, undefined, batch);
          expect(streamed).toEqual(textToColumns(text, LABEL));
        },
      ),
      { numRuns: 200 },
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
          readToColumns(chunkedResponse(text, rnd, 32), LABEL, undefined, 1 + (seed & 63)),
        );
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});
