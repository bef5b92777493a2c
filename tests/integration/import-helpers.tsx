import { screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import { App } from '../../src/app/app';
import { createMemoryStore } from '../../src/data/dataset-store';
import { DatasetSourceConfigContext, type DatasetSourceConfig } from '../../src/data/dataset-source-config';
import { ImportConfigContext, type ImportConfig } from '../../src/features/import/import-config';
import { useUiStore } from '../../src/state/ui-store';
import { DEFAULT_FILTERS } from '../../src/domain/view-filters';
import { renderWithProviders } from '../test-utils';

export const BUNDLED_TITLE = 'Fixture: Stance toward Russia';

/**
 * Renders the app at a query string with a fresh UI store, a memory dataset store (IndexedDB's
 * stand-in; pass the same one again to simulate a reload).
 */
export function renderApp(
  opts: {
    search?: string;
    store?: ReturnType<typeof createMemoryStore>;
    config?: Partial<ImportConfig & DatasetSourceConfig>;
  } = {},
) {
  window.history.replaceState(null, '', `/${opts.search ?? ''}`);
  useUiStore.setState({ filters: DEFAULT_FILTERS, selectedObservationId: null });
  const store = opts.store ?? createMemoryStore();
  // The URL timeout stays the production one unless a test is about timing out: a short limit would
  // fail a healthy load on a busy machine.
  const { createSession, progressDelayMs = 1000, timeoutMs } = opts.config ?? {};
  const utils = renderWithProviders(
    <DatasetSourceConfigContext.Provider value={timeoutMs === undefined ? { store } : { store, timeoutMs }}>
      <ImportConfigContext.Provider
        value={createSession ? { createSession, progressDelayMs } : { progressDelayMs }}
      >
        <App />
      </ImportConfigContext.Provider>
    </DatasetSourceConfigContext.Provider>,
  );
  return { ...utils, store };
}

export async function bundledOpen() {
  return screen.findByRole('heading', { level: 1, name: BUNDLED_TITLE });
}

export function datasetBadge() {
  return screen.getByRole('group', { name: 'Open dataset' });
}

export function fileInput() {
  return screen.getByLabelText<HTMLInputElement>('Open dataset file (JSON or CSV)');
}

export function jsonFile(data: unknown, name = 'mine.json'): File {
  return new File([typeof data === 'string' ? data : JSON.stringify(data)], name, {
    type: 'application/json',
  });
}

export function csvFile(text: string, name = 'mine.csv'): File {
  return new File([text], name, { type: 'text/csv' });
}

export async function findDialog(name: RegExp | string) {
  return screen.findByRole('dialog', { name });
}

export function legendNames(): string[] {
  const legend = screen.getByRole('list', { name: 'Legend' });
  return within(legend)
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
}

/** Captures what "download" buttons save: jsdom has no object URLs, so they are stubbed. */
export function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  for (const key of ['createObjectURL', 'revokeObjectURL'] as const) {
    if (!(key in URL))
      Object.defineProperty(URL, key, { value: () => '', configurable: true, writable: true });
  }
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b: Blob | MediaSource) => {
    blobs.push(b as Blob);
    return `blob:test/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}
