import type { CsvMapping } from './csv-mapping';
import type { ReadOutcome, ReadProgress } from './import-engine';
import type { WorkerRequest, WorkerResponse } from './import-protocol';
import type { ImportResult } from './import-types';

/** One file being opened: read it (with progress), then map it if it is a CSV. */
export interface ImportSession {
  read(file: File, onProgress?: (p: ReadProgress) => void): Promise<ReadOutcome>;
  map(mapping: CsvMapping): Promise<ImportResult>;
  dispose(): void;
}

/** Runs the engine on the main thread: for jsdom (no Worker) and as the fallback when a worker fails. */
export function createInThreadSession(): ImportSession {
  // Loaded on first use: the parsers and the schema stay out of the page's first-paint JavaScript.
  const engine = import('./import-engine').then((m) => new m.ImportEngine());
  return {
    read: async (file, onProgress) => (await engine).read(file, onProgress),
    map: async (mapping) => (await engine).map(mapping),
    dispose: () => {},
  };
}

type Pending = {
  resolve: (r: WorkerResponse) => void;
  onProgress?: (p: ReadProgress) => void;
};

function createWorkerSession(worker: Worker): ImportSession {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let broken = false;
  // If the worker cannot start (blocked, failed to load), the same work runs in the page instead.
  let fallbackSession: ImportSession | null = null;
  const fallback = {
    read: (file: File, onProgress?: (p: ReadProgress) => void) =>
      (fallbackSession ??= createInThreadSession()).read(file, onProgress),
    map: (mapping: CsvMapping) => (fallbackSession ??= createInThreadSession()).map(mapping),
  };
  let lastFile: File | null = null;

  worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    const msg = event.data;
    const entry = pending.get(msg.id);
    if (!entry) return;
    if (msg.type === 'progress') {
      entry.onProgress?.(msg.progress);
      return;
    }
    pending.delete(msg.id);
    entry.resolve(msg);
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    broken = true;
    for (const [id, entry] of pending) entry.resolve({ type: 'failed', id, message: 'worker failed' });
    pending.clear();
  });

  const send = (request: WorkerRequest, onProgress?: (p: ReadProgress) => void) =>
    new Promise<WorkerResponse>((resolve) => {
      pending.set(request.id, { resolve, onProgress });
      worker.postMessage(request, request.type === 'read-bytes' ? [request.bytes] : []);
    });

  return {
    async read(file, onProgress) {
      lastFile = file;
      if (!broken) {
        // A real File is posted as is (the worker reads it); jsdom's cannot be cloned, so its bytes go instead.
        const request: WorkerRequest =
          typeof file.stream === 'function'
            ? { type: 'read', id: nextId++, file }
            : { type: 'read-bytes', id: nextId++, name: file.name, bytes: await file.arrayBuffer() };
        const answer = await send(request, onProgress);
        if (answer.type === 'read-done') return answer.outcome;
      }
      broken = true;
      return fallback.read(file, onProgress);
    },
    async map(mapping) {
      if (!broken) {
        const answer = await send({ type: 'map', id: nextId++, mapping });
        if (answer.type === 'map-done') return answer.result;
        broken = true;
        // The worker held the parsed table; the fallback must read the file before it can map it.
        if (lastFile) await fallback.read(lastFile);
      }
      return fallback.map(mapping);
    },
    dispose() {
      worker.terminate();
      pending.clear();
    },
  };
}

/** A worker-backed session where Worker exists, else one on the main thread. */
export function createImportSession(): ImportSession {
  if (typeof Worker === 'undefined') return createInThreadSession();
  try {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    return createWorkerSession(worker);
  } catch {
    return createInThreadSession();
  }
}
