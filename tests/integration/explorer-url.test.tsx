import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { column, fieldset, pointNames, renderExplorer, tableRows } from './explorer-helpers';

describe('explorer and the URL', () => {
  it('reproduces a view from a link', async () => {
    await renderExplorer(
      '?actors=trump,russia&themes=sanctions,diplomacy&kind=statement&from=2025-02-01&to=2025-08-31&smooth=14',
    );
    const actors = fieldset('Actors');
    expect(within(actors).getByRole('checkbox', { name: 'Donald Trump' })).toBeChecked();
    expect(within(actors).getByRole('checkbox', { name: 'US Congress' })).not.toBeChecked();
    expect(within(fieldset('Kind')).getByRole('radio', { name: 'Statements' })).toBeChecked();
    expect(within(fieldset('Smoothing')).getByRole('radio', { name: '14 days' })).toBeChecked();
    expect(within(fieldset('Time')).getByLabelText('From')).toHaveValue('2025-02-01');
    expect(within(fieldset('Time')).getByLabelText('To')).toHaveValue('2025-08-31');
    expect(column(6)).toEqual([
      'Trump says he trusts Russia to negotiate in good faith.',
      'Trump threatens 100% secondary tariffs unless a deal is reached within 50 days.',
    ]);
  });

  it('round-trips: the URL written by one session opens the same view in another', async () => {
    const first = await renderExplorer();
    const { user } = first;
    await user.click(within(fieldset('Actors')).getByRole('checkbox', { name: 'US Congress' }));
    await user.click(within(fieldset('Kind')).getByRole('radio', { name: 'Actions' }));
    await user.click(within(fieldset('Smoothing')).getByRole('radio', { name: '90 days' }));
    await user.click(screen.getByRole('button', { name: 'Key events' }));
    const search = window.location.search;
    const rows = tableRows();
    const points = pointNames();
    first.unmount();

    await renderExplorer(search);
    expect(window.location.search).toBe(search);
    expect(tableRows()).toEqual(rows);
    expect(pointNames()).toEqual(points);
    expect(within(fieldset('Actors')).getByRole('checkbox', { name: 'US Congress' })).not.toBeChecked();
    expect(within(fieldset('Smoothing')).getByRole('radio', { name: '90 days' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Key events' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('falls back to defaults for unknown or malformed parameters without an error', async () => {
    await renderExplorer(
      '?kind=deeds&smooth=7&from=2025-02-30&to=soon&actors=%3Cscript%3E&colour=red&conf=perhaps',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(within(fieldset('Kind')).getByRole('radio', { name: 'Both' })).toBeChecked();
    expect(within(fieldset('Smoothing')).getByRole('radio', { name: '30 days' })).toBeChecked();
    expect(within(fieldset('Time')).getByLabelText('From')).toHaveValue('');
    expect(screen.getByRole('checkbox', { name: 'High confidence only' })).not.toBeChecked();
    expect(tableRows()).toHaveLength(4);
  });

  it('drops actor and theme ids the dataset does not have, says so, and corrects the link', async () => {
    const before = window.history.length;
    await renderExplorer('?actors=trump,martians&themes=unicorns,sanctions');
    expect(column(6)).toEqual([
      'Trump threatens 100% secondary tariffs unless a deal is reached within 50 days.',
    ]);
    expect(
      screen.getByText('1 actor and 1 theme in the link are not in this dataset (martians, unicorns).', {
        exact: false,
      }),
    ).toBeVisible();
    // The address now names only what is shown, in the same history entry (Back does not return to the bad link).
    expect(window.location.search).toBe('?actors=trump&themes=sanctions');
    expect(window.history.length).toBe(before);
  });

  it('falls back to the default view when no actor in the link exists, with the notice', async () => {
    const { user } = await renderExplorer('?actors=nobody');
    const notice = screen.getByText(
      /1 actor in the link is not in this dataset \(nobody\); showing all actors instead/,
    );
    expect(notice).toBeVisible();
    expect(notice).toHaveAttribute('role', 'status');
    // The table follows the corrected filters in a background render, after the chart.
    await waitFor(() => expect(column(1).length).toBeGreaterThan(1));
    expect(window.location.search).toBe('');
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/in the link is not in this dataset/)).not.toBeInTheDocument();
  });

  it('steps through views with Back and Forward', async () => {
    const { user } = await renderExplorer();
    await user.click(within(fieldset('Kind')).getByRole('radio', { name: 'Actions' }));
    // Changes closer together than the coalescing window replace one history entry; move the clock past it.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 1000);
    await user.click(within(fieldset('Smoothing')).getByRole('radio', { name: 'None' }));
    vi.useRealTimers();
    expect(window.location.search).toBe('?kind=action&smooth=0');

    act(() => window.history.back());
    await waitFor(() =>
      expect(within(fieldset('Smoothing')).getByRole('radio', { name: '30 days' })).toBeChecked(),
    );
    expect(within(fieldset('Kind')).getByRole('radio', { name: 'Actions' })).toBeChecked();

    act(() => window.history.back());
    await waitFor(() => expect(within(fieldset('Kind')).getByRole('radio', { name: 'Both' })).toBeChecked());
    await waitFor(() => expect(tableRows()).toHaveLength(4));

    act(() => window.history.forward());
    await waitFor(() => expect(column(4)).toEqual(['Action', 'Action']));
  });
});

describe('weighting the line by confidence', () => {
  it('is a checkbox under Smoothing, kept in the link as weight=1', async () => {
    const { user } = await renderExplorer();
    const box = within(fieldset('Smoothing')).getByRole('checkbox', { name: 'Weight line by confidence' });
    expect(box).not.toBeChecked();
    await user.click(box);
    expect(window.location.search).toContain('weight=1');
  });

  it('is restored from a link', async () => {
    await renderExplorer('?weight=1');
    expect(
      within(fieldset('Smoothing')).getByRole('checkbox', { name: 'Weight line by confidence' }),
    ).toBeChecked();
  });
});
