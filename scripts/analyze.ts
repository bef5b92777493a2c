// npm run analyze -- --pivots [--data FILE] [--actor ID] [--sensitivity 1-5] [--min-segment N] [--min-delta X]
//                    --gap | --alignment | --diff OLDER.json      (same --data/--actor; --from/--to YYYY-MM-DD)
// The same headless engines as the app's Analysis panel, printing JSON to stdout.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseDataset } from '../src/data/fetch-dataset';
import type { Dataset } from '../src/domain/schema';
import { filterByActor, type SeriesQuery } from '../src/domain/series';
import { indexDataset } from '../src/domain/dataset-index';
import {
  DEFAULT_PIVOT_OPTIONS,
  SENSITIVITIES,
  detectPivots,
  type Sensitivity,
} from '../src/domain/analysis/pivots';
import { sayDoGap } from '../src/domain/analysis/say-do-gap';
import { alignmentMatrix } from '../src/domain/analysis/alignment';
import { diffDatasets } from '../src/domain/analysis/dataset-diff';
import { isoDay } from '../src/domain/dates';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message: string, code = 2): never {
  console.error(`analyze: ${message}`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      pivots: { type: 'boolean', default: false },
      gap: { type: 'boolean', default: false },
      alignment: { type: 'boolean', default: false },
      diff: { type: 'string' },
      data: { type: 'string' },
      actor: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      sensitivity: { type: 'string' },
      'min-segment': { type: 'string' },
      'min-delta': { type: 'string' },
    },
  });
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
const { values } = parsed;

function load(file: string): Dataset {
  const path = resolve(process.cwd(), file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    fail(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`, 1);
  }
  try {
    return parseDataset(raw, path);
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err), 1);
  }
}

const dataset = load(values.data ?? resolve(repoRoot, 'public/data/stances.json'));
const index = indexDataset(dataset);
const known = new Set(dataset.actors.map((a) => a.id));
for (const id of values.actor ?? [])
  if (!known.has(id)) fail(`unknown actor "${id}" (known: ${[...known].join(', ')})`);
for (const key of ['from', 'to'] as const) {
  const v = values[key];
  if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) fail(`--${key} must be YYYY-MM-DD (got "${v}")`);
}

const query: SeriesQuery = {
  actors: values.actor ?? null,
  themes: null,
  kind: 'both',
  from: values.from ?? null,
  to: values.to ?? null,
  smooth: 0,
  highConfidence: false,
};
const byActor = filterByActor(index, query);
const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

function number(name: string, raw: string | undefined, fallback: number, ok: (n: number) => boolean): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !ok(n)) fail(`--${name} is out of range (got "${raw}")`);
  return n;
}

let output: unknown;
if (values.pivots) {
  const sensitivity = number('sensitivity', values.sensitivity, DEFAULT_PIVOT_OPTIONS.sensitivity, (n) =>
    SENSITIVITIES.includes(n as Sensitivity),
  ) as Sensitivity;
  const minSegment = number(
    'min-segment',
    values['min-segment'],
    DEFAULT_PIVOT_OPTIONS.minSegment,
    (n) => Number.isInteger(n) && n >= 1,
  );
  const minDelta = number('min-delta', values['min-delta'], DEFAULT_PIVOT_OPTIONS.minDelta, (n) => n >= 0);
  output = [...byActor].flatMap(([actor, points]) =>
    detectPivots(actor, points, { sensitivity, minSegment, minDelta }).map((p) => ({
      actor: p.actor,
      date: p.date,
      before: round(p.before),
      after: round(p.after),
      delta: round(p.delta),
      evidence: p.evidence,
    })),
  );
} else if (values.gap) {
  output = [...byActor].map(([actor, points]) => {
    const g = sayDoGap(
      actor,
      points,
      {},
      { negative: dataset.scale.negativeLabel, positive: dataset.scale.positiveLabel },
    );
    return {
      actor,
      statements: g.nStatements,
      actions: g.nActions,
      reading: g.reading,
      stretch: g.stretch && {
        from: isoDay(g.stretch.from),
        to: isoDay(g.stretch.to),
        gap: round(g.stretch.gap),
      },
    };
  });
} else if (values.alignment) {
  const actors = dataset.actors.filter((a) => byActor.has(a.id));
  const m = alignmentMatrix(
    actors,
    byActor,
    index.extent && [
      query.from ? Date.parse(query.from) : index.extent[0],
      query.to ? Date.parse(query.to) : index.extent[1],
    ],
  );
  output = m.actors.flatMap((a, i) =>
    m.actors.slice(i + 1).map((b, k) => {
      const cell = m.cells[i]![i + 1 + k]!;
      return { a: a.id, b: b.id, ...cell, ...(cell.status === 'ok' ? { r: round(cell.r) } : {}) };
    }),
  );
} else if (values.diff) {
  output = diffDatasets(load(values.diff), dataset);
} else {
  fail('say what to analyse: --pivots, --gap, --alignment or --diff OLDER.json');
}
console.log(JSON.stringify(output, null, 2));
