import { validateDataset } from '../domain/validate';
import { DatasetError, describeProblems } from '../domain/dataset-error';
import { fetchResponse } from './fetch-response';
import type { Dataset } from '../domain/schema';
import { DatasetIndex, type LoadedDataset } from '../domain/dataset-index';
import { cellsInOnePass } from '../domain/aggregates';
import { buildColumns, type ObservationInput } from '../domain/build-columns';
import { fastValidate, shellChecker } from '../domain/fast-validate';
import { ObservationReader } from '../domain/observation-stream';
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
  lastDay = lastDataDay(observations),
): LoadedDataset {
  return {
    meta: { ...meta, lastDay },
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
  return indexResponse(await fetchResponse(absoluteUrl, shownUrl, label, signal), label, onArrived);
}

/**
 * A fetched response's body as columns with the aggregate cells of `cellsFor` (actor ids; null: every
 * actor), fetchAndIndex after the fetch. The first chart's actors are enough: building all 50 actors'
 * of a 100k file held the first chart for the 42 it did not draw; the rest are built when drawn.
 */
export async function indexResponse(
  response: Response,
  label: string,
  onArrived?: () => void,
  cellsFor: readonly string[] | null = null,
): Promise<LoadedDataset> {
  const loaded = await readToColumns(response, label, onArrived);
  const index = new DatasetIndex(loaded.meta, loaded.columns);
  const chosen = cellsFor && new Set(cellsFor.flatMap((id) => index.actorNumber.get(id) ?? []));
  return { ...loaded, cells: cellsInOnePass(index, chosen) };
}

/**
 * Reads the body as it arrives: the observations go straight from the bytes into columns
 * (ObservationReader), checked as they come, while the rest downloads. Whatever that path does not take
 * (another shape, broken JSON, a rule broken) is parsed again from the whole text, as before, so
 * messages are unchanged.
 */
export async function readToColumns(
  response: Response,
  label: string,
  onArrived?: () => void,
): Promise<LoadedDataset> {
  if (!response.body) return textToColumns(await bodyText(response, onArrived), label);
  const chunks: Uint8Array[] = [];
  let meta: Omit<Dataset, 'observations'> | null = null;
  const reader = new ObservationReader(
    (prefix) => {
      let checker: ReturnType<typeof shellChecker> = null;
      try {
        checker = shellChecker(JSON.parse(`${prefix}[]}`));
      } catch {
        return null;
      }
      meta = checker?.meta ?? null;
      return checker;
    },
    Number(response.headers.get('content-length')) || 0,
  );
  const body = response.body.getReader();
  for (;;) {
    const { done, value } = await body.read();
    if (done) break;
    chunks.push(value);
    reader.push(value);
  }
  onArrived?.();
  const streamed = reader.end();
  if (streamed && meta)
    return {
      meta: { ...(meta as Omit<Dataset, 'observations'>), lastDay: streamed.lastDay },
      columns: streamed.columns,
    };
  return textToColumns(decodeChunks(chunks), label);
}

/** The body's text, as one streaming TextDecoder would give it. */
function decodeChunks(chunks: readonly Uint8Array[]): string {
  const decoder = new TextDecoder();
  return chunks.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode();
}

/** The whole-text path: JSON.parse, then validation and columns (zod's messages for a bad file). */
export function textToColumns(text: string, label: string): LoadedDataset {
  return parseToColumns(parseJson(text, label), label);
}

async function bodyText(response: Response, onArrived?: () => void): Promise<string> {
  const body = await response.text();
  onArrived?.();
  return body;
}

async function fetchJson(
  absoluteUrl: string,
  shownUrl: string,
  label: string,
  signal?: AbortSignal,
  onArrived?: () => void,
): Promise<unknown> {
  const response = await fetchResponse(absoluteUrl, shownUrl, label, signal);
  return parseJson(await bodyText(response, onArrived), label);
}

function parseJson(body: string, label: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DatasetError('json', `${label} is not valid JSON (${reason}). The file may be truncated.`);
  }
}
