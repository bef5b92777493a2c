import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildColumns } from '../../src/domain/build-columns';
import { DatasetIndex } from '../../src/domain/dataset-index';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';
import type { Observation } from '../../src/domain/schema';

// The columns are the only copy of the observations the page keeps: every field must read back as it
// was written — ASCII or not, repeated or distinct (dictionary or per-row storage), present or absent.

const base = makeFixtureDataset();
const { observations: _unused, ...meta } = base;

const textArb = fc.oneof(
  fc.constantFrom('', 'a', 'Trump', 'same value'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('«Мир»', 'Zełenski’s “plan” — 100 %', '北京', '🙂 emoji'),
);

function observations(n: number, texts: string[], distinct: boolean): Observation[] {
  return Array.from({ length: n }, (_, i) => {
    const t = (k: number) =>
      distinct ? `${texts[(i + k) % texts.length]}#${i}` : texts[(i + k) % texts.length]!;
    return {
      id: `o-${i}`,
      date: `2025-0${(i % 9) + 1}-1${i % 10}`,
      datePrecision: 'day',
      ...(i % 3 === 0 ? { dateNote: t(1) } : {}),
      actor: base.actors[i % base.actors.length]!.id,
      speaker: t(2),
      theme: base.themes[i % base.themes.length]!.id,
      kind: i % 2 ? 'action' : 'statement',
      score: ((i % 13) - 6) / 2,
      ...(i % 4 === 0 ? { originalScore: i / 7 } : {}),
      confidence: (['high', 'medium', 'low'] as const)[i % 3]!,
      summary: t(3),
      quote: t(4),
      sourceId: i % 5 === 0 ? null : base.sources[i % base.sources.length]!.id,
      ...(i % 6 === 0 && base.events[0] ? { eventId: base.events[0].id } : {}),
      rationale: t(5),
    } satisfies Observation;
  });
}

function readBack(list: Observation[]): Observation[] {
  const columns = buildColumns(
    list,
    meta.actors.map((a) => a.id),
    meta.themes.map((t) => t.id),
  );
  const index = new DatasetIndex({ ...meta, lastDay: null }, columns);
  const out = new Array<Observation>(list.length);
  for (let r = 0; r < index.count; r++) out[columns.fileIndex[r]!] = index.observationAt(r);
  return out;
}

describe('observation columns', () => {
  it('read back every field of small datasets with any text', () => {
    fc.assert(
      fc.property(
        fc.array(textArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 60 }),
        (texts, n) => {
          const list = observations(n, texts, false);
          expect(readBack(list)).toEqual(list);
        },
      ),
      { numRuns: 150 },
    );
  });

  // Past 4,096 distinct values a column stores each row's own text: both the ASCII and the UTF-8 path.
  it.each([
    ['ASCII', ['alpha', 'beta gamma']],
    ['non-ASCII', ['Zełenski’s “plan”', '«Мир» 🙂']],
  ])('read back %s text stored per row in a large dataset', (_label, texts) => {
    const list = observations(10_000, texts, true);
    expect(readBack(list)).toEqual(list);
  });
});
