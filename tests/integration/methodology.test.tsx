import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderExplorer } from './explorer-helpers';
import { useUiStore } from '../../src/state/ui-store';

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
});
