import type { CsvMapping } from './csv-mapping';
import type { ReadOutcome, ReadProgress } from './import-engine';
import type { ImportResult } from './import-types';

/** Messages to the import worker. */
export type WorkerRequest =
  | { type: 'read'; id: number; file: File }
  /** For Files that cannot be posted whole (jsdom's): the bytes, transferred. */
  | { type: 'read-bytes'; id: number; name: string; bytes: ArrayBuffer }
  | { type: 'map'; id: number; mapping: CsvMapping; today?: string };

/** Messages from the import worker; `id` ties an answer to its request. */
export type WorkerResponse =
  | { type: 'progress'; id: number; progress: ReadProgress }
  | { type: 'read-done'; id: number; outcome: ReadOutcome }
  | { type: 'map-done'; id: number; result: ImportResult }
  | { type: 'failed'; id: number; message: string };
