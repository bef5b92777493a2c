import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { guardRequestsAndCsp } from './page-guards';

// The real GDELT 2.0 sample (tests/fixtures), mapped in the UI as a new user would.

const GDELT_NAME = 'gdelt-events-2020-11-13_15-sample.csv';
const gdeltText = readFileSync(join('tests/fixtures', GDELT_NAME), 'utf8');
const fileInput = (page: Page) => page.getByLabel('Open dataset file (JSON or CSV)');

guardRequestsAndCsp();
const figure = (page: Page) => page.getByRole('figure', { name: /^Stance over time/ });

test('the real GDELT sample, mapped in the UI, plots per-country series with the sign flipped', async ({
  page,
  consoleErrors,
}) => {
  // Expectation from the file itself: USA rows (Actor1CountryCode) and their Goldstein scores.
  const lines = gdeltText.trim().split(/\r?\n/);
  const header = lines[0]!.split(',');
  const country = header.indexOf('Actor1CountryCode');
  const goldstein = header.indexOf('GoldsteinScale');
  const usa = lines
    .slice(1)
    .map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, '')))
    .filter((f) => f[country] === 'USA')
    .map((f) => Number(f[goldstein]));
  const meanGoldstein = usa.reduce((s, v) => s + v, 0) / usa.length;
  const expectedMean = -0.3 * meanGoldstein;

  await page.goto('./');
  await fileInput(page).setInputFiles({
    name: GDELT_NAME,
    mimeType: 'text/csv',
    buffer: Buffer.from(gdeltText),
  });
  const dialog = page.getByRole('dialog', { name: `Map the columns of ${GDELT_NAME}` });
  await expect(dialog).toContainText('2,000 rows and 61 columns, separated by commas.');
  // The guess, checked as a new user would read it before pressing Open.
  await expect(dialog.getByRole('combobox', { name: 'Date (required)' })).toHaveValue(
    String(header.indexOf('SQLDATE')),
  );
  await expect(dialog.getByRole('combobox', { name: 'Actor (required)' })).toHaveValue(
    String(header.indexOf('Actor1Name')),
  );
  await expect(dialog.getByRole('combobox', { name: 'Group actors by' })).toHaveValue(String(country));
  await expect(dialog.getByRole('combobox', { name: 'Score (required)' })).toHaveValue(String(goldstein));
  await expect(dialog.getByRole('textbox', { name: 'Lowest possible score' })).toHaveValue('-10');
  await expect(dialog.getByRole('textbox', { name: 'Highest possible score' })).toHaveValue('10');
  await expect(dialog.getByRole('radio', { name: /more conciliatory or cooperative/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Open' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(GDELT_NAME);
  await expect(
    page.getByText(/^Opened gdelt-events-2020-11-13_15-sample\.csv: 2,000 observations, \d+ actors\./),
  ).toBeVisible();
  const legend = figure(page).getByRole('list', { name: 'Legend' }).getByRole('listitem');
  await expect(legend.first()).toHaveText('UNITED STATES');
  await expect(legend.nth(1)).toHaveText('RUSSIA');

  // The USA series: one dot per observation, merged into paths at this density (a circle per
  // "M x,y a…" move, x being its left edge and y its centre); read back its scores from the geometry.
  await expect(figure(page).getByText(/2,000 observations are drawn as one layer/)).toBeVisible();
  const geometry = await figure(page).evaluate((fig) => {
    // The ±3 grid lines are the scale's ends (tick labels sit a few pixels off them, centred on the line).
    const y = (value: number) =>
      Number(fig.querySelector(`.y-tick[data-value="${value}"] line`)!.getAttribute('y1'));
    const cys = Array.from(fig.querySelectorAll('path.series-dot-usa')).flatMap((p) =>
      Array.from(p.getAttribute('d')!.matchAll(/M(-?[\d.]+),(-?[\d.]+)a/g), (m) => Number(m[2])),
    );
    return { yTop: y(3), yBottom: y(-3), cys };
  });
  expect(geometry.cys).toHaveLength(usa.length);
  const toScore = (cy: number) => 3 - (6 * (cy - geometry.yTop)) / (geometry.yBottom - geometry.yTop);
  const plottedMean = geometry.cys.map(toScore).reduce((s, v) => s + v, 0) / geometry.cys.length;
  expect(Math.sign(plottedMean)).toBe(Math.sign(expectedMean));
  expect(plottedMean).toBeCloseTo(expectedMean, 2);

  // Evidence keeps the value as coded in GDELT beside the rescaled score.
  // At this density the table is the way to each observation: its first row's button opens the evidence.
  const table = page.getByRole('table', { name: 'Observations' });
  await table.locator('tbody tr').first().locator('button.row-open').click();
  await expect(page.getByRole('complementary', { name: 'Evidence' })).toContainText(
    /Originally coded as -?\d/,
  );

  // And in words, in the summary.
  const rounded = Math.round(expectedMean * 10) / 10;
  const shown =
    rounded === 0
      ? '0'
      : `${rounded > 0 ? '+' : '−'}${Number.isInteger(rounded) ? Math.abs(rounded) : Math.abs(rounded).toFixed(1)}`;
  await expect(
    page.getByRole('region', { name: 'Summary' }).getByRole('listitem').filter({ hasText: 'UNITED STATES' }),
  ).toContainText(`UNITED STATES: mean score ${shown}`);
  expect(consoleErrors).toEqual([]);
});
