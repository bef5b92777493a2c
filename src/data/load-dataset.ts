import { errorFromData } from '../domain/dataset-error';
import {
  requestName,
  type DatasetWorkerRequest,
  type DatasetWorkerResponse,
} from './dataset-worker-protocol';
import type { LoadedDataset } from '../domain/dataset-index';

interface Waiter {
  resolve: (d: LoadedDataset) => void;
  reject: (e: Error) => void;
  onArrived: () => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Waiter>();

/** Starts the worker; a request given here travels in its name, so no message waits for this thread. */
function startWorker(first: DatasetWorkerRequest | null): void {
  if (typeof Worker === 'undefined' || workerBroken) return;
  if (!worker) {
    worker = new Worker(new URL('./dataset.worker.ts', import.meta.url), {
      type: 'module',
      name: requestName(first),
    });
    worker.onmessage = (event: MessageEvent<DatasetWorkerResponse>) => {
      const reply = event.data;
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      if ('arrived' in reply) {
        waiter.onArrived();
        return;
      }
      pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.loaded);
      else waiter.reject(errorFromData(reply.error));
    };
    worker.onerror = () => {
      // A worker that cannot start (e.g. blocked by policy) must not strand the query: fall back.
      for (const w of pending.values()) w.reject(new Error('dataset worker failed'));
      pending.clear();
      worker = null;
      workerBroken = true;
    };
  } else if (first) worker.postMessage(first);
}

let workerBroken = false;

/** Whether loads go through the worker: for diagnostics and for the worker-vs-thread test. */
export function datasetWorkerStatus(): 'unused' | 'running' | 'failed' {
  return workerBroken ? 'failed' : worker ? 'running' : 'unused';
}

/** The in-thread path loads the schema on demand, so the page's first paint carries no zod. */
async function loadInThread(
  absoluteUrl: string,
  shownUrl: string,
  label: string,
  signal?: AbortSignal,
  onArrived?: () => void,
): Promise<LoadedDataset> {
  const m = await import('./fetch-dataset');
  return m.fetchAndIndex(absoluteUrl, shownUrl, label, signal, onArrived);
}

/** Sends a request to the worker, starting it if need be: the promise of its reply, or null without a worker. */
function request(
  absoluteUrl: string,
  shownUrl: string,
  label: string,
  onArrived: () => void,
  cellsFor: string[] | null = null,
): Promise<LoadedDataset> | null {
  if (typeof Worker === 'undefined' || workerBroken) return null;
  const message: DatasetWorkerRequest = { id: nextId++, absoluteUrl, shownUrl, label, cellsFor };
  const reply = new Promise<LoadedDataset>((resolve, reject) => {
    pending.set(message.id, { resolve, reject, onArrived });
  });
  startWorker(message);
  return reply;
}

/** A load started before anything asked for it (startDatasetLoad), waiting for loadDataset to take it over. */
interface EarlyLoad {
  key: string;
  promise: Promise<LoadedDataset>;
  arrived: boolean;
  onArrived?: () => void;
}
let early: EarlyLoad | null = null;
const earlyKey = (absoluteUrl: string, shownUrl: string, label: string) =>
  JSON.stringify([absoluteUrl, shownUrl, label]);

/** Starts the dataset worker, so its script is loaded and evaluated while the page's own code loads. */
export function warmDatasetWorker(): void {
  startWorker(null);
}

/**
 * Starts loading a dataset in the worker now, from the page's small entry, before the app's code has
 * arrived; the app's own loadDataset call for the same URL then takes this load over rather than
 * starting another. Without a worker it does nothing (the in-thread path starts when asked).
 * `firstActors`: whose aggregates to build before answering (null: every actor's).
 */
export function startDatasetLoad(
  absoluteUrl: string,
  shownUrl: string,
  label: string,
  firstActors: string[] | null = null,
): void {
  const promise = request(
    absoluteUrl,
    shownUrl,
    label,
    () => {
      load.arrived = true;
      load.onArrived?.();
    },
    firstActors,
  );
  if (!promise) return;
  const load: EarlyLoad = { key: earlyKey(absoluteUrl, shownUrl, label), arrived: false, promise };
  // Nobody may take it over (the app chose another dataset): its failure is then nobody's to report.
  load.promise.catch(() => undefined);
  early = load;
}

/**
 * Loads a dataset as columns off the main thread when Web Workers exist (the browser), in-thread
 * otherwise (jsdom, Node); both paths run the same fetchAndIndex, so results are identical.
 * `onArrived` is called once the body is downloaded (before validation). A load startDatasetLoad
 * began for the same request is taken over, once (a retry starts afresh).
 */
export function loadDataset(
  absoluteUrl: string,
  shownUrl: string,
  label: string,
  signal?: AbortSignal,
  onArrived?: () => void,
): Promise<LoadedDataset> {
  let inWorker: Promise<LoadedDataset> | null = null;
  const started = early;
  if (started?.key === earlyKey(absoluteUrl, shownUrl, label)) {
    early = null;
    started.onArrived = onArrived;
    if (started.arrived) onArrived?.();
    inWorker = started.promise;
  } else {
    inWorker = request(absoluteUrl, shownUrl, label, () => onArrived?.());
  }
  if (!inWorker) return loadInThread(absoluteUrl, shownUrl, label, signal, onArrived);
  return withAbort(inWorker, signal).catch((err: unknown) => {
    if (err instanceof Error && err.message === 'dataset worker failed') {
      return loadInThread(absoluteUrl, shownUrl, label, signal, onArrived);
    }
    throw err;
  });
}

/** The promise, or the abort's reason once `signal` aborts first. */
function withAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = () =>
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
