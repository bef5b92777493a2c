import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { chartFigure, fieldset, renderExplorer } from './explorer-helpers';
import { DATASET_PATH } from '../../mocks/handlers';
import { server } from '../../mocks/server';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';

// Actors that share a colour (an import's 16th onwards) are told apart by the line's dash: every chip
// naming such an actor must carry the dash the chart draws, not only the legend's.

/** The dash of the chip inside an element: null for a solid square, the stroke's dasharray otherwise. */
function swatchDash(container: Element): string | null {
  const line = container.querySelector('svg.swatch-line line');
  if (line) return line.getAttribute('stroke-dasharray');
  expect(container.querySelector('.swatch')).not.toBeNull();
  return null;
}

describe('actor swatches', () => {
  it('show the dash of the actor’s line in the legend, filters, summary, tooltip and evidence', async () => {
    const fixture = makeFixtureDataset();
    const trump = fixture.actors.find((a) => a.id === 'trump')!;
    // Russia takes Donald Trump's colour, so the chart draws Russia's line dashed.
    const actors = fixture.actors.map((a) => (a.id === 'russia' ? { ...a, color: trump.color } : a));
    server.use(http.get(DATASET_PATH, () => HttpResponse.json({ ...fixture, actors })));
    const { user } = await renderExplorer();

    const lineDash = (id: string) =>
      chartFigure().querySelector(`path.series-line[data-actor="${id}"]`)!.getAttribute('stroke-dasharray');
    const dash = lineDash('russia');
    expect(dash).toMatch(/\d/);
    expect(lineDash('trump')).toBeNull();

    const legend = within(chartFigure()).getByRole('list', { name: 'Legend' });
    const actorsFilter = fieldset('Actors');
    const summary = screen.getByRole('region', { name: 'Summary' });
    const chips = (name: string) => [
      within(legend).getByRole('button', { name: new RegExp(name) }),
      within(actorsFilter).getByRole('checkbox', { name }).closest('label')!,
      within(summary)
        .getAllByRole('listitem')
        .find((li) => li.textContent?.startsWith(name))!,
    ];
    expect(chips('Russia').map(swatchDash)).toEqual([dash, dash, dash]);
    expect(chips('Donald Trump').map(swatchDash)).toEqual([null, null, null]);

    const russiaPoint = within(chartFigure()).getAllByRole('button', { name: /^Russia, / })[0]!;
    await user.hover(russiaPoint);
    expect(swatchDash(document.querySelector('.chart-tooltip .tooltip-actor')!)).toBe(dash);
    await user.click(russiaPoint);
    const panel = screen.getByRole('complementary', { name: 'Evidence' });
    expect(swatchDash(panel.querySelector('.evidence-actor')!)).toBe(dash);
  });
});
