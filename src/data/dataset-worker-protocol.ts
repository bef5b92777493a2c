import type { DatasetErrorData } from '../domain/dataset-error';
import type { LoadedDataset } from '../domain/dataset-index';

export interface DatasetWorkerRequest {
  id: number;
  absoluteUrl: string;
  shownUrl: string;
  label: string;
}

export type DatasetWorkerResponse =
  /** The whole body has arrived; validating and indexing follow (the time limit covers only the network). */
  | { id: number; arrived: true }
  /** The dataset, its columns' buffers transferred rather than copied. */
  | { id: number; ok: true; loaded: LoadedDataset }
  | { id: number; ok: false; error: DatasetErrorData };
