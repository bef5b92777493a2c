import { ImportEngine, type ReadProgress } from './import-engine';
import type { WorkerRequest, WorkerResponse } from './import-protocol';

// Parsing a 50 MB file takes seconds; here it runs off the main thread so the page keeps responding.
const engine = new ImportEngine();
const post = (message: WorkerResponse) =>
  (self as unknown as { postMessage: (m: WorkerResponse) => void }).postMessage(message);

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  void (async () => {
    try {
      const onProgress = (progress: ReadProgress) => post({ type: 'progress', id: request.id, progress });
      if (request.type === 'read') {
        post({ type: 'read-done', id: request.id, outcome: await engine.read(request.file, onProgress) });
      } else if (request.type === 'read-bytes') {
        const { name, bytes } = request;
        const file = { name, size: bytes.byteLength, arrayBuffer: async () => bytes };
        post({ type: 'read-done', id: request.id, outcome: await engine.read(file, onProgress) });
      } else {
        post({ type: 'map-done', id: request.id, result: engine.map(request.mapping, request.today) });
      }
    } catch (err) {
      post({ type: 'failed', id: request.id, message: err instanceof Error ? err.message : String(err) });
    }
  })();
});
