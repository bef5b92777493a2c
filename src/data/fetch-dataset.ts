import { validateDataset, type Problem } from './validate';
import type { Dataset } from './schema';

// Fetch, JSON-parse and validate a dataset. No React or DOM here: this module also runs in the
// dataset worker (src/data/dataset.worker.ts).

export type DatasetErrorKind = 'http' | 'network' | 'json' | 'schema' | 'timeout';

/** A failure to load a dataset, with what went wrong in words a user can act on. */
export class DatasetError extends Error {
  readonly kind: DatasetErrorKind;
  readonly problems: Problem[];
  readonly status: number | undefined;

  constructor(kind: DatasetErrorKind, message: string, opts: { problems?: Problem[]; status?: number } = {}) {
    super(message);
    this.name = 'DatasetError';
    this.kind = kind;
    this.problems = opts.problems ?? [];
    this.status = opts.status;
  }
}

/** What crosses the worker boundary for an error (class instances do not survive structured clone). */
export interface DatasetErrorData {
  kind: DatasetErrorKind;
  message: string;
  problems: Problem[];
  status: number | undefined;
}

export function errorToData(err: DatasetError): DatasetErrorData {
  return { kind: err.kind, message: err.message, problems: err.problems, status: err.status };
}

export function errorFromData(data: DatasetErrorData): DatasetError {
  return new DatasetError(data.kind, data.message, { problems: data.problems, status: data.status });
}

const SHOWN_IN_MESSAGE = 3;

export function describeProblems(problems: Problem[], shown = SHOWN_IN_MESSAGE): string {
  const head = problems
    .slice(0, shown)
    .map((p) => `${p.path}: ${p.message}`)
    .join('; ');
  const rest = problems.length - shown;
  return rest > 0 ? `${head}; and ${rest} more` : head;
}

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

/** Fetches an absolute URL and returns the validated dataset; `shownUrl` and `label` word the messages. */
export async function fetchAndParse(
  absoluteUrl: string,
  shownUrl: string,
  label: string,
  signal?: AbortSignal,
): Promise<Dataset> {
  let response: Response;
  try {
    response = await fetch(absoluteUrl, { signal, headers: { Accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new DatasetError('network', `Could not reach the server for ${shownUrl}. Check your connection, then retry.`);
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
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DatasetError('json', `${label} is not valid JSON (${reason}). The file may be truncated.`);
  }
  return parseDataset(raw, label);
}
