import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { datasetErrors } from '../../mocks/handlers';
import { server } from '../../mocks/server';
import { renderWithProviders } from '../test-utils';

describe('loading the dataset', () => {
  it('shows a loading state, then the title, the chart and a legend of every actor', async () => {
    renderWithProviders(<App />);
    expect(screen.getByRole('status')).toHaveTextContent(/loading dataset/i);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Fixture: Stance toward Russia' }),
    ).toBeVisible();
    const figure = screen.getByRole('figure', { name: /^Stance over time/ });
    const legend = within(figure).getByRole('list', { name: 'Legend' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Donald Trump', 'US Congress', 'Russia']);
  });

  it('explains a 404 and offers Retry', async () => {
    server.use(datasetErrors.notFound);
    renderWithProviders(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('the server answered 404 Not Found');
    expect(alert).toHaveTextContent('The file is missing from the server.');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();
  });

  it('recovers when Retry is pressed after a 500', async () => {
    server.use(datasetErrors.serverErrorOnce);
    const { user } = renderWithProviders(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('the server answered 500 Internal Server Error');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('figure', { name: /^Stance over time/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps failing visibly while the server keeps answering 500', async () => {
    server.use(datasetErrors.serverError);
    const { user } = renderWithProviders(<App />);
    await user.click(within(await screen.findByRole('alert')).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('500');
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('says the server could not be reached on a network error', async () => {
    server.use(datasetErrors.networkError);
    renderWithProviders(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Could not reach the server for data\/stances\.json/,
    );
  });

  it('says the file is not valid JSON when it is truncated', async () => {
    server.use(datasetErrors.malformedJson);
    renderWithProviders(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('is not valid JSON');
    expect(alert).toHaveTextContent('may be truncated');
  });

  it('names the observation, field and reason when the file fails the schema', async () => {
    server.use(datasetErrors.schemaInvalid);
    renderWithProviders(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('does not match the Stance Tracker data format');
    expect(alert).toHaveTextContent('observation fx-2: score: must be between -3 and 3');
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });
});
