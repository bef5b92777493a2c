import { render, screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { createQueryClient } from '../../src/app/query-client';
import { AppProviders } from '../../src/app/providers';
import { DatasetSourceConfigContext } from '../../src/data/dataset-source-config';
import { createMemoryStore } from '../../src/data/dataset-store';
import { makeLargerFixture } from '../../mocks/fixtures/import-datasets';
import { server } from '../../mocks/server';
import { BUNDLED_TITLE, bundledOpen, datasetBadge, renderApp } from './import-helpers';

const REMOTE = 'https://data.example.org/other.json';
const other = () => ({ ...makeLargerFixture(6), id: 'other', title: 'Other dataset from the web' });

describe('?data=<url>', () => {
  it('opens a dataset from a URL and says where it came from', async () => {
    server.use(http.get(REMOTE, () => HttpResponse.json(other())));
    renderApp({ search: `?data=${encodeURIComponent(REMOTE)}` });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Other dataset from the web' }),
    ).toBeVisible();
    expect(datasetBadge()).toHaveTextContent(`Dataset: ${REMOTE} (From the web)`);
  });

  it('opens a relative path on the same server', async () => {
    server.use(http.get('*/data/extra.json', () => HttpResponse.json(other())));
    renderApp({ search: '?data=data/extra.json' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Other dataset from the web' }),
    ).toBeVisible();
  });

  it('explains a 404 with Retry, and goes back to the bundled dataset on request', async () => {
    server.use(http.get(REMOTE, () => new HttpResponse('nope', { status: 404, statusText: 'Not Found' })));
    const { user } = renderApp({ search: `?data=${encodeURIComponent(REMOTE)}` });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      `The dataset at ${REMOTE} could not be loaded: the server answered 404 Not Found. The file is missing from the server.`,
    );
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();
    await user.click(within(datasetBadge()).getByRole('button', { name: 'Back to bundled dataset' }));
    expect(await bundledOpen()).toBeVisible();
    expect(window.location.search).not.toContain('data=');
    expect(datasetBadge()).toHaveTextContent('Dataset: Bundled dataset');
  });

  it('explains a 500 and recovers with Retry', async () => {
    server.use(
      http.get(REMOTE, () => new HttpResponse('boom', { status: 500, statusText: 'Internal Server Error' }), {
        once: true,
      }),
      http.get(REMOTE, () => HttpResponse.json(other())),
    );
    const { user } = renderApp({ search: `?data=${encodeURIComponent(REMOTE)}` });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'the server answered 500 Internal Server Error. The server failed; retrying often helps.',
    );
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Other dataset from the web' }),
    ).toBeVisible();
  });

  it('gives up on a server that never answers, with a message and Retry', async () => {
    server.use(
      http.get(REMOTE, async () => {
        await delay('infinite');
        return HttpResponse.json(other());
      }),
    );
    renderApp({ search: `?data=${encodeURIComponent(REMOTE)}`, config: { timeoutMs: 300 } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      `The dataset at ${REMOTE} did not arrive within 0.3 seconds. The server may be slow or unreachable; retry, or go back to the bundled dataset.`,
    );
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();
  });

  it('says the server could not be reached when the network is down', async () => {
    server.use(http.get(REMOTE, () => HttpResponse.error()));
    renderApp({ search: `?data=${encodeURIComponent(REMOTE)}` });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `Could not reach the server for ${REMOTE}. Check your connection, then retry.`,
    );
  });

  it('retries a failing server with backoff, saying so, before showing the data', async () => {
    let calls = 0;
    server.use(
      http.get(REMOTE, () => {
        calls += 1;
        return calls < 2
          ? new HttpResponse('boom', { status: 503, statusText: 'Service Unavailable' })
          : HttpResponse.json(other());
      }),
    );
    window.history.replaceState(null, '', `/?data=${encodeURIComponent(REMOTE)}`);
    // The app's own client: retries on, exponential delay.
    render(
      <AppProviders client={createQueryClient()}>
        <DatasetSourceConfigContext.Provider value={{ store: createMemoryStore() }}>
          <App />
        </DatasetSourceConfigContext.Provider>
      </AppProviders>,
    );
    expect(
      await screen.findByText(/Retrying \(attempt 2\) after: .*503 Service Unavailable/),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Other dataset from the web' }),
    ).toBeVisible();
  });

  it('does not retry a 404 by itself: the message comes after one request', async () => {
    let calls = 0;
    server.use(
      http.get(REMOTE, () => {
        calls += 1;
        return new HttpResponse('nope', { status: 404, statusText: 'Not Found' });
      }),
    );
    window.history.replaceState(null, '', `/?data=${encodeURIComponent(REMOTE)}`);
    render(
      <AppProviders client={createQueryClient()}>
        <DatasetSourceConfigContext.Provider value={{ store: createMemoryStore() }}>
          <App />
        </DatasetSourceConfigContext.Provider>
      </AppProviders>,
    );
    // The app's client retries only what may pass; a retry would come before the message, with a second request.
    expect(await screen.findByRole('alert')).toHaveTextContent('404 Not Found');
    expect(calls).toBe(1);
  });

  it('says a truncated file at the URL is not valid JSON', async () => {
    server.use(
      http.get(
        REMOTE,
        () =>
          new HttpResponse('{"schemaVersion": 1, "title": "Tru', {
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );
    renderApp({ search: `?data=${encodeURIComponent(REMOTE)}` });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`The dataset at ${REMOTE} is not valid JSON`);
    expect(alert).toHaveTextContent('The file may be truncated.');
  });

  it('names the problem when the URL serves the wrong schemaVersion', async () => {
    server.use(http.get(REMOTE, () => HttpResponse.json({ ...other(), schemaVersion: 2 })));
    renderApp({ search: `?data=${encodeURIComponent(REMOTE)}` });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'schemaVersion: must be 1 (this app reads data contract v1)',
    );
  });
});

describe('garbage, huge and hostile URL parameters', () => {
  it.each([
    ['a javascript: URL', '?data=javascript:alert(document.cookie)'],
    ['a data: URL', '?data=data:application/json,{}'],
    ['markup', `?data=${encodeURIComponent('<script>alert(1)</script>')}`],
    ['a protocol-relative URL', '?data=//evil.example/x.json'],
    ['a huge value', `?data=${'a'.repeat(100_000)}`],
  ])('ignores %s in ?data=, says so, and opens the bundled dataset', async (_, search) => {
    const { container } = renderApp({ search });
    expect(await bundledOpen()).toBeVisible();
    expect(datasetBadge()).toHaveTextContent('Dataset: Bundled dataset');
    expect(
      screen.getByText(
        /The link’s data address was ignored: it is not an http\(s\) URL or a plain relative path/,
      ),
    ).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
  });

  it('shrugs off garbage filter parameters and injection attempts', async () => {
    const search = `?actors=${encodeURIComponent('<img src=x onerror=alert(1)>')},trump&themes=%E0%A4%A&kind=';DROP TABLE&from=2025-02-30&to=banana&smooth=1e999&hide=${'x,'.repeat(5000)}&conf=maybe&${'junk='.repeat(2000)}`;
    const { container } = renderApp({ search });
    expect(await bundledOpen()).toBeVisible();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(BUNDLED_TITLE));
  });
});
