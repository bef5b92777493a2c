import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DATASET_PATH } from '../../mocks/handlers';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';
import { server } from '../../mocks/server';
import { column, fieldset, renderExplorer } from './explorer-helpers';

// A dataset may name the range the explorer opens on; "All" must still reach every observation.
function withDefaultView() {
  server.use(
    http.get(DATASET_PATH, () =>
      HttpResponse.json({ ...makeFixtureDataset(), defaultView: { from: '2025-07-01', to: null } }),
    ),
  );
}

describe("the dataset's default range", () => {
  it('opens on the default range without writing it into the link', async () => {
    withDefaultView();
    await renderExplorer();
    expect(await screen.findByText(/dataset’s default range/)).toBeInTheDocument();
    expect(within(fieldset('Time')).getByLabelText('From')).toHaveValue('2025-07-01');
    expect(column(6)).toEqual([
      'Trump threatens 100% secondary tariffs unless a deal is reached within 50 days.',
    ]);
    expect(window.location.search).toBe('');
  });

  it('shows everything under All, and a link to that view says range=all', async () => {
    withDefaultView();
    const { user } = await renderExplorer();
    await screen.findByText(/dataset’s default range/);
    await user.click(within(fieldset('Time')).getByRole('button', { name: 'All' }));
    expect(column(6)).toHaveLength(4);
    expect(window.location.search).toBe('?range=all');
  });

  it('a link with range=all opens every observation even though the dataset has a default', async () => {
    withDefaultView();
    await renderExplorer('?range=all');
    expect(column(6)).toHaveLength(4);
    expect(within(fieldset('Time')).getByLabelText('From')).toHaveValue('');
  });

  it('opens on the last N months before the data’s latest date when the dataset asks for lastMonths', async () => {
    const fixture = makeFixtureDataset();
    const last = fixture.observations
      .map((o) => o.date)
      .sort()
      .at(-1)!;
    server.use(
      http.get(DATASET_PATH, () => HttpResponse.json({ ...fixture, defaultView: { lastMonths: 1 } })),
    );
    await renderExplorer();
    expect(await screen.findByText(/dataset’s default range/)).toBeInTheDocument();
    // One month back from the latest observation, open-ended.
    const [y, m, d] = last.split('-').map(Number) as [number, number, number];
    const from = new Date(Date.UTC(y, m - 2, d)).toISOString().slice(0, 10);
    expect(within(fieldset('Time')).getByLabelText('From')).toHaveValue(from);
    expect(within(fieldset('Time')).getByLabelText('To')).toHaveValue('');
    const inRange = fixture.observations.filter((o) => o.date >= from).map((o) => o.summary);
    expect(column(6).sort()).toEqual(inRange.sort());
    expect(inRange.length).toBeLessThan(fixture.observations.length);
  });
});
