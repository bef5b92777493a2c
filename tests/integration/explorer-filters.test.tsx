import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chartFigure, column, fieldset, pointNames, renderExplorer, tableRows } from './explorer-helpers';

describe('explorer filters', () => {
  it('starts with every observation in the chart, the table and the summary', async () => {
    await renderExplorer();
    expect(column(6)).toEqual([
      'Russia joins talks in Riyadh while keeping maximal demands.',
      'Trump says he trusts Russia to negotiate in good faith.',
      'A sanctions bill is introduced in the Senate.',
      'Trump threatens 100% secondary tariffs unless a deal is reached within 50 days.',
    ]);
    expect(pointNames()).toHaveLength(4);
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.split(':')[0]),
    ).toEqual(['Donald Trump', 'US Congress', 'Russia']);
  });

  it('filters by actor with a checkbox per actor under group headings, plus All and None', async () => {
    const { user } = await renderExplorer();
    const actors = fieldset('Actors');
    expect(within(actors).getByRole('group', { name: 'United States' })).toContainElement(
      within(actors).getByRole('checkbox', { name: 'US Congress' }),
    );
    expect(within(actors).getByRole('group', { name: 'Russia' })).toContainElement(
      within(actors).getByRole('checkbox', { name: 'Russia' }),
    );

    await user.click(within(actors).getByRole('checkbox', { name: 'Donald Trump' }));
    expect(within(actors).getByRole('checkbox', { name: 'Donald Trump' })).not.toBeChecked();
    expect(new Set(column(1))).toEqual(new Set(['US Congress', 'Russia']));
    expect(pointNames().some((n) => n.startsWith('Donald Trump'))).toBe(false);
    expect(window.location.search).toBe('?actors=us-congress,russia');

    await user.click(within(actors).getByRole('button', { name: 'None' }));
    expect(screen.getByRole('status')).toHaveTextContent('No observations match these filters');

    await user.click(within(actors).getByRole('button', { name: 'All' }));
    expect(tableRows()).toHaveLength(4);
    expect(window.location.search).toBe('');
  });

  it('filters by theme, with All and None', async () => {
    const { user } = await renderExplorer();
    const themes = fieldset('Themes');
    await user.click(within(themes).getByRole('button', { name: 'None' }));
    await user.click(within(themes).getByRole('checkbox', { name: 'Sanctions' }));
    expect(column(3)).toEqual(['Sanctions', 'Sanctions']);
    expect(within(themes).getByRole('checkbox', { name: 'Diplomacy' })).not.toBeChecked();
    expect(window.location.search).toBe('?themes=sanctions');
  });

  it('filters by kind: statements, actions or both', async () => {
    const { user } = await renderExplorer();
    const kind = fieldset('Kind');
    expect(within(kind).getByRole('radio', { name: 'Both' })).toBeChecked();
    await user.click(within(kind).getByRole('radio', { name: 'Actions' }));
    expect(column(4)).toEqual(['Action', 'Action']);
    await user.click(within(kind).getByRole('radio', { name: 'Statements' }));
    expect(column(4)).toEqual(['Statement', 'Statement']);
    expect(window.location.search).toBe('?kind=statement');
  });

  it('keeps only high-confidence observations when asked', async () => {
    const { user } = await renderExplorer();
    await user.click(screen.getByRole('checkbox', { name: 'High confidence only' }));
    expect(column(2)).toEqual(['Donald Trump', 'Donald Trump']);
    expect(window.location.search).toBe('?conf=1');
  });

  it('filters by time with presets and with the From/To pair', async () => {
    const { user } = await renderExplorer();
    const time = fieldset('Time');
    await user.click(within(time).getByRole('button', { name: 'Last 90 days of the data' }));
    // The fixture's last observation is 14 Jul 2025; 90 days ending there start on 16 Apr.
    expect(within(time).getByLabelText('From')).toHaveValue('2025-04-16');
    expect(within(time).getByLabelText('To')).toHaveValue('2025-07-14');
    expect(column(0)).toEqual(['14 Jul 2025']);

    await user.click(within(time).getByRole('button', { name: 'First 100 days of the second term' }));
    expect(within(time).getByRole('button', { name: 'First 100 days of the second term' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(column(0)).toEqual(['18 Feb 2025', '19 Feb 2025', 'Mar 2025']);
    expect(window.location.search).toBe('?from=2025-01-20&to=2025-04-29');

    await user.clear(within(time).getByLabelText('To'));
    await user.type(within(time).getByLabelText('To'), '2025-02-18');
    expect(column(0)).toEqual(['18 Feb 2025']);

    await user.click(within(time).getByRole('button', { name: 'All' }));
    expect(tableRows()).toHaveLength(4);
    expect(within(time).getByLabelText('From')).toHaveValue('');
  });

  it('moves the ends of the range with the brush handles from the keyboard', async () => {
    const { user } = await renderExplorer();
    const start = screen.getByRole('slider', { name: 'Range start' });
    // The brush spans whole months around the data: 1 Feb to 31 Jul 2025 for the fixture.
    expect(start).toHaveAttribute('aria-valuetext', '1 Feb 2025');
    start.focus();
    await user.keyboard('{PageUp}');
    expect(within(fieldset('Time')).getByLabelText('From')).toHaveValue('2025-03-03');
    expect(column(0)).toEqual(['Mar 2025', '14 Jul 2025']);
    const end = screen.getByRole('slider', { name: 'Range end' });
    end.focus();
    await user.keyboard('{ArrowLeft}');
    expect(within(fieldset('Time')).getByLabelText('To')).toHaveValue('2025-07-30');
    await user.keyboard('{End}');
    expect(within(fieldset('Time')).getByLabelText('To')).toHaveValue('');
    expect(window.location.search).toBe('?from=2025-03-03');
  });

  it('offers smoothing of none, 14, 30 or 90 days, 30 by default, and says how the line is drawn', async () => {
    const { user } = await renderExplorer();
    const smoothing = fieldset('Smoothing');
    expect(
      within(smoothing)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['None', '14 days', '30 days', '90 days']);
    expect(within(smoothing).getByRole('radio', { name: '30 days' })).toBeChecked();
    expect(chartFigure()).toHaveTextContent('30-day rolling mean of day-dated observations');
    await user.click(within(smoothing).getByRole('radio', { name: 'None' }));
    expect(chartFigure()).toHaveTextContent('daily mean of day-dated observations');
    expect(within(chartFigure()).getByText(/With smoothing set to None/)).toBeInTheDocument();
    expect(window.location.search).toBe('?smooth=0');
  });

  it('hides and shows an actor from the legend without dropping it from the table', async () => {
    const { user } = await renderExplorer();
    const legend = within(chartFigure()).getByRole('list', { name: 'Legend' });
    const russia = within(legend).getByRole('button', { name: 'Russia', pressed: true });
    await user.click(russia);
    expect(within(legend).getByRole('button', { name: 'Russia', pressed: false })).toBeInTheDocument();
    expect(pointNames().some((n) => n.startsWith('Russia'))).toBe(false);
    expect(column(1)).toContain('Russia');
    expect(window.location.search).toBe('?hide=russia');
    await user.click(within(legend).getByRole('button', { name: 'Russia' }));
    expect(pointNames().some((n) => n.startsWith('Russia'))).toBe(true);
  });

  it('toggles key-event markers from the chart toolbar', async () => {
    const { user } = await renderExplorer();
    const toolbar = screen.getByRole('toolbar', { name: 'Chart tools' });
    const toggle = within(toolbar).getByRole('button', { name: 'Key events' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(within(chartFigure()).getByText('50-day deadline')).toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(within(chartFigure()).queryByText('50-day deadline')).not.toBeInTheDocument();
    expect(window.location.search).toBe('?events=0');
  });

  it('draws month-precision observations as distinct points and explains them', async () => {
    await renderExplorer();
    expect(pointNames()).toContain(
      'US Congress, Mar 2025 (month only), score +2: A sanctions bill is introduced in the Senate.',
    );
    expect(chartFigure()).toHaveTextContent(
      'dated only to the month or year (drawn mid-period, not in the line)',
    );
  });

  it('summarises each selected actor in plain words', async () => {
    await renderExplorer();
    const summary = screen.getByRole('region', { name: 'Summary' });
    const trump = within(summary).getByText('Donald Trump').closest('li');
    // Trump: −1 in February, +2 in July: mean +0.5 over two observations, moving hawkish.
    expect(trump).toHaveTextContent(
      'Donald Trump: mean score +0.5 (leaning hawkish) over 2 observations; moved 3.0 points hawkish (↑) from the first to the last third.',
    );
  });

  it('shows an empty state with a Reset filters button that brings every observation back', async () => {
    const { user } = await renderExplorer('?kind=action&themes=diplomacy&from=2025-03-01');
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('No observations match these filters');
    expect(screen.queryByRole('table', { name: 'Observations' })).not.toBeInTheDocument();
    await user.click(within(status).getByRole('button', { name: 'Reset filters' }));
    await waitFor(() => expect(tableRows()).toHaveLength(4));
    expect(window.location.search).toBe('');
  });
});
