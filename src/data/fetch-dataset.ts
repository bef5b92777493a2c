import { validateDataset } from '../domain/validate';
import { DatasetError, describeProblems } from '../domain/dataset-error';
import type { Dataset } from '../domain/schema';
import { DatasetIndex, type LoadedDataset } from '../domain/dataset-index';
import { allActorCells } from '../domain/aggregates';
import { buildColumns, type ObservationInput } from '../domain/build-columns';
import { fastValidate } from '../domain/fast-validate';
import { lastDataDay } from '../domain/default-range';

// Fetch, JSON-parse and validate a dataset. No React or DOM here: this module also runs in the
// dataset worker (src/data/dataset.worker.ts).

/** Parses already-decoded JSON into a Dataset or throws a DatasetError naming the first problems. */
export function parseDataset(raw: unknown, label: string): Dataset {
  const result = validateDataset(raw);
  if (!result.ok) {
    throw new DatasetError(
      'schema',
      `${label} does not match the Stance Tracker data format: ${describeProblems(result.problems)}.`,
      { problems: result.problems },
    );
  }
  return result.dataset;
}

function toLoaded(
  meta: Omit<Dataset, 'observations'>,
  observations: readonly ObservationInput[],
): LoadedDataset {
  return {
    meta: { ...meta, lastDay: lastDataDay(observations) },
    columns: buildColumns(
      observations,
      meta.actors.map((a) => a.id),
      meta.themes.map((t) => t.id),
    ),
  };
}

/**
 * Parsed JSON to columns: the fast validation (no second object per row) for a good file, and zod's,
 * with its messages, for anything the fast path turns down.
 */
export function parseToColumns(raw: unknown, label: string): LoadedDataset {
  const fast = fastValidate(raw);
  if (fast.ok) return toLoaded(fast.meta, fast.observations);
  const { observations, ...meta } = parseDataset(raw, label);
  return toLoaded(meta, observations);
}

/** Fetches an absolute URL and returns the validated dataset; `shownUrl` and `label` word the messages. */
export async function fetchAndParse(
  absoluteUrl: string,
  shownUrl: string,
  label: string,
  signal?: AbortSignal,
): Promise<Dataset> {
  return parseDataset(await fetchJson(absoluteUrl, shownUrl, label, signal), label);
}

/**
 * Fetches, validates and stores a dataset as columns with every actor's aggregate cells, so the page
 * only draws; `onArrived` is called once the whole body is in.
 */
export async function fetchAndIndex(
  absoluteUrl: string,
  shownUrl: string,
  label: string,
  signal?: AbortSignal,
  onArrived?: () => void,
): Promise<LoadedDataset> {
  const loaded = parseToColumns(await fetchJson(absoluteUrl, shownUrl, label, signal, onArrived), label);
  return { ...loaded, cells: allActorCells(new DatasetIndex(loaded.meta, loaded.columns)) };
}

async function fetchJson(
  absoluteUrl: string,
  shownUrl: string,
  label: string,
  signal?: AbortSignal,
  onArrived?: () => void,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(absoluteUrl, { signal, headers: { Accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new DatasetError(
      'network',
      `Could not reach the server for ${shownUrl}. Check your connection, then retry.`,
    );
  }
  if (!response.ok) {
    const statusText = response.statusText ? ` ${response.statusText}` : '';
    const hint =
      response.status === 404
        ? 'The file is missing from the server.'
        : response.status >= 500
          ? 'The server failed; retrying often helps.'
          : 'The server refused the request.';
    throw new DatasetError(
      'http',
      `${label} could not be loaded: the server answered ${response.status}${statusText}. ${hint}`,
      { status: response.status },
    );
  }
  const body = await response.text();
  onArrived?.();
  try {
    return JSON.parse(body) as unknown;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DatasetError('json', `${label} is not valid JSON (${reason}). The file may be truncated.`);
  }
}
