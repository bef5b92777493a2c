import {
  isDatasetSnapshot,
  snapshotDataset,
  type DatasetSnapshot,
  type DatasetVersion,
} from '../../domain/analysis/dataset-diff';

// Compact copies (id → actor, score) of dataset versions that saved views were made with, so opening a
// view on a newer version can say what changed. Kept in localStorage beside the saved views; failures
// to read or write only mean "what changed" cannot be shown, never a lost view.

export const SNAPSHOTS_KEY = 'stance-tracker:dataset-snapshots:v1';
/** Versions kept; the oldest goes first. */
export const MAX_SNAPSHOTS = 12;
/** Bigger datasets are not copied: their snapshot would crowd the browser's storage. */
export const MAX_SNAPSHOT_OBSERVATIONS = 20_000;

interface StoredSnapshots {
  version: 1;
  /** Oldest first, keyed `${datasetId}@${version}`. */
  entries: Array<[string, DatasetSnapshot]>;
}

const keyOf = (datasetId: string, version: string) => `${datasetId}@${version}`;

function read(storage: Storage): StoredSnapshots {
  try {
    const raw: unknown = JSON.parse(storage.getItem(SNAPSHOTS_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== 1)
      return { version: 1, entries: [] };
    const entries = (raw as { entries?: unknown }).entries;
    if (!Array.isArray(entries)) return { version: 1, entries: [] };
    return {
      version: 1,
      entries: entries.filter(
        (e): e is [string, DatasetSnapshot] =>
          Array.isArray(e) && typeof e[0] === 'string' && isDatasetSnapshot(e[1]),
      ),
    };
  } catch {
    return { version: 1, entries: [] };
  }
}

/** Keeps a snapshot of this dataset version (once); returns false when it could not be stored. */
export function rememberSnapshot(
  dataset: DatasetVersion,
  datasetId: string,
  storage: Storage | null,
): boolean {
  if (!storage || dataset.observations.length > MAX_SNAPSHOT_OBSERVATIONS) return false;
  const key = keyOf(datasetId, dataset.version);
  const stored = read(storage);
  if (stored.entries.some(([k]) => k === key)) return true;
  const entries = [...stored.entries, [key, snapshotDataset(dataset)] as [string, DatasetSnapshot]];
  // Oldest first out, until it fits both the cap and the browser's quota.
  for (let drop = Math.max(0, entries.length - MAX_SNAPSHOTS); drop < entries.length; drop++) {
    try {
      storage.setItem(SNAPSHOTS_KEY, JSON.stringify({ version: 1, entries: entries.slice(drop) }));
      return true;
    } catch {
      // Quota exceeded: try again without the oldest.
    }
  }
  return false;
}

export function findSnapshot(
  datasetId: string,
  version: string,
  storage: Storage | null,
): DatasetSnapshot | null {
  if (!storage) return null;
  return read(storage).entries.find(([k]) => k === keyOf(datasetId, version))?.[1] ?? null;
}
