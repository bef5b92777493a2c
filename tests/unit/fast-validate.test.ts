import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastValidate } from '../../src/domain/fast-validate';
import { validateDataset } from '../../src/domain/validate';
import { buildColumns } from '../../src/domain/build-columns';
import { parseToColumns } from '../../src/data/fetch-dataset';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';
import { generateSyntheticDataset } from '../../scripts/lib/synthetic';

// The fast validation (no object per row) must accept and reject exactly what the zod schema and the
// cross-checks do, or a broken file could open (or a good one be refused). Random valid datasets are
// broken in random ways, field by field, and both verdicts compared; where both accept, the columns
// built from the fast path equal those built from zod's parse.

// Per field: values on both sides of each rule (lengths at and past the limit, real and unreal dates,
// known and unknown references), wrong types, and undefined (the field removed).
const FIELD_VALUES: Record<string, unknown[]> = {
  id: ['x'.repeat(120), 'x'.repeat(121), '', 'Bad Id', 'a.b_c-d', '-a', 7, null],
  date: [
    '2025-02-28',
    '2025-02-29',
    '2024-02-29',
    '2025-02',
    '2025',
    '1899',
    '1900-01',
    '2200',
    '2201',
    '2025-1-01',
    '2025-13',
    2025,
    null,
  ],
  datePrecision: ['day', 'month', 'year', 'week', null],
  dateNote: ['', 'n'.repeat(1000), 'n'.repeat(1001), null, 5],
  actor: ['trump', 'actor-001', 'unknown-ref', 'Bad', '', null],
  speaker: ['', 'é'.repeat(200), 'é'.repeat(201), null, 3],
  theme: ['diplomacy', 'theme-01', 'unknown-ref', null],
  kind: ['statement', 'action', 'Statement', null],
  score: [-3, 3, -3.0001, 3.0001, 0, 1.5, Infinity, '1', null],
  originalScore: [5, -10.5, Infinity, '5', null],
  confidence: ['high', 'medium', 'low', 'High', null],
  summary: ['', 'x'.repeat(1000), 'x'.repeat(1001), null],
  quote: ['q'.repeat(5000), 'q'.repeat(5001), null],
  sourceId: [null, 'synthetic', 'src-pivot', 'unknown-ref', '', 'Bad Id', 4],
  eventId: ['evt-1', 'unknown-ref', null, ''],
  rationale: ['r'.repeat(2000), 'r'.repeat(2001), null],
  extraField: ['anything', { nested: [1] }],
};

const fieldMutationArb = fc.constantFrom(...Object.keys(FIELD_VALUES)).chain((field) =>
  fc.record({
    kind: fc.constant('field' as const),
    at: fc.nat(),
    field: fc.constant(field),
    value: fc.constantFrom(undefined, ...FIELD_VALUES[field]!),
  }),
);

type Raw = Record<string, unknown> & { observations: unknown[] };

// Valid starting points: the fixture and a few small synthetic datasets (month dates, notes, events).
const BASES: Raw[] = [
  makeFixtureDataset(),
  ...[1, 2, 3].map(
    (seed) =>
      generateSyntheticDataset({ observations: 30, actors: 3, themes: 2, seed }).dataset as unknown as Raw,
  ),
];
const baseArb = fc.constantFrom(...BASES);

const mutationArb = fc.oneof(
  // A field of one observation set to a value from its pool (or removed); the most frequent break.
  fieldMutationArb,
  fieldMutationArb,
  fieldMutationArb,
  // One observation's id copied from another (a duplicate).
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), from: fc.nat() }),
  // An observation that is not an object.
  fc.record({ kind: fc.constant('entry' as const), at: fc.nat(), value: fc.constantFrom(null, [], 'x', 7) }),
  // Something outside the observations.
  fc.record({
    kind: fc.constant('dataset' as const),
    which: fc.constantFrom(
      'no observations',
      'observations not a list',
      'duplicate actor',
      'event with unknown source',
      'no title',
      'schemaVersion 2',
      'extra key',
      'bad actor color',
    ),
  }),
);

type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

function mutate(raw: Raw, m: Mutation): void {
  const list = raw.observations;
  // An earlier mutation may have emptied or replaced the list: nothing left to break in it.
  if (m.kind !== 'dataset' && (!Array.isArray(list) || list.length === 0)) return;
  if (m.kind === 'field') {
    const o = list[m.at % list.length] as Record<string, unknown> | null;
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return;
    if (m.value === undefined) delete o[m.field];
    else o[m.field] = m.value;
  } else if (m.kind === 'duplicate') {
    const a = list[m.at % list.length] as Record<string, unknown> | null;
    const b = list[m.from % list.length] as Record<string, unknown> | null;
    if (a && b && typeof a === 'object' && typeof b === 'object') a.id = b.id;
  } else if (m.kind === 'entry') {
    list[m.at % list.length] = m.value;
  } else {
    const actors = raw.actors as Record<string, unknown>[];
    const events = raw.events as Record<string, unknown>[];
    switch (m.which) {
      case 'no observations':
        raw.observations = [];
        break;
      case 'observations not a list':
        (raw as Record<string, unknown>).observations = { 0: list[0] };
        break;
      case 'duplicate actor':
        actors.push({ ...actors[0] });
        break;
      case 'event with unknown source':
        if (events[0]) events[0].sourceId = 'unknown-ref';
        break;
      case 'no title':
        delete raw.title;
        break;
      case 'schemaVersion 2':
        raw.schemaVersion = 2;
        break;
      case 'extra key':
        raw.somethingElse = { nested: true };
        break;
      case 'bad actor color':
        actors[0]!.color = 'blue';
        break;
    }
  }
}

describe('fast validation', () => {
  it('accepts and rejects exactly what the schema does, on random and broken datasets', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(baseArb, fc.array(mutationArb, { maxLength: 3 }), (base, mutations) => {
        const raw = JSON.parse(JSON.stringify(base)) as Raw;
        for (const m of mutations) mutate(raw, m);
        const reference = validateDataset(raw);
        const fast = fastValidate(raw);
        expect(fast.ok).toBe(reference.ok);
        if (!fast.ok || !reference.ok) {
          rejected++;
          return;
        }
        accepted++;
        const { observations, ...meta } = reference.dataset;
        expect(fast.meta).toEqual(meta);
        const ids = (m: typeof meta) => [m.actors.map((a) => a.id), m.themes.map((t) => t.id)] as const;
        expect(buildColumns(fast.observations, ...ids(fast.meta))).toEqual(
          buildColumns(observations, ...ids(meta)),
        );
      }),
      { numRuns: 1500 },
    );
    // Both verdicts occur often enough for the comparison to mean something.
    expect(accepted).toBeGreaterThan(150);
    expect(rejected).toBeGreaterThan(600);
  });

  it('reports a broken dataset with the schema’s own messages', () => {
    const raw = JSON.parse(JSON.stringify(makeFixtureDataset())) as Raw;
    (raw.observations[1] as Record<string, unknown>).score = 9;
    expect(() => parseToColumns(raw, 'The file')).toThrow(
      'The file does not match the Stance Tracker data format: observation fx-2: score: must be between -3 and 3',
    );
  });
});
