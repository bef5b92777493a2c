import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { DATASET_PATH } from '../../mocks/handlers';
import { server } from '../../mocks/server';
import { makeAnalysisDataset } from '../../mocks/fixtures/analysis-dataset';
import { useUiStore } from '../../src/state/ui-store';
import { DEFAULT_FILTERS } from '../../src/domain/view-filters';
import { DEFAULT_ANALYSIS } from '../../src/state/analysis-settings';
import { renderWithProviders } from '../test-utils';
import { explorerSettled } from './explorer-helpers';

async function renderAnalysis(search = '') {
  server.use(http.get(DATASET_PATH, () => HttpResponse.json(makeAnalysisDataset())));
  window.history.replaceState(null, '', `/${search}`);
  const utils = renderWithProviders(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Fixture: analysis' });
  await explorerSettled();
  return utils;
}

async function openAnalysis(user: Awaited<ReturnType<typeof renderAnalysis>>['user']) {
  await user.click(screen.getByRole('button', { name: 'Show analysis' }));
  return screen.findByRole('table', { name: 'Pivots' });
}

const pivotButtons = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('button')[0]!);

beforeEach(() => {
  useUiStore.setState({ filters: DEFAULT_FILTERS, selectedObservationId: null, analysis: DEFAULT_ANALYSIS });
});

describe('Analysis section', () => {
  it('is closed at first and loads on demand, listing pivots by size of shift', async () => {
    const { user } = await renderAnalysis();
    const toggle = screen.getByRole('button', { name: 'Show analysis' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table', { name: 'Pivots' })).not.toBeInTheDocument();

    const table = await openAnalysis(user);
    expect(screen.getByRole('button', { name: 'Hide analysis' })).toHaveAttribute('aria-expanded', 'true');
    const names = pivotButtons(table).map((b) => b.textContent);
    expect(names).toEqual(expect.arrayContaining(['Hawk, 14 Feb 2025', 'Hawk, 15 Jul 2025']));
    expect(names.some((n) => n?.startsWith('Steady'))).toBe(false);
    const shifts = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        Math.abs(
          Number((within(row).getAllByRole('cell')[2]!.textContent ?? '').split(' ')[0]!.replace('−', '-')),
        ),
      );
    expect(shifts).toEqual([...shifts].sort((a, b) => b - a));
  });

  it('opens a pivot’s evidence: the first observation after the change, then any observation around it', async () => {
    const { user } = await renderAnalysis();
    const table = await openAnalysis(user);
    await user.click(within(table).getByRole('button', { name: 'Hawk, 15 Jul 2025' }));
    const panel = screen.getByRole('complementary', { name: 'Evidence' });
    expect(panel).toHaveTextContent('hawk observation 12 (2).');

    const chips = within(table).getByRole('list', { name: 'Evidence for Hawk, 15 Jul 2025' });
    await user.click(within(chips).getByRole('button', { name: /^2 Jun 2025 \(−2\), before the pivot/ }));
    expect(screen.getByRole('complementary', { name: 'Evidence' })).toHaveTextContent(
      'hawk observation 11 (-2).',
    );
  });

  it('lets the user tune the detector: more observations per side than the record holds finds none', async () => {
    const { user } = await renderAnalysis();
    const table = await openAnalysis(user);
    const atDefault = pivotButtons(table).length;
    const slider = screen.getByRole('slider', { name: 'Pivot sensitivity' });
    expect(slider).toHaveAttribute('aria-valuetext', '3 of 5: balanced (default)');

    fireEvent.change(slider, { target: { value: '5' } });
    const atMost = pivotButtons(screen.getByRole('table', { name: 'Pivots' })).length;
    expect(atMost).toBeGreaterThanOrEqual(atDefault);

    const min = screen.getByRole('spinbutton', { name: 'Minimum observations on each side' });
    await user.clear(min);
    await user.type(min, '9');
    expect(screen.queryByRole('table', { name: 'Pivots' })).not.toBeInTheDocument();
    expect(screen.getByText('No pivots in this view at this sensitivity.')).toBeInTheDocument();
  });

  it('follows the view’s filters: a range ending in June loses the July pivot', async () => {
    const { user } = await renderAnalysis('?to=2025-06-30');
    const table = await openAnalysis(user);
    const names = pivotButtons(table).map((b) => b.textContent);
    expect(names).toContain('Hawk, 14 Feb 2025');
    expect(names).not.toContain('Hawk, 15 Jul 2025');
  });

  it('reads the say–do gap of the chosen actor, and says when there is nothing to compare', async () => {
    const { user } = await renderAnalysis();
    await openAnalysis(user);
    const actor = screen.getByRole('combobox', { name: 'Actor' });
    await user.selectOptions(actor, within(actor).getByRole('option', { name: /^Hawk/ }));
    const gap = screen.getByRole('figure', { name: /^Say–do gap: Hawk\./ });
    expect(
      within(gap).getByText(/^Words more (conciliatory|hawkish) than deeds by \d\.\d points, \w{3}/),
    ).toBeInTheDocument();

    await user.selectOptions(actor, within(actor).getByRole('option', { name: /^Echo/ }));
    expect(screen.getByRole('figure', { name: /^Say–do gap: Echo\./ })).toHaveTextContent(
      'Only words (statements) on record: nothing to compare.',
    );
  });

  it('shows who moved together in the Alignment table, with actor names on both axes', async () => {
    const { user } = await renderAnalysis();
    await openAnalysis(user);
    const table = screen.getByRole('table', { name: 'Alignment' });
    const names = ['Hawk', 'Echo', 'Steady'];
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(names);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(names);
    const row = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr')!;
    const hawkEcho = within(row('Hawk')).getAllByRole('cell')[1]!;
    expect(Number(hawkEcho.textContent.replace('+', '').split(':')[0])).toBeGreaterThan(0.7);
    expect(hawkEcho).toHaveTextContent('moved together');
    expect(within(row('Steady')).getAllByRole('cell')[0]).toHaveTextContent('no variation');
  });

  it('hides the analysis again', async () => {
    const { user } = await renderAnalysis();
    await openAnalysis(user);
    await user.click(screen.getByRole('button', { name: 'Hide analysis' }));
    expect(screen.queryByRole('table', { name: 'Pivots' })).not.toBeInTheDocument();
  });
});
