import type { Dataset } from '../schema';

// What changed between two versions of a dataset: observations added, removed and re-scored (matched
// by id), and how far each actor's mean score moved. The older side may be a compact snapshot kept
// with a saved view, since the old file itself is usually gone. Explained in docs/analysis.md.

/** The least needed to diff later: per observation id, its actor and score. */
export interface DatasetSnapshot {
  datasetId: string | null;
  version: string;
  observations: Record<string, [actor: string, score: number]>;
}

/** A dataset version as the diff reads it: its observations need only id, actor and score (a Dataset is one). */
export interface DatasetVersion {
  id?: string;
  version: string;
  actors: { id: string }[];
  observations: readonly ObservationRef[];
}

export function snapshotDataset(dataset: DatasetVersion): DatasetSnapshot {
  const observations: Record<string, [string, number]> = {};
  for (const o of dataset.observations) observations[o.id] = [o.actor, o.score];
  return { datasetId: dataset.id ?? null, version: dataset.version, observations };
}

/** Accepts a snapshot read back from storage only if it has the right shape. */
export function isDatasetSnapshot(value: unknown): value is DatasetSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.version !== 'string' || !(v.datasetId === null || typeof v.datasetId === 'string'))
    return false;
  if (typeof v.observations !== 'object' || v.observations === null) return false;
  return Object.values(v.observations).every(
    (e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'number',
  );
}

export interface ObservationRef {
  id: string;
  actor: string;
  score: number;
}

export interface Rescored {
  id: string;
  actor: string;
  before: number;
  after: number;
}

export interface ActorShift {
  actor: string;
  nBefore: number;
  nAfter: number;
  meanBefore: number | null;
  meanAfter: number | null;
  /** meanAfter − meanBefore, or null when the actor has no observations on one side. */
  shift: number | null;
}

export interface DatasetDiff {
  fromVersion: string;
  toVersion: string;
  added: ObservationRef[];
  removed: ObservationRef[];
  rescored: Rescored[];
  /** Every actor with observations on either side, in the newer dataset's actor order. */
  actors: ActorShift[];
  unchanged: boolean;
}

function means(entries: Iterable<[string, number]>): Map<string, { n: number; sum: number }> {
  const out = new Map<string, { n: number; sum: number }>();
  for (const [actor, score] of entries) {
    const m = out.get(actor) ?? { n: 0, sum: 0 };
    m.n += 1;
    m.sum += score;
    out.set(actor, m);
  }
  return out;
}

/** Diff from an older version (a dataset or its snapshot) to the newer dataset. */
export function diffDatasets(older: Dataset | DatasetSnapshot, newer: DatasetVersion): DatasetDiff {
  const old = 'schemaVersion' in older ? snapshotDataset(older) : older;
  const byId = new Set(newer.observations.map((o) => o.id));
  const added: ObservationRef[] = [];
  const rescored: Rescored[] = [];
  for (const o of newer.observations) {
    const prev = old.observations[o.id];
    if (!prev) added.push({ id: o.id, actor: o.actor, score: o.score });
    else if (prev[1] !== o.score)
      rescored.push({ id: o.id, actor: o.actor, before: prev[1], after: o.score });
  }
  const removed: ObservationRef[] = Object.entries(old.observations)
    .filter(([id]) => !byId.has(id))
    .map(([id, [actor, score]]) => ({ id, actor, score }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const before = means(Object.values(old.observations));
  const after = means(newer.observations.map((o): [string, number] => [o.actor, o.score]));
  const order = [...newer.actors.map((a) => a.id), ...[...before.keys()].sort()];
  const actors: ActorShift[] = [];
  for (const actor of new Set(order)) {
    const b = before.get(actor);
    const a = after.get(actor);
    if (!a && !b) continue;
    const meanBefore = b ? b.sum / b.n : null;
    const meanAfter = a ? a.sum / a.n : null;
    actors.push({
      actor,
      nBefore: b?.n ?? 0,
      nAfter: a?.n ?? 0,
      meanBefore,
      meanAfter,
      shift: meanBefore !== null && meanAfter !== null ? meanAfter - meanBefore : null,
    });
  }
  return {
    fromVersion: old.version,
    toVersion: newer.version,
    added,
    removed,
    rescored,
    actors,
    unchanged: added.length === 0 && removed.length === 0 && rescored.length === 0,
  };
}
