import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { column, observationsTable, renderExplorer, tableRows } from './explorer-helpers';

async function sortBy(user: Awaited<ReturnType<typeof renderExplorer>>['user'], label: string) {
  await user.click(within(observationsTable()).getByRole('button', { name: label }));
}

function header(label: string) {
  return within(observationsTable()).getByRole('columnheader', { name: new RegExp(`^${label}`) });
}

describe('the Observations table', () => {
  it('lists date, actor, speaker, theme, kind, score and summary, in date order by default', async () => {
    await renderExplorer();
    expect(
      within(observationsTable())
        .getAllByRole('columnheader')
        .map((h) => h.textContent?.replace(/[▲▼↕]/g, '')),
    ).toEqual(['Date', 'Actor', 'Speaker', 'Theme', 'Kind', 'Score', 'Summary']);
    expect(tableRows()[0]).toEqual([
      '18 Feb 2025',
      'Russia',
      'Sergey Lavrov',
      'Diplomacy',
      'Action',
      '+1',
      'Russia joins talks in Riyadh while keeping maximal demands.',
    ]);
    expect(header('Date')).toHaveAttribute('aria-sort', 'ascending');
  });

  it('sorts by each column, and reverses on a second press', async () => {
    const { user } = await renderExplorer();
    await sortBy(user, 'Date');
    expect(header('Date')).toHaveAttribute('aria-sort', 'descending');
    expect(column(0)).toEqual(['14 Jul 2025', 'Mar 2025', '19 Feb 2025', '18 Feb 2025']);

    await sortBy(user, 'Actor');
    expect(header('Actor')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Date')).not.toHaveAttribute('aria-sort');
    expect(column(1)).toEqual(['Donald Trump', 'Donald Trump', 'Russia', 'US Congress']);

    await sortBy(user, 'Speaker');
    expect(column(2)).toEqual([
      'Donald Trump',
      'Donald Trump',
      'Sen. Lindsey Graham (R-SC)',
      'Sergey Lavrov',
    ]);

    await sortBy(user, 'Theme');
    expect(column(3)).toEqual(['Diplomacy', 'Diplomacy', 'Sanctions', 'Sanctions']);

    await sortBy(user, 'Kind');
    expect(column(4)).toEqual(['Action', 'Action', 'Statement', 'Statement']);

    await sortBy(user, 'Score');
    expect(column(5)).toEqual(['−1', '+1', '+2', '+2']);
    await sortBy(user, 'Score');
    expect(header('Score')).toHaveAttribute('aria-sort', 'descending');
    expect(column(5)).toEqual(['+2', '+2', '+1', '−1']);

    await sortBy(user, 'Summary');
    expect(column(6)[0]).toBe('A sanctions bill is introduced in the Senate.');
    expect(column(6)[3]).toBe(
      'Trump threatens 100% secondary tariffs unless a deal is reached within 50 days.',
    );
  });

  it('searches speaker, summary and quote', async () => {
    const { user } = await renderExplorer();
    const search = screen.getByRole('searchbox', { name: 'Search observations' });
    await user.type(search, 'lavrov');
    expect(column(2)).toEqual(['Sergey Lavrov']);

    await user.clear(search);
    await user.type(search, 'riyadh');
    expect(column(6)).toEqual(['Russia joins talks in Riyadh while keeping maximal demands.']);

    // Only in the quote of fx-1, not in any summary or speaker.
    await user.clear(search);
    await user.type(search, 'really do');
    expect(column(6)).toEqual(['Trump says he trusts Russia to negotiate in good faith.']);

    await user.clear(search);
    await user.type(search, 'zeppelin');
    expect(tableRows()).toEqual([]);
    expect(screen.getByText('No observations match this search.')).toBeInTheDocument();

    await user.clear(search);
    expect(tableRows()).toHaveLength(4);
  });

  it('applies the filters too', async () => {
    const { user } = await renderExplorer('?actors=trump');
    expect(column(1)).toEqual(['Donald Trump', 'Donald Trump']);
    await user.type(screen.getByRole('searchbox', { name: 'Search observations' }), 'tariffs');
    expect(column(0)).toEqual(['14 Jul 2025']);
  });
});
