import { cleanup, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { DATASET_PATH } from '../../mocks/handlers';
import { server } from '../../mocks/server';
import { makeAnalysisDataset } from '../../mocks/fixtures/analysis-dataset';
import type { Dataset } from '../../src/domain/schema';
import { useUiStore } from '../../src/state/ui-store';
import { DEFAULT_FILTERS } from '../../src/domain/view-filters';
import { DEFAULT_ANALYSIS } from '../../src/state/analysis-settings';
import { renderWithProviders } from '../test-utils';

const v1: Dataset = { ...makeAnalysisDataset(), version: '1.0.0' };
// Version 2: hawk-01 re-scored 2 → 0, echo-01 removed, one new Steady observation.
const v2: Dataset = {
  ...v1,
  version: '2.0.0',
  changelog: [
    { version: '2.0.0', date: '2026-11-30', added: ['One Steady observation'], corrected: ['Hawk re-read'] },
    { version: '1.0.0', date: '2026-11-25', added: ['The first coding'], corrected: [] },
  ],
  observations: [
    ...v1.observations
      .filter((o) => o.id !== 'echo-01')
      .map((o) => (o.id === 'hawk-01' ? { ...o, score: 0, summary: 'Hawk, re-read.' } : o)),
    {
      ...v1.observations.find((o) => o.id === 'steady-01')!,
      id: 'steady-new',
      date: '2025-08-20',
      score: -1,
      summary: 'Steady, new.',
    },
  ],
};

async function renderWith(dataset: Dataset) {
  server.use(http.get(DATASET_PATH, () => HttpResponse.json(dataset)));
  window.history.replaceState(null, '', '/');
  const utils = renderWithProviders(<App />);
  await screen.findByRole('heading', { level: 1, name: dataset.title });
  return utils;
}

const mean = (d: Dataset, actor: string) => {
  const xs = d.observations.filter((o) => o.actor === actor).map((o) => o.score);
  return xs.reduce((s, x) => s + x, 0) / xs.length;
};

beforeEach(() => {
  localStorage.clear();
  useUiStore.setState({ filters: DEFAULT_FILTERS, selectedObservationId: null, analysis: DEFAULT_ANALYSIS });
});

describe('what changed since a saved view', () => {
  it('opening a view saved with an older version lists new, removed and re-scored observations and each actor’s move', async () => {
    const first = await renderWith(v1);
    await first.user.click(screen.getByRole('button', { name: 'Save view' }));
    await first.user.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/^Saved view “/)).toBeInTheDocument();
    cleanup();

    const { user } = await renderWith(v2);
    await user.click(screen.getByText(/^Saved views \(1\)/));
    await user.click(screen.getByRole('button', { name: /^Open view / }));
    const changed = screen.getByRole('region', { name: 'What changed since version 1.0.0' });
    expect(changed).toHaveTextContent('1 new observation, 1 removed, 1 re-scored (version 1.0.0 → 2.0.0).');
    // The dataset's own changelog since the saved version: 2.0.0 only, not 1.0.0.
    const log = within(changed).getByRole('region', { name: 'Version 2.0.0' });
    expect(within(log).getByRole('list', { name: 'Added in 2.0.0' })).toHaveTextContent(
      'Added: One Steady observation',
    );
    expect(within(log).getByRole('list', { name: 'Corrected in 2.0.0' })).toHaveTextContent(
      'Corrected: Hawk re-read',
    );
    expect(within(changed).queryByRole('region', { name: 'Version 1.0.0' })).toBeNull();

    const table = within(changed).getByRole('table', { name: 'Mean score by actor' });
    const moved = (name: string) =>
      within(table).getByRole('rowheader', { name }).parentElement!.lastElementChild!.textContent;
    const fmt = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}`;
    expect(moved('Hawk')).toBe(fmt(mean(v2, 'hawk') - mean(v1, 'hawk')));
    expect(moved('Echo')).toBe(fmt(mean(v2, 'echo') - mean(v1, 'echo')));
    expect(moved('Steady')).toBe(fmt(mean(v2, 'steady') - mean(v1, 'steady')));

    // A re-scored observation opens in the Evidence panel.
    await user.click(within(changed).getByText('Re-scored (1)'));
    await user.click(within(changed).getByRole('button', { name: /Hawk, re-read\. \(\+2 → 0\)/ }));
    expect(screen.getByRole('complementary', { name: 'Evidence' })).toHaveTextContent('Hawk, re-read.');
  });

  it('says so when no copy of the older version was kept', async () => {
    localStorage.setItem(
      'stance-tracker:saved-views:v1',
      JSON.stringify({
        version: 1,
        views: [
          {
            id: 'view-old',
            name: 'Old view',
            createdAt: '2025-01-01T00:00:00Z',
            query: '',
            title: v2.title,
            datasetId: v2.id,
            datasetVersion: '0.9.0',
          },
        ],
      }),
    );
    const { user } = await renderWith(v2);
    await user.click(screen.getByText(/^Saved views \(1\)/));
    await user.click(screen.getByRole('button', { name: 'Open view Old view' }));
    const changed = screen.getByRole('region', { name: 'What changed since version 0.9.0' });
    expect(changed).toHaveTextContent('This browser kept no copy of version 0.9.0');
    // The changelog still says what each later version added and corrected.
    expect(within(changed).getByRole('region', { name: 'Version 2.0.0' })).toHaveTextContent(
      'Corrected: Hawk re-read',
    );
    expect(within(changed).getByRole('region', { name: 'Version 1.0.0' })).toHaveTextContent(
      'Added: The first coding',
    );
  });

  it('shows nothing about changes when the view was saved with the version now open', async () => {
    const { user } = await renderWith(v1);
    await user.click(screen.getByRole('button', { name: 'Save view' }));
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    await user.click(screen.getByText(/^Saved views \(1\)/));
    await user.click(screen.getByRole('button', { name: /^Open view / }));
    expect(screen.queryByRole('region', { name: /^What changed/ })).not.toBeInTheDocument();
  });
});
