import { screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/app/app';
import { useUiStore } from '../../src/state/ui-store';
import { DEFAULT_FILTERS } from '../../src/domain/view-filters';
import { renderWithProviders } from '../test-utils';

/** Renders the app at a given query string with a fresh store and waits for the explorer. */
export async function renderExplorer(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  // The store outlives a render; only the URL may decide the view.
  useUiStore.setState({
    filters: DEFAULT_FILTERS,
    selectedObservationId: null,
    page: 'explorer',
  });
  const utils = renderWithProviders(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Fixture: Stance toward Russia' });
  await explorerSettled();
  return utils;
}

/**
 * The explorer mounts what lies below the chart (summary, analyses, table) in a background render
 * after the chart: wait for the table, or the empty state, as a reader would. Other pages: at once.
 */
export async function explorerSettled() {
  await waitFor(() => {
    if (useUiStore.getState().page !== 'explorer') return;
    const done =
      screen.queryByRole('table', { name: 'Observations' }) ??
      screen.queryByText('No observations match these filters');
    if (!done) throw new Error('the explorer has not drawn its table yet');
  });
}

export function observationsTable() {
  return screen.getByRole('table', { name: 'Observations' });
}

/** The table's body rows as arrays of cell texts. */
export function tableRows(): string[][] {
  const rows = within(observationsTable()).getAllByRole('row').slice(1);
  return rows.map((r) =>
    within(r)
      .getAllByRole('cell')
      .map((c) => c.textContent ?? ''),
  );
}

/** One column of the table (0 date, 1 actor, 2 speaker, 3 theme, 4 kind, 5 score, 6 summary). */
export function column(i: number): string[] {
  return tableRows().map((r) => r[i]!);
}

export function chartFigure() {
  return screen.getByRole('figure', { name: /^Stance over time/ });
}

/** Names of the observation points drawn on the chart. */
export function pointNames(): string[] {
  const group = within(chartFigure()).getByRole('group', { name: /^Observations:/ });
  return within(group)
    .getAllByRole('button')
    .map((b) => b.getAttribute('aria-label') ?? '');
}

export function fieldset(name: string) {
  return screen.getByRole('group', { name });
}
