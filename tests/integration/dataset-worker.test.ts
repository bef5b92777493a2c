import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { fetchAndParse } from '../../src/data/fetch-dataset';
import { DatasetError } from '../../src/domain/dataset-error';
import { DatasetIndex, indexDataset } from '../../src/domain/dataset-index';
import { lastDataDay } from '../../src/domain/default-range';
import { actorCells, cellsInOnePass } from '../../src/domain/aggregates';
import type { ActorCells } from '../../src/domain/columns';
import { datasetWorkerStatus, loadDataset, startDatasetLoad } from '../../src/data/load-dataset';
import { datasetErrors } from '../../mocks/handlers';
import { server } from '../../mocks/server';

// @vitest/web-worker runs the real worker module behind the Worker API, with MSW answering fetches.
const URL_ = 'http://localhost:3000/data/stances.json';

/** Cells as plain arrays: the worker's typed arrays come from another realm in this test environment. */
const plain = (cells: readonly (ActorCells | null)[] | undefined) =>
  cells?.map(
    (c) =>
      c && Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Array.from(v as ArrayLike<number>)])),
  );

describe('dataset worker', () => {
  it('hands over columns that read back as exactly what in-thread parsing gives', async () => {
    expect(typeof Worker).toBe('function');
    const loaded = await loadDataset(URL_, 'data/stances.json', 'The bundled dataset');
    expect(datasetWorkerStatus()).toBe('running');
    const inThread = await fetchAndParse(URL_, 'data/stances.json', 'The bundled dataset');
    const viaWorker = new DatasetIndex(loaded.meta, loaded.columns);
    const reference = indexDataset(inThread);
    const { observations, ...meta } = inThread;
    expect(observations.length).toBeGreaterThan(0);
    expect(loaded.meta).toEqual({ ...meta, lastDay: lastDataDay(observations) });
    expect(viaWorker.count).toBe(observations.length);
    // Every observation, field for field, in the file's order.
    const rows = Array.from({ length: viaWorker.count }, (_, r) => r);
    const read = (index: DatasetIndex) => {
      const out = new Array<unknown>(index.count);
      for (const r of rows) out[index.columns.fileIndex[r]!] = index.observationAt(r);
      return out;
    };
    expect(read(viaWorker)).toEqual(observations);
    expect(read(reference)).toEqual(observations);
    // Without a selection, every actor's aggregate cells come back, as the page would build them.
    expect(plain(loaded.cells)).toEqual(plain(cellsInOnePass(reference, null)));
    expect(loaded.cells).toHaveLength(reference.actorIds.length);
    expect(loaded.cells?.every((c) => c !== null)).toBe(true);
  });

  it('builds the aggregates of the actors the address selects, and leaves the rest to the page', async () => {
    // The page's entry starts the load with the address's actors; the app's query takes it over.
    startDatasetLoad(URL_, 'data/stances.json', 'The bundled dataset', ['russia', 'us-congress', 'nobody']);
    const loaded = await loadDataset(URL_, 'data/stances.json', 'The bundled dataset');
    const reference = indexDataset(await fetchAndParse(URL_, 'data/stances.json', 'The bundled dataset'));
    const built = reference.actorIds.filter((_, a) => loaded.cells?.[a]);
    expect(built).toEqual(['us-congress', 'russia']);
    const page = new DatasetIndex(loaded.meta, loaded.columns);
    const russia = reference.actorNumber.get('russia')!;
    expect(plain([loaded.cells![russia]!])).toEqual(plain([actorCells(page, russia)]));
  });

  it('brings a schema error back as a DatasetError with its problems', async () => {
    server.use(datasetErrors.schemaInvalid);
    const err = await loadDataset(URL_, 'data/stances.json', 'The bundled dataset').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as DatasetError).kind).toBe('schema');
    expect((err as DatasetError).problems[0]).toEqual({
      path: 'observation fx-2: score',
      message: 'must be between -3 and 3',
    });
  });

  it('brings an HTTP error back with its status', async () => {
    server.use(datasetErrors.notFound);
    const err = await loadDataset(URL_, 'data/stances.json', 'The bundled dataset').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as DatasetError).status).toBe(404);
  });
});
