/// <reference lib="webworker" />
import { DatasetError, errorToData } from '../domain/dataset-error';
import { cellBuffers, columnBuffers } from '../domain/columns';
import { fetchResponse } from './fetch-response';
import {
  requestOfName,
  type DatasetWorkerRequest,
  type DatasetWorkerResponse,
} from './dataset-worker-protocol';

// Fetching, JSON.parse, validation and building the columns of a large dataset take hundreds of
// milliseconds; here they do not block the page. The columns go back as transferred buffers: no copy,
// and nothing for the page to unpack.
const scope = self as unknown as DedicatedWorkerGlobalScope;

// The schemas (zod builds them when its module runs) and the column code are a chunk of their own,
// which this small script starts loading as soon as it runs, right after the dataset's request: it is
// compiled and run while the server answers, not after a request that waited for the page's message.
let indexing: Promise<typeof import('./fetch-dataset')> | null = null;
const loadIndexing = () =>
  (indexing ??= import('./fetch-dataset').catch((err: unknown) => {
    indexing = null; // A failed load is retried with the next request.
    throw err;
  }));
async function answer({ id, absoluteUrl, shownUrl, label, cellsFor }: DatasetWorkerRequest): Promise<void> {
  const arrived: DatasetWorkerResponse = { id, arrived: true };
  try {
    const responding = fetchResponse(absoluteUrl, shownUrl, label);
    const [{ indexResponse }, response] = await Promise.all([loadIndexing(), responding]);
    const loaded = await indexResponse(response, label, () => scope.postMessage(arrived), cellsFor);
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
}

scope.onmessage = (event: MessageEvent<DatasetWorkerRequest>) => void answer(event.data);
// The first request came with the worker (in its name): it goes out now, and the code it needs loads.
const first = requestOfName(scope.name);
if (first) void answer(first);
// Its failure, if any, is reported by the request that needs it.
else loadIndexing().catch(() => undefined);
