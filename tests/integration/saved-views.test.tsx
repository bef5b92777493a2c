import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { SAVED_VIEWS_KEY, SET_ASIDE_PREFIX } from '../../src/features/saved-views/saved-views-storage';
import { bundledOpen, renderApp } from './import-helpers';

function savedViewsList() {
  return screen.getByRole('list', { name: 'Saved views' });
}

async function openList(user: ReturnType<typeof renderApp>['user']) {
  const summary = screen.getByText(/^Saved views \(\d+\)$/);
  if (!summary.closest('details')?.open) await user.click(summary);
}

beforeEach(() => localStorage.clear());

describe('saved views', () => {
  it('saves the current view by name, lists it after a reload, and opens it again', async () => {
    const first = renderApp({ search: '?kind=action&themes=sanctions' });
    await bundledOpen();
    await first.user.click(screen.getByRole('button', { name: 'Save view' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save this view' });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await first.user.clear(name);
    await first.user.type(name, 'Sanctions, deeds only');
    await first.user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Saved view “Sanctions, deeds only”.')).toBeInTheDocument();
    const stored = JSON.parse(localStorage.getItem(SAVED_VIEWS_KEY)!) as {
      version: number;
      views: { query: string; datasetId: string; datasetVersion: string; title: string }[];
    };
    expect(stored.version).toBe(1);
    expect(stored.views[0]).toMatchObject({
      query: 'themes=sanctions&kind=action',
      datasetId: 'fixture',
      datasetVersion: '0.0.1',
      title: 'Fixture: Stance toward Russia',
    });
    first.unmount();

    // A reload at the plain address: the view is listed and opens its filters.
    const second = renderApp();
    await bundledOpen();
    expect(window.location.search).toBe('');
    await openList(second.user);
    await second.user.click(
      within(savedViewsList()).getByRole('button', { name: 'Open view Sanctions, deeds only' }),
    );
    await waitFor(() => expect(window.location.search).toBe('?themes=sanctions&kind=action'));
    expect(screen.getByText('Opened view “Sanctions, deeds only”.')).toBeInTheDocument();
  });

  it('renames and deletes views, with Undo for a delete', async () => {
    localStorage.setItem(
      SAVED_VIEWS_KEY,
      JSON.stringify({
        version: 1,
        views: [
          {
            id: 'v1',
            name: 'First',
            createdAt: '2025-09-01T00:00:00Z',
            query: 'kind=statement',
            title: 'T',
            datasetId: 'fixture',
            datasetVersion: '0.0.1',
          },
        ],
      }),
    );
    const { user } = renderApp();
    await bundledOpen();
    await openList(user);
    await user.click(within(savedViewsList()).getByRole('button', { name: 'Rename First' }));
    const field = within(savedViewsList()).getByRole('textbox', { name: 'New name for First' });
    await user.clear(field);
    await user.type(field, 'Words only{Enter}');
    expect(
      within(savedViewsList()).getByRole('button', { name: 'Open view Words only' }),
    ).toBeInTheDocument();
    expect(
      (JSON.parse(localStorage.getItem(SAVED_VIEWS_KEY)!) as { views: { name: string }[] }).views[0]!.name,
    ).toBe('Words only');

    await user.click(within(savedViewsList()).getByRole('button', { name: 'Delete Words only' }));
    expect(screen.getByText('Saved views (0)')).toBeInTheDocument();
    expect(screen.getByText(/Deleted view “Words only”\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByText('Saved views (1)')).toBeInTheDocument();
  });

  it('warns when a view was saved for another dataset', async () => {
    localStorage.setItem(
      SAVED_VIEWS_KEY,
      JSON.stringify({
        version: 1,
        views: [
          {
            id: 'v1',
            name: 'GDELT USA',
            createdAt: '',
            query: 'actors=usa',
            title: 'gdelt.csv',
            datasetId: 'gdelt',
            datasetVersion: 'import-1',
          },
        ],
      }),
    );
    const { user } = renderApp();
    await bundledOpen();
    await openList(user);
    await user.click(within(savedViewsList()).getByRole('button', { name: 'Open view GDELT USA' }));
    expect(
      screen.getByText(
        /It was saved for the dataset “gdelt\.csv”; the open dataset is “Fixture: Stance toward Russia”, so some filters may select nothing\./,
      ),
    ).toBeInTheDocument();
  });

  it('sets an unreadable entry aside with a notice instead of crashing or overwriting it', async () => {
    localStorage.setItem(SAVED_VIEWS_KEY, '{"version":1,"views":[{"id":');
    const { user } = renderApp();
    await bundledOpen();
    expect(
      screen.getByText(
        /^Your saved views could not be read \(it is not valid JSON\)\. They were set aside under "stance-tracker:saved-views:set-aside:.*", not deleted\.$/,
      ),
    ).toBeInTheDocument();
    const asideKey = Object.keys(localStorage).find((k) => k.startsWith(SET_ASIDE_PREFIX))!;
    expect(localStorage.getItem(asideKey)).toBe('{"version":1,"views":[{"id":');

    await user.click(screen.getByRole('button', { name: 'Save view' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Save this view' })).getByRole('button', {
        name: 'Save',
      }),
    );
    expect(screen.getByText('Saved views (1)')).toBeInTheDocument();
    expect(localStorage.getItem(asideKey)).toBe('{"version":1,"views":[{"id":');
  });

  it('sets aside views from a newer version of the app', async () => {
    localStorage.setItem(SAVED_VIEWS_KEY, JSON.stringify({ version: 7, views: [] }));
    renderApp();
    await bundledOpen();
    expect(
      screen.getByText(/could not be read \(it was saved by a newer version of the app \(format 7\)\)/),
    ).toBeInTheDocument();
  });
});
