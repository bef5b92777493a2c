import { http, HttpResponse } from 'msw';
import { makeFixtureDataset } from './fixtures/dataset';

/** Matches the dataset URL wherever the app is served from (it is fetched relative to the page). */
export const DATASET_PATH = '*/data/stances.json';

export const handlers = [http.get(DATASET_PATH, () => HttpResponse.json(makeFixtureDataset()))];

/** Error variants, applied per test with server.use(...). */
export const datasetErrors = {
  notFound: http.get(
    DATASET_PATH,
    () => new HttpResponse('Not found', { status: 404, statusText: 'Not Found' }),
  ),
  serverError: http.get(
    DATASET_PATH,
    () => new HttpResponse('Boom', { status: 500, statusText: 'Internal Server Error' }),
  ),
  serverErrorOnce: http.get(
    DATASET_PATH,
    () => new HttpResponse('Boom', { status: 500, statusText: 'Internal Server Error' }),
    { once: true },
  ),
  networkError: http.get(DATASET_PATH, () => HttpResponse.error()),
  malformedJson: http.get(
    DATASET_PATH,
    () =>
      new HttpResponse('{"schemaVersion": 1, "title": "Trunc', {
        headers: { 'Content-Type': 'application/json' },
      }),
  ),
  schemaInvalid: http.get(DATASET_PATH, () => {
    const data = makeFixtureDataset();
    const broken = {
      ...data,
      observations: data.observations.map((o, i) => (i === 1 ? { ...o, score: 7 } : o)),
    };
    return HttpResponse.json(broken);
  }),
};
