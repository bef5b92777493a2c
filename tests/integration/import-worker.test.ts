import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { createImportSession, createInThreadSession } from '../../src/features/import/import-client';
import type { ReadProgress } from '../../src/features/import/import-engine';
import gdeltCsv from '../fixtures/gdelt-events-2020-11-13_15-sample.csv?raw';

// @vitest/web-worker runs the real import.worker.ts behind the Worker API.
describe('import worker', () => {
  it('reads and maps the GDELT sample exactly as the in-thread session does, with progress', async () => {
    expect(typeof Worker).toBe('function');
    const file = () => new File([gdeltCsv], 'gdelt.csv', { type: 'text/csv' });
    const viaWorker = createImportSession();
    const progress: ReadProgress[] = [];
    const a = await viaWorker.read(file(), (p) => progress.push(p));
    const b = await createInThreadSession().read(file());
    expect(a).toEqual(b);
    if (a.kind !== 'csv') throw new Error('expected csv');
    expect(a.preview.recordCount).toBe(2001);
    expect(progress.at(-1)?.loaded).toBe(progress.at(-1)?.total);
    const mapped = await viaWorker.map({ ...a.preview.guess });
    expect(mapped.dataset?.observations).toHaveLength(2000);
    expect(mapped.dataset?.actors[0]?.id).toBe('usa');
    viaWorker.dispose();
  });
});
