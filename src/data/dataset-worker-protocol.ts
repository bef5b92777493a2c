import type { Dataset } from '../domain/schema';
import type { DatasetErrorData } from '../domain/dataset-error';

export interface DatasetWorkerRequest {
  id: number;
  absoluteUrl: string;
  shownUrl: string;
  label: string;
}

export type DatasetWorkerResponse =
  { id: number; ok: true; dataset: Dataset } | { id: number; ok: false; error: DatasetErrorData };
