import { validateDataset } from '../domain/validate';
import { DatasetError, describeProblems } from '../domain/dataset-error';
import type { Dataset } from '../domain/schema';

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
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DatasetError('json', `${label} is not valid JSON (${reason}). The file may be truncated.`);
  }
  return parseDataset(raw, label);
}
