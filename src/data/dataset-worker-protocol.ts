import type { DatasetErrorData } from '../domain/dataset-error';
import type { LoadedDataset } from '../domain/dataset-index';

export interface DatasetWorkerRequest {
  id: number;
  absoluteUrl: string;
  shownUrl: string;
  label: string;
  /** Actor ids whose aggregate cells come with the columns (the first chart's); null: every actor. */
  cellsFor: string[] | null;
}

export type DatasetWorkerResponse =
  /** The whole body has arrived; validating and indexing follow (the time limit covers only the network). */
  | { id: number; arrived: true }
  /** The dataset, its columns' buffers transferred rather than copied. */
  | { id: number; ok: true; loaded: LoadedDataset }
  | { id: number; ok: false; error: DatasetErrorData };

const NAME_PREFIX = 'stance-dataset:';

/**
 * A worker's name carrying its first request. The worker reads it as soon as its script runs; a message
 * posted before then waits for the page's thread to pass it on, which is busy starting the app (a
 * 100k load's request went out 35-50 ms after the worker was ready).
 */
export function requestName(request: DatasetWorkerRequest | null): string {
  return request ? NAME_PREFIX + JSON.stringify(request) : 'stance-dataset';
}

/** The request a worker's name carries, or null (no request, or a name this app did not write). */
export function requestOfName(name: string): DatasetWorkerRequest | null {
  if (!name.startsWith(NAME_PREFIX)) return null;
  try {
    const v: unknown = JSON.parse(name.slice(NAME_PREFIX.length));
    if (typeof v !== 'object' || v === null) return null;
    const { id, absoluteUrl, shownUrl, label, cellsFor } = v as Record<string, unknown>;
    if (typeof id !== 'number' || typeof absoluteUrl !== 'string') return null;
    if (typeof shownUrl !== 'string' || typeof label !== 'string') return null;
    const actors =
      cellsFor === null || (Array.isArray(cellsFor) && cellsFor.every((a) => typeof a === 'string'));
    return actors ? { id, absoluteUrl, shownUrl, label, cellsFor } : null;
  } catch {
    return null;
  }
}
