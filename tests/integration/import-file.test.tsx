import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeLargerFixture } from '../../mocks/fixtures/import-datasets';
import type { ImportSession } from '../../src/features/import/import-client';
import { MAX_FILE_BYTES, type ReadProgress } from '../../src/features/import/import-engine';
import { parseCsv } from '../../src/lib/csv-read';
import {
  BUNDLED_TITLE,
  bundledOpen,
  captureDownloads,
  datasetBadge,
  fileInput,
  findDialog,
  jsonFile,
  legendNames,
  renderApp,
} from './import-helpers';

const mine = () => ({ ...makeLargerFixture(10), id: 'mine', title: 'My own dataset', version: '2.0' });

describe('opening a JSON file', () => {
  it('opens a valid file, names it in the header, keeps it across a reload, and goes back to the bundled dataset', async () => {
    const first = renderApp();
    await bundledOpen();
    expect(datasetBadge()).toHaveTextContent('Dataset: Bundled dataset');
    await first.user.upload(fileInput(), jsonFile(mine(), 'mine.json'));
    expect(await screen.findByRole('heading', { level: 1, name: 'My own dataset' })).toBeVisible();
    expect(datasetBadge()).toHaveTextContent('Dataset: mine.json (From a file)');
    expect(screen.getByText('Opened mine.json: 10 observations, 3 actors.')).toBeInTheDocument();
    await waitFor(() => expect(first.store.current?.label).toBe('mine.json'));

    // A reload: a new app over the same store.
    first.unmount();
    const second = renderApp({ store: first.store });
    expect(await screen.findByRole('heading', { level: 1, name: 'My own dataset' })).toBeVisible();
    expect(datasetBadge()).toHaveTextContent('Dataset: mine.json');

    await second.user.click(within(datasetBadge()).getByRole('button', { name: 'Back to bundled dataset' }));
    expect(await bundledOpen()).toBeVisible();
    expect(second.store.current).toBeNull();
    expect(datasetBadge()).toHaveTextContent('Dataset: Bundled dataset');
    expect(
      within(datasetBadge()).queryByRole('button', { name: 'Back to bundled dataset' }),
    ).not.toBeInTheDocument();
  });

  it('offers the opened dataset’s own time presets, not the bundled one’s, and clears its banner on the way back', async () => {
    const { user } = renderApp();
    await bundledOpen();
    // The filters render just after the chart (once the browser is idle): wait for them.
    const time = () => screen.findByRole('group', { name: 'Time' });
    expect(
      within(await time()).getByRole('button', { name: 'First 100 days of the second term' }),
    ).toBeVisible();
    const { presets: _bundledOnly, ...plain } = mine();
    await user.upload(
      fileInput(),
      jsonFile({
        ...plain,
        presets: [{ id: 'summer', label: 'Summer 2025', from: '2025-06-01', to: '2025-08-31' }],
      }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'My own dataset' })).toBeVisible();
    expect(screen.getByText('Opened mine.json: 10 observations, 3 actors.')).toBeInTheDocument();
    expect(within(await time()).getByRole('button', { name: 'Summer 2025' })).toBeVisible();
    expect(
      within(await time()).queryByRole('button', { name: 'First 100 days of the second term' }),
    ).not.toBeInTheDocument();

    await user.click(within(datasetBadge()).getByRole('button', { name: 'Back to bundled dataset' }));
    expect(await bundledOpen()).toBeVisible();
    expect(screen.queryByText(/^Opened mine\.json/)).not.toBeInTheDocument();
    expect(within(await time()).queryByRole('button', { name: 'Summer 2025' })).not.toBeInTheDocument();
  });

  it('still opens the file when it cannot be kept, and says it will not survive a reload', async () => {
    const store = {
      current: null,
      load: async () => null,
      save: async () => {
        throw new Error('the storage quota is exceeded');
      },
      clear: async () => {},
    };
    const { user } = renderApp({ store });
    await bundledOpen();
    await user.upload(fileInput(), jsonFile(mine()));
    expect(
      await screen.findByText(
        /could not be kept for your next visit \(the storage quota is exceeded\); after a reload the bundled dataset opens\./,
      ),
    ).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'My own dataset' })).toBeVisible();
  });

  it.each([
    [
      'truncated JSON',
      JSON.stringify(mine()).slice(0, 500),
      /^The file is not valid JSON: it ends too early .*It is probably truncated; download or export it again\.$/,
    ],
    [
      'a wrong schemaVersion',
      JSON.stringify({ ...mine(), schemaVersion: 3 }),
      /^The file has schemaVersion 3, but this app reads data contract v1 \("schemaVersion": 1\)\.$/,
    ],
    [
      'an empty dataset',
      JSON.stringify({ ...mine(), observations: [] }),
      /^The dataset is empty: it holds no observations, so there is nothing to plot\.$/,
    ],
    ['an empty file', ' ', /^The file is empty\.$/],
  ])('explains %s and leaves the open dataset alone', async (_, text, message) => {
    const { user } = renderApp();
    await bundledOpen();
    await user.upload(fileInput(), jsonFile(text, 'broken.json'));
    const dialog = await findDialog('broken.json could not be opened');
    expect(within(dialog).getByRole('alert').textContent).toMatch(message);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(BUNDLED_TITLE);
  });

  it('lists each bad observation by id, field and reason, opens the valid ones, and offers the skipped ones as CSV', async () => {
    const data = mine();
    const o = data.observations;
    const broken = {
      ...data,
      observations: [
        ...o.slice(0, 4),
        { ...o[4], id: 'fx-1' }, // duplicate id
        { ...o[5], date: '2025-02-30', datePrecision: 'day' },
        { ...o[6], score: 4.5 },
        { ...o[7], score: 'very hawkish' },
        { ...o[8], actor: 'atlantis' },
        { ...o[9], quote: 'q'.repeat(1_048_576) },
      ],
    };
    const downloads = captureDownloads();
    const { user } = renderApp();
    await bundledOpen();
    await user.upload(fileInput(), jsonFile(broken, 'broken.json'));
    const dialog = await findDialog('Problems in broken.json');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      '6 of 10 observations in broken.json have problems and were left out; the other 4 can be opened.',
    );
    const items = within(within(dialog).getByRole('list', { name: 'Problems' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'observation fx-1: id: duplicate id "fx-1" (an earlier observation has it)',
      'observation fx-6: date: is not a real calendar date (expected YYYY-MM-DD, YYYY-MM or YYYY)',
      'observation fx-7: score: must be between -3 and 3',
      'observation fx-8: score: must be a number',
      'observation fx-9: actor: unknown actor "atlantis" (not in the actors list)',
      'observation fx-10: quote: must be at most 5000 characters',
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Download skipped rows (CSV)' }));
    expect(downloads.names).toEqual(['broken-skipped-rows.csv']);
    const csv = parseCsv(await downloads.blobs[0]!.text());
    expect(csv.rows[0]?.slice(0, 3)).toEqual(['problem', 'id', 'date']);
    expect(csv.rows.slice(1).map((r) => r[1])).toEqual(['fx-1', 'fx-6', 'fx-7', 'fx-8', 'fx-9', 'fx-10']);

    await user.click(within(dialog).getByRole('button', { name: 'Open the 4 valid observations' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'My own dataset' })).toBeVisible();
    expect(screen.getByText('Opened broken.json: 4 observations, 3 actors; 6 left out.')).toBeInTheDocument();
  });

  it('shows the first 50 problems and a count of the rest', async () => {
    const data = mine();
    const many = Array.from({ length: 80 }, (_, i) => ({
      ...data.observations[0]!,
      id: `bad-${i + 1}`,
      score: 9,
    }));
    const { user } = renderApp();
    await bundledOpen();
    await user.upload(
      fileInput(),
      jsonFile({ ...data, observations: [...data.observations, ...many] }, 'many.json'),
    );
    const dialog = await findDialog('Problems in many.json');
    expect(
      within(within(dialog).getByRole('list', { name: 'Problems' })).getAllByRole('listitem'),
    ).toHaveLength(50);
    expect(within(dialog).getByText('…and 30 more.')).toBeInTheDocument();
    expect(within(dialog).getByRole('heading', { name: '80 problems' })).toBeInTheDocument();
  });

  it('says when no observation can be opened, without an "open" button', async () => {
    const data = mine();
    const { user } = renderApp();
    await bundledOpen();
    await user.upload(
      fileInput(),
      jsonFile(
        { ...data, observations: data.observations.map((o) => ({ ...o, actor: 'nobody' })) },
        'none.json',
      ),
    );
    const dialog = await findDialog('none.json could not be opened');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('None of the 10 observations can be opened.');
    expect(within(dialog).queryByRole('button', { name: /^Open the/ })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Download skipped rows (CSV)' })).toBeInTheDocument();
  });

  it('shows HTML and script from a file as text, never as markup', async () => {
    const data = mine();
    const hostile = {
      ...data,
      title: '<img src=x onerror="window.__pwned=1">Title',
      actors: data.actors.map((a, i) =>
        i === 0 ? { ...a, name: '<script>window.__pwned=1</script>Trump' } : a,
      ),
    };
    const { user, container } = renderApp();
    await bundledOpen();
    await user.upload(fileInput(), jsonFile(hostile, '<b>evil</b>.json'));
    const h1 = await screen.findByRole('heading', {
      level: 1,
      name: '<img src=x onerror="window.__pwned=1">Title',
    });
    expect(h1).toBeVisible();
    expect(legendNames()).toContain('<script>window.__pwned=1</script>Trump');
    expect(datasetBadge()).toHaveTextContent('Dataset: <b>evil</b>.json');
    expect(container.querySelector('img, script, b')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const { user } = renderApp();
    await bundledOpen();
    const big = jsonFile('{}', 'huge.json');
    Object.defineProperty(big, 'size', { value: MAX_FILE_BYTES + 5 * 1024 * 1024 });
    await user.upload(fileInput(), big);
    const dialog = await findDialog('huge.json could not be opened');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'huge.json is 55 MB; files up to 50 MB can be opened.',
    );
  });
});

describe('reading a slow file', () => {
  it('shows a progress bar only after the delay, with how far it has got', async () => {
    let report: (p: ReadProgress) => void = () => {};
    let finish: () => void = () => {};
    const session: ImportSession = {
      read: (file, onProgress) =>
        new Promise((resolve) => {
          report = onProgress ?? (() => {});
          finish = () => resolve({ kind: 'error', name: file.name, message: 'stopped by the test' });
        }),
      map: async () => {
        throw new Error('not used');
      },
      dispose: () => {},
    };
    renderApp({ config: { createSession: () => session, progressDelayMs: 1000 } });
    await bundledOpen();
    // The delay is the app's own timer; the test moves it rather than racing it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      fireEvent.change(fileInput(), { target: { files: [jsonFile('{}', 'slow.json')] } });
      act(() => report({ loaded: 5, total: 20 }));
      act(() => {
        vi.advanceTimersByTime(999);
      });
      expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
      act(() => {
        vi.advanceTimersByTime(1);
      });
      const bar = screen.getByRole('progressbar', { name: 'Reading slow.json' });
      expect(bar).toHaveAttribute('aria-valuenow', '25');
      act(() => report({ loaded: 15, total: 20 }));
      expect(bar).toHaveAttribute('aria-valuenow', '75');
      await act(async () => finish());
      expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('drag and drop', () => {
  it('shows a drop target while a file is dragged over the page and opens what is dropped', async () => {
    renderApp();
    await bundledOpen();
    const file = jsonFile(mine(), 'dropped.json');
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    expect(screen.getByText('Drop a JSON or CSV file to open it')).toBeInTheDocument();
    fireEvent.dragOver(window, { dataTransfer });
    fireEvent.drop(window, { dataTransfer });
    expect(screen.queryByText('Drop a JSON or CSV file to open it')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'My own dataset' })).toBeVisible();
    expect(datasetBadge()).toHaveTextContent('Dataset: dropped.json');
  });
});
