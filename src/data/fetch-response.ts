import { DatasetError } from '../domain/dataset-error';

// The request itself, with no validation code behind it: the dataset worker sends it before it loads
// the schema and column code (fetch-dataset.ts), so the two overlap.

/** Fetches an absolute URL; a DatasetError worded with `shownUrl` and `label` when it fails or is refused. */
export async function fetchResponse(
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
