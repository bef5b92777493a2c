import { errorFromData } from '../domain/dataset-error';
import type { DatasetWorkerRequest, DatasetWorkerResponse } from './dataset-worker-protocol';
import type { LoadedDataset } from '../domain/dataset-index';

interface Waiter {
  resolve: (d: LoadedDataset) => void;
  reject: (e: Error) => void;
  onArrived?: () => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Waiter>();

function getWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  if (!worker) {
    worker = new Worker(new URL('./dataset.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<DatasetWorkerResponse>) => {
      const reply = event.data;
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      if ('arrived' in reply) {
        waiter.onArrived?.();
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
  }
  return worker;
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

/**
 * Loads a dataset as columns off the main thread when Web Workers exist (the browser), in-thread
 * otherwise (jsdom, Node); both paths run the same fetchAndIndex, so results are identical.
 * `onArrived` is called once the body is downloaded (before validation).
 */
export function loadDataset(
  absoluteUrl: string,
  shownUrl: string,
  label: string,
  signal?: AbortSignal,
  onArrived?: () => void,
): Promise<LoadedDataset> {
  const w = workerBroken ? null : getWorker();
  if (!w) return loadInThread(absoluteUrl, shownUrl, label, signal, onArrived);
  const id = nextId++;
  const request: DatasetWorkerRequest = { id, absoluteUrl, shownUrl, label };
  return new Promise<LoadedDataset>((resolve, reject) => {
    pending.set(id, { resolve, reject, onArrived });
    signal?.addEventListener('abort', () => {
      pending.delete(id);
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    });
    w.postMessage(request);
  }).catch((err: unknown) => {
    if (err instanceof Error && err.message === 'dataset worker failed') {
      return loadInThread(absoluteUrl, shownUrl, label, signal, onArrived);
    }
    throw err;
  });
}
