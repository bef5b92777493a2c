import { useQuery } from '@tanstack/react-query';
import { BUNDLED_DATASET_URL, datasetQueryOptions } from './dataset-api';

export function useDataset(url: string = BUNDLED_DATASET_URL) {
  return useQuery(datasetQueryOptions(url));
}
