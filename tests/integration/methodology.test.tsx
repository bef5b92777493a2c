import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderExplorer } from './explorer-helpers';
import { useUiStore } from '../../src/state/ui-store';
import { DATASET_PATH } from '../../mocks/handlers';
import { server } from '../../mocks/server';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';

describe('the Methodology page', () => {
  it('is reachable from the header and shows the method, the codebook, the analyses and the sources with counts', async () => {
    const { user } = await renderExplorer();
    const nav = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(nav).getByRole('link', { name: 'Explorer' })).toHaveAttribute('aria-current', 'page');
    await user.click(within(nav).getByRole('link', { name: 'Methodology' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Methodology' })).toBeInTheDocument();
    expect(window.location.search).toBe('?view=methodology');
    expect(within(nav).getByRole('link', { name: 'Methodology' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { name: 'The line (smoothing)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Codebook: stance toward Russia' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Pivots/ })).toBeInTheDocument();

    // Sources with their observation counts, from the open dataset (the fixture: 2 + 2).
    const sources = screen.getByRole('table', { name: 'Sources' });
    const rows = within(sources)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['What’s really behind Trump’s abrupt pivot to Russia?', 'not stated', 'Feb 2025', '2'],
      ['The Trump Pivot Against Russia', 'not stated', '14 Jul 2025', '2'],
    ]);
    expect(screen.queryByRole('figure', { name: /^Stance over time/ })).not.toBeInTheDocument();
  });

  it('keeps the view’s filters in its links, and Back returns to the explorer', async () => {
    const { user } = await renderExplorer('?kind=action');
    await user.click(screen.getByRole('link', { name: 'Methodology' }));
    await screen.findByRole('heading', { level: 2, name: 'Methodology' });
    expect(window.location.search).toBe('?kind=action&view=methodology');
    expect(screen.getByRole('link', { name: 'Explorer' })).toHaveAttribute('href', '/?kind=action');
    window.history.back();
    await waitFor(() => expect(useUiStore.getState().page).toBe('explorer'));
    expect(await screen.findByRole('figure', { name: /^Stance over time/ })).toBeInTheDocument();
  });

  it('opens directly from a link', async () => {
    await renderExplorer('?view=methodology');
    expect(await screen.findByRole('heading', { level: 2, name: 'Methodology' })).toBeInTheDocument();
  });

  it('shows the codebook rule for Western actors with its sign (+ means pressure on Russia)', async () => {
    await renderExplorer('?view=methodology');
    const codebook = await screen.findByRole('heading', { name: 'Codebook: stance toward Russia' });
    const section = codebook.closest('section')!;
    const rule = within(section)
      .getByText(/means pressure on Russia/)
      .closest('li')!;
    expect(rule.textContent).toMatch(/\+ means pressure on Russia and − means accommodation of Russia/);
  });

  it('describes the coverage per actor and per type of source, and the dataset’s versions', async () => {
    const fixture = makeFixtureDataset();
    // A second key event, so the count is plural and differs from the bare fixture's.
    const events = [
      ...fixture.events,
      { ...fixture.events[0]!, id: 'evt-aug-8', date: '2025-08-08', label: 'Deadline passes' },
    ];
    server.use(
      http.get(DATASET_PATH, () =>
        HttpResponse.json({
          ...fixture,
          events,
          version: '2.0.0',
          sources: [
            ...fixture.sources,
            {
              id: 'web-a',
              title: 'A wire story',
              outlet: 'Daily Planet (AP)',
              published: '2025-08-01',
              url: 'https://example.org/a',
            },
          ],
          observations: fixture.observations.map((o, i) => (i === 0 ? { ...o, sourceId: 'web-a' } : o)),
          changelog: [
            { version: '2.0.0', date: '2026-11-30', added: ['Web reports'], corrected: ['A score'] },
            { version: '1.0.0', date: '2026-11-25', added: ['The first coding'], corrected: [] },
          ],
        }),
      ),
    );
    await renderExplorer('?view=methodology');
    await screen.findByRole('heading', { level: 2, name: 'Methodology' });

    const perActor = screen.getByRole('table', { name: 'Observations per actor' });
    const rows = within(perActor).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(fixture.actors.length);
    const total = rows.reduce((n, r) => n + Number(within(r).getAllByRole('cell')[0]?.textContent), 0);
    expect(total).toBe(fixture.observations.length);
    expect(
      screen.getByText(new RegExp(`^${fixture.observations.length} observations from .+ key events? drawn`)),
    ).toHaveTextContent(`, and ${events.length} key events drawn on the chart.`);

    const types = screen.getByRole('table', { name: 'Sources by type' });
    expect(within(types).getByRole('rowheader', { name: 'Wire copy' }).parentElement).toHaveTextContent(
      'Wire copy11',
    );

    const versions = screen.getByRole('region', { name: 'Version 2.0.0' });
    expect(within(versions).getByRole('list', { name: 'Added in 2.0.0' })).toHaveTextContent('Web reports');
    expect(within(versions).getByRole('list', { name: 'Corrected in 2.0.0' })).toHaveTextContent('A score');
    expect(screen.getByRole('region', { name: 'Version 1.0.0' })).toHaveTextContent('The first coding');

    // A web source is listed with its link; it has no bundled file.
    const sources = screen.getByRole('table', { name: 'Sources' });
    expect(within(sources).getByRole('link', { name: 'A wire story' })).toHaveAttribute(
      'href',
      'https://example.org/a',
    );
  });
});
