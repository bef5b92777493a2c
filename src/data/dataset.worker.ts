/// <reference lib="webworker" />
import { DatasetError, errorToData } from '../domain/dataset-error';
import { cellBuffers, columnBuffers } from '../domain/columns';
import { fetchResponse } from './fetch-response';
import type { DatasetWorkerRequest, DatasetWorkerResponse } from './dataset-worker-protocol';

// Fetching, JSON.parse, validation and building the columns of a large dataset take hundreds of
// milliseconds; here they do not block the page. The columns go back as transferred buffers: no copy,
// and nothing for the page to unpack.
const scope = self as unknown as DedicatedWorkerGlobalScope;

// The schemas (zod builds them when its module runs) and the column code are imported on demand: the
// bundler keeps them in this one script but runs them only when imported, so the request goes out
// first and the schemas are built while the server answers.
let indexing: Promise<typeof import('./fetch-dataset')> | null = null;
const loadIndexing = () =>
  (indexing ??= import('./fetch-dataset').catch((err: unknown) => {
    indexing = null; // A failed load is retried with the next request.
    throw err;
  }));

scope.onmessage = async (event: MessageEvent<DatasetWorkerRequest>) => {
  const { id, absoluteUrl, shownUrl, label } = event.data;
  const arrived: DatasetWorkerResponse = { id, arrived: true };
  try {
    const responding = fetchResponse(absoluteUrl, shownUrl, label);
    const [{ indexResponse }, response] = await Promise.all([loadIndexing(), responding]);
    const loaded = await indexResponse(response, label, () => scope.postMessage(arrived));
    const reply: DatasetWorkerResponse = { id, ok: true, loaded };
    scope.postMessage(reply, [...columnBuffers(loaded.columns), ...cellBuffers(loaded.cells ?? [])]);
  } catch (err) {
    const error =
      err instanceof DatasetError
        ? errorToData(err)
        : errorToData(new DatasetError('network', err instanceof Error ? err.message : String(err)));
    const reply: DatasetWorkerResponse = { id, ok: false, error };
    scope.postMessage(reply);
  }
};
