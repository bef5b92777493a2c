import { validateDataset } from '../domain/validate';
import { DatasetError, describeProblems } from '../domain/dataset-error';
import type { Dataset } from '../domain/schema';
import { DatasetIndex, type LoadedDataset } from '../domain/dataset-index';
import { allActorCells } from '../domain/aggregates';
import { buildColumns, type ObservationInput } from '../domain/build-columns';
import { fastValidate, shellChecker } from '../domain/fast-validate';
import { ObservationSplitter } from '../domain/observation-stream';
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
  const response = await fetchResponse(absoluteUrl, shownUrl, label, signal);
  const loaded = await readToColumns(response, label, onArrived);
  return { ...loaded, cells: allActorCells(new DatasetIndex(loaded.meta, loaded.columns)) };
}

/**
 * Reads the body as it arrives: the observations are cut into batches (ObservationSplitter), each
 * parsed and checked while the rest downloads. Whatever that path does not take (another shape, broken
 * JSON, a rule broken) is parsed again from the whole text, as before, so messages are unchanged.
 */
export async function readToColumns(
  response: Response,
  label: string,
  onArrived?: () => void,
  batchChars?: number,
): Promise<LoadedDataset> {
  if (!response.body) return textToColumns(await bodyText(response, onArrived), label);
  const texts: string[] = [];
  // Set by the splitter's callbacks: the shell's checks, whether every piece so far passed, the latest day.
  const state: { checker: ReturnType<typeof shellChecker>; good: boolean; lastDay: string | null } = {
    checker: null,
    good: true,
    lastDay: null,
  };
  const rows: ObservationInput[] = [];
  const splitter = new ObservationSplitter(
    {
      shell(prefix) {
        try {
          state.checker = shellChecker(JSON.parse(`${prefix}[]}`));
        } catch {
          state.checker = null;
        }
        if (!state.checker) state.good = false;
      },
      rows(elements) {
        const { checker } = state;
        if (!state.good || !checker) return;
        let batch: unknown[];
        try {
          batch = JSON.parse(`[${elements}]`) as unknown[];
        } catch {
          state.good = false;
          return;
        }
        // Every cut is between two elements: an empty piece means a stray comma, which the whole text refuses.
        if (batch.length === 0) {
          state.good = false;
          return;
        }
        for (const o of batch) {
          if (!checker.checkRow(o)) {
            state.good = false;
            return;
          }
          rows.push(o as ObservationInput);
        }
        const last = lastDataDay(batch as ObservationInput[]);
        if (last !== null && (state.lastDay === null || last > state.lastDay)) state.lastDay = last;
      },
    },
    batchChars,
  );
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
    texts.push(text);
    if (state.good) splitter.push(text);
    if (done) break;
  }
  onArrived?.();
  const ended = state.good && splitter.end();
  const { checker, good, lastDay } = state;
  if (ended && good && checker && rows.length > 0) return toLoaded(checker.meta, rows, lastDay);
  return textToColumns(texts.join(''), label);
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

async function fetchResponse(
  absoluteUrl: string,
  shownUrl: string,
  label: string,
  signal?: AbortSignal,
): Promise<Response> {
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
  return response;
}
