/// <reference lib="webworker" />
import { DatasetError, errorToData } from '../domain/dataset-error';
import { cellBuffers, columnBuffers } from '../domain/columns';
import { fetchAndIndex } from './fetch-dataset';
import type { DatasetWorkerRequest, DatasetWorkerResponse } from './dataset-worker-protocol';

// Fetching, JSON.parse, validation and building the columns of a large dataset take hundreds of
// milliseconds; here they do not block the page. The columns go back as transferred buffers: no copy,
// and nothing for the page to unpack.
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<DatasetWorkerRequest>) => {
  const { id, absoluteUrl, shownUrl, label } = event.data;
  const arrived: DatasetWorkerResponse = { id, arrived: true };
  try {
    const loaded = await fetchAndIndex(absoluteUrl, shownUrl, label, undefined, () =>
      scope.postMessage(arrived),
    );
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
