/// <reference lib="webworker" />
import { DatasetError, errorToData } from '../domain/dataset-error';
import { fetchAndParse } from './fetch-dataset';
import type { DatasetWorkerRequest, DatasetWorkerResponse } from './dataset-worker-protocol';

// Fetching, JSON.parse and schema validation of a large dataset take hundreds of milliseconds;
// here they do not block the page.
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<DatasetWorkerRequest>) => {
  const { id, absoluteUrl, shownUrl, label } = event.data;
  let reply: DatasetWorkerResponse;
  try {
    reply = { id, ok: true, dataset: await fetchAndParse(absoluteUrl, shownUrl, label) };
  } catch (err) {
    const error =
      err instanceof DatasetError
        ? errorToData(err)
        : errorToData(new DatasetError('network', err instanceof Error ? err.message : String(err)));
    reply = { id, ok: false, error };
  }
  scope.postMessage(reply);
};
