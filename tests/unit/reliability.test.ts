import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  agreement,
  drawSample,
  krippendorffAlphaInterval,
  krippendorffAlphaNominal,
  sampleForCoder,
  seededRandom,
  type Coding,
} from '../../scripts/lib/reliability';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 coders × 12 units with
// missing values. Published results: α nominal = 0.743, α interval = 0.849.
const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
const units = A.map((_, i) => [A[i] ?? null, B[i] ?? null, C[i] ?? null, D[i] ?? null]);

describe("Krippendorff's alpha", () => {
  it('reproduces the published worked example (interval 0.849, nominal 0.743)', () => {
    expect(krippendorffAlphaInterval(units)).toBeCloseTo(0.849, 3);
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.743, 3);
  });

  it('is 1 for perfect agreement and falls when coders disagree more', () => {
    expect(
      krippendorffAlphaInterval([
        [1, 1],
        [2, 2],
        [-3, -3],
      ]),
    ).toBe(1);
    const near = krippendorffAlphaInterval([
      [1, 2],
      [2, 2],
      [-3, -3],
      [0, 0],
    ]);
    const far = krippendorffAlphaInterval([
      [1, -2],
      [2, 2],
      [-3, -3],
      [0, 0],
    ]);
    expect(near).toBeLessThan(1);
    expect(far).toBeLessThan(near);
  });
});

describe('the sample', () => {
  const ids = Array.from({ length: 436 }, (_, i) => `obs-${String(i + 1).padStart(3, '0')}`);

  it('is the same for the same seed, different for another, 15% of the units, without repeats', () => {
    const a = drawSample(ids, 0.15, 7);
    expect(drawSample(ids, 0.15, 7)).toEqual(a);
    expect(drawSample(ids, 0.15, 8)).not.toEqual(a);
    expect(a).toHaveLength(Math.round(0.15 * ids.length));
    expect(new Set(a).size).toBe(a.length);
  });

  it('draws every unit about equally often over many seeds', () => {
    const hits = new Map<string, number>();
    const small = ids.slice(0, 20);
    for (let seed = 1; seed <= 2000; seed++)
      for (const id of drawSample(small, 0.25, seed)) hits.set(id, (hits.get(id) ?? 0) + 1);
    for (const id of small) expect(hits.get(id)).toBeGreaterThan(400); // expected 500
  });

  it('uses a PRNG in [0, 1)', () => {
    const r = seededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const x = r();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('shows the blind coder no part of the first coding', () => {
    const rows = sampleForCoder(
      {
        observations: [
          {
            id: 'obs-001',
            date: '2025-02-28',
            datePrecision: 'day',
            actor: 'trump',
            speaker: 'President Donald Trump',
            theme: 'diplomacy',
            kind: 'statement',
            score: -2,
            confidence: 'high',
            summary: 'S',
            quote: 'Q',
            sourceId: 'web-x',
            rationale: 'R',
          },
        ],
        sources: [
          { id: 'web-x', title: 'T', outlet: 'O', published: '2025-02-28', url: 'https://example.org/a' },
        ],
      },
      ['obs-001'],
    );
    expect(rows).toEqual([
      {
        id: 'obs-001',
        date: '2025-02-28',
        speaker: 'President Donald Trump',
        quote: 'Q',
        sourceTitle: 'T',
        outlet: 'O',
        url: 'https://example.org/a',
      },
    ]);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual([
      'date',
      'id',
      'outlet',
      'quote',
      'sourceTitle',
      'speaker',
      'url',
    ]);
  });
});

describe('agreement', () => {
  it('counts exact and ±1 score agreement, kind, actor and theme, and lists disagreements', () => {
    const first = [
      { id: 'a', actor: 'trump', kind: 'statement', score: 2, theme: 'sanctions' },
      { id: 'b', actor: 'russia', kind: 'action', score: 3, theme: 'military-operations' },
      { id: 'c', actor: 'nato', kind: 'statement', score: 1, theme: 'rhetoric' },
      { id: 'd', actor: 'china', kind: 'statement', score: -1, theme: 'diplomacy' },
    ];
    const second = [
      { id: 'a', actor: 'trump', kind: 'statement', score: 2, theme: 'sanctions' },
      { id: 'b', actor: 'russia', kind: 'statement', score: 2, theme: 'military-operations' },
      { id: 'c', actor: 'europe', kind: 'statement', score: 1, theme: 'nato-alliance' },
      { id: 'd', actor: 'china', kind: 'statement', score: 1, theme: 'diplomacy' },
      { id: 'zz', actor: 'china', kind: 'statement', score: 1, theme: 'diplomacy' },
    ];
    const r = agreement(first, second);
    expect(r.units).toBe(4);
    expect(r.exactScore).toBe(0.5);
    expect(r.withinOne).toBe(0.75);
    expect(r.kind).toBe(0.75);
    expect(r.actor).toBe(0.75);
    expect(r.theme).toBe(0.75);
    expect(r.disagreements.map((d) => d.id)).toEqual(['b', 'c', 'd']);
    expect(r.alphaInterval).toBeCloseTo(
      krippendorffAlphaInterval([
        [2, 2],
        [3, 2],
        [1, 1],
        [-1, 1],
      ]),
      10,
    );
  });
});

describe('the figures in docs/codebook.md §11', () => {
  it('are what the committed first and second codings give', () => {
    const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Coding[];
    const first = read('docs/reliability/first-coding.json');
    const second = read('docs/reliability/second-coding.json');
    const a = agreement(first, second);
    const codebook = readFileSync('docs/codebook.md', 'utf8');
    // The "before reconciliation" column of the table's row for `label`.
    const row = (label: string) =>
      (codebook.split('\n').find((l) => l.startsWith(`| ${label} `)) ?? '')
        .split('|')
        .map((c) => c.trim())[2];
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    expect(a.units).toBe(first.length);
    expect(codebook).toContain(`| agreement (${a.units} observations)`);
    expect(row('exact score')).toBe(pct(a.exactScore));
    expect(row('score within ±1')).toBe(pct(a.withinOne));
    expect(row("Krippendorff's alpha (interval)")).toBe(a.alphaInterval.toFixed(3));
    expect(row('kind (statement/action)')).toBe(pct(a.kind));
    expect(row('actor')).toBe(pct(a.actor));
  });
});
