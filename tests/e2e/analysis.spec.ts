import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Expectations come from the bundled file and the UI, never from today's contents of the dataset.
const bundled = JSON.parse(readFileSync('public/data/stances.json', 'utf8')) as {
  actors: { id: string; name: string }[];
  observations: { id: string; actor: string; kind: string }[];
};
const trumpName = bundled.actors.find((a) => a.id === 'trump')?.name ?? 'Donald Trump';

async function openAnalysis(page: Page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Show analysis' }).click();
  const table = page.getByRole('table', { name: 'Pivots' });
  await expect(table).toBeVisible();
  return table;
}

/** The first button of each pivot row: it names the actor and the date and opens the evidence. */
const pivotButtons = (table: ReturnType<Page['getByRole']>) =>
  table.locator('tbody tr td:first-child button');

test('the analysis code is not in the first paint and loads when the section is opened', async ({
  page,
  consoleErrors,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('./');
  await expect(page.getByRole('figure', { name: /^Stance over time/ })).toBeVisible();
  expect(scripts.some((u) => /analysis-panel/.test(u))).toBe(false);
  await page.getByRole('button', { name: 'Show analysis' }).click();
  await expect(page.getByRole('table', { name: 'Pivots' })).toBeVisible();
  expect(scripts.some((u) => /analysis-panel/.test(u))).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('the Pivots list ranks pivots, marks them on the chart and leads to their evidence', async ({
  page,
  consoleErrors,
}) => {
  const table = await openAnalysis(page);
  const buttons = pivotButtons(table);
  const count = await buttons.count();
  expect(count).toBeGreaterThan(0);
  await expect(buttons.filter({ hasText: trumpName })).not.toHaveCount(0);

  // Ranked by size: the Shift column never grows down the list.
  const shifts = (await table.locator('tbody tr td:nth-child(3)').allTextContents()).map((t) =>
    Math.abs(Number(t.trim().split(/\s/)[0]!.replace('−', '-'))),
  );
  expect(shifts).toEqual([...shifts].sort((a, b) => b - a));

  // One marker per pivot on the chart, each drawn with real geometry.
  const figure = page.getByRole('figure', { name: /^Stance over time/ });
  const markers = figure.locator('g.pivot-marker');
  await expect(markers).toHaveCount(count);
  const sizes = await markers.evaluateAll((els) =>
    els.map((el) => {
      const box = (el as SVGGElement).getBBox();
      return { width: box.width, height: box.height };
    }),
  );
  for (const box of sizes) expect(box.width).toBeGreaterThan(10);

  // Follow the first pivot to its evidence: the panel shows the observation on the pivot's date.
  const first = buttons.first();
  const label = (await first.textContent()) ?? '';
  const date = label.split(', ').slice(1).join(', ');
  await first.click();
  const panel = page.getByRole('complementary', { name: 'Evidence' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(date);
  await expect(panel.getByRole('blockquote')).not.toBeEmpty();

  // Keyboard: Escape closes the evidence and returns focus to the pivot that opened it.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Evidence' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('turning markers off removes them; a higher minimum per side never adds pivots', async ({
  page,
  consoleErrors,
}) => {
  const table = await openAnalysis(page);
  const before = await pivotButtons(table).count();
  const figure = page.getByRole('figure', { name: /^Stance over time/ });
  await page.getByRole('checkbox', { name: 'Mark pivots on the chart' }).uncheck();
  await expect(figure.locator('g.pivot-marker')).toHaveCount(0);
  await page.getByRole('spinbutton', { name: 'Minimum observations on each side' }).fill('4');
  await expect(page.getByRole('spinbutton', { name: 'Minimum observations on each side' })).toHaveValue('4');
  const after = await page.locator('button.pivot-open').count();
  expect(after).toBeLessThanOrEqual(before);
  expect(consoleErrors).toEqual([]);
});

test('the exported figure carries the pivot markers and says so in its footnote', async ({
  page,
  consoleErrors,
}) => {
  const table = await openAnalysis(page);
  const count = await pivotButtons(table).count();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download SVG' }).click();
  const svg = readFileSync(await (await downloaded).path(), 'utf8');
  expect(svg.match(/class="pivot-marker"/g) ?? []).toHaveLength(count);
  expect(svg).toContain(`Pivots (${count} marked)`);

  // The PNG is drawn from the same SVG: it must render with the markers, at the figure's size.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const png = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download PNG' }).click();
  const bytes = readFileSync(await (await png).path());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(consoleErrors).toEqual([]);
});

test('the say–do gap shades words against deeds and exports with its reading', async ({
  page,
  consoleErrors,
}) => {
  await openAnalysis(page);
  const withBoth = bundled.actors.find(
    (a) =>
      bundled.observations.some((o) => o.actor === a.id && o.kind === 'statement') &&
      bundled.observations.some((o) => o.actor === a.id && o.kind === 'action'),
  );
  expect(withBoth, 'an actor with both words and deeds in the bundled data').toBeDefined();
  await page.getByRole('combobox', { name: 'Actor' }).selectOption(withBoth!.id);
  const figure = page.getByRole('figure', { name: new RegExp(`^Say–do gap: ${withBoth!.name}\\.`) });
  await expect(figure).toBeVisible();
  const reading = (await figure.locator('.gap-reading').textContent()) ?? '';
  expect(reading).toMatch(/^(Words more \w+ than deeds by \d\.\d points, |Words and deeds)/);
  if (reading.startsWith('Words more')) {
    const shade = figure.locator('.gap-shade path.recharts-area-area');
    await expect(shade.first()).toBeVisible();
  }
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download gap figure (SVG)' }).click();
  const svg = readFileSync(await (await downloaded).path(), 'utf8');
  expect(svg).toContain(`<desc id="gap-desc">${reading.replace(/&/g, '&amp;')}</desc>`);
  expect(svg).toContain('60-day windows');
  expect(consoleErrors).toEqual([]);
});

test('the Alignment table names actors on both axes, and the open section passes axe', async ({
  page,
  consoleErrors,
}) => {
  await openAnalysis(page);
  const alignment = page.getByRole('table', { name: 'Alignment' });
  await expect(alignment).toBeVisible();
  const cols = await alignment.getByRole('columnheader').allTextContents();
  const rows = await alignment.getByRole('rowheader').allTextContents();
  expect(rows).toEqual(cols);
  expect(cols.length).toBeGreaterThan(1);
  for (const name of cols) expect(bundled.actors.map((a) => a.name)).toContain(name);

  // The open section lists every pivot and pair of the full bundled data; axe needs its own minute there.
  test.info().setTimeout(test.info().timeout + 60_000);
  const results = await new AxeBuilder({ page }).include('.analysis-section').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
