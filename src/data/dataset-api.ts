import { queryOptions } from '@tanstack/react-query';
import { validateDataset, type Problem } from './validate';
import type { Dataset } from './schema';

/** Relative, so the built app works from any sub-path. */
export const BUNDLED_DATASET_URL = 'data/stances.json';

export type DatasetErrorKind = 'http' | 'network' | 'json' | 'schema';

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

export function resolveUrl(url: string): string {
  const base = typeof document !== 'undefined' ? document.baseURI : 'http://localhost/';
  return new URL(url, base).href;
}

export async function fetchDataset(url: string, signal?: AbortSignal): Promise<Dataset> {
  const label = url === BUNDLED_DATASET_URL ? 'The bundled dataset' : `The dataset at ${url}`;
  let response: Response;
  try {
    response = await fetch(resolveUrl(url), { signal, headers: { Accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new DatasetError(
      'network',
      `Could not reach the server for ${url}. Check your connection, then retry.`,
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
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DatasetError('json', `${label} is not valid JSON (${reason}). The file may be truncated.`);
  }
  return parseDataset(raw, label);
}

export const datasetKeys = {
  all: ['dataset'] as const,
  byUrl: (url: string) => [...datasetKeys.all, 'url', url] as const,
};

export function datasetQueryOptions(url: string = BUNDLED_DATASET_URL) {
  return queryOptions({
    queryKey: datasetKeys.byUrl(url),
    queryFn: ({ signal }) => fetchDataset(url, signal),
    staleTime: Infinity,
  });
}
