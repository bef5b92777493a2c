import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Visual baselines of the stance chart on fixed fixtures (never the bundled dataset, which changes),
// in the committed Inter font, so an unintended change to what the chart draws fails the build.
// Baselines live in tests/e2e/__screenshots__; after an intended change, regenerate them from the
// production build with `E2E_PORT=4400 npm run test:e2e -- figure-visual --update-snapshots`
// and look at every changed image before committing it.

// Screenshots wait for a stable image; give them room on a busy machine.
test.describe.configure({ timeout: 90_000 });

const VISUAL = readFileSync('tests/e2e/fixtures/figure-visual.json', 'utf8');
const GEOMETRY = readFileSync('tests/e2e/fixtures/figure-geometry.json', 'utf8');

async function open(page: Page, fixture: string, search: string) {
  await page.route('**/data/stances.json', (route) =>
    route.fulfill({ body: fixture, contentType: 'application/json' }),
  );
  await page.goto(`./${search}`);
  const figure = page.getByRole('figure', { name: /^Stance over time/ });
  await expect(figure.locator('svg.figure-chart')).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  return figure;
}

test('default view of a decade: year ticks, end labels, bands, event lane', async ({
  page,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const figure = await open(page, VISUAL, '?range=all');
  await expect(figure).toHaveScreenshot('decade-light.png');
  expect(consoleErrors).toEqual([]);
});

test('one actor over all dates', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const figure = await open(page, VISUAL, '?range=all&actors=alpha&smooth=90');
  await expect(figure).toHaveScreenshot('one-actor.png');
  expect(consoleErrors).toEqual([]);
});

test('three weeks in dark mode: day ticks, side-by-side markers', async ({ page, consoleErrors }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 900 });
  const figure = await open(page, GEOMETRY, '?range=all&smooth=14');
  await expect(figure).toHaveScreenshot('weeks-dark.png');
  expect(consoleErrors).toEqual([]);
});

test('a narrow screen (360 px): numbers-only axis, the legend names the lines', async ({
  page,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const figure = await open(page, VISUAL, '?range=all');
  await expect(figure).toHaveScreenshot('decade-narrow.png');
  expect(consoleErrors).toEqual([]);
});

test('the exported PNG', async ({ page, consoleErrors }) => {
  // The footnote prints the day the figure was made: fixed, so the image is the same every day.
  await page.clock.setFixedTime(new Date('2026-06-30T12:00:00Z'));
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, VISUAL, '?range=all');
  await page.getByRole('button', { name: 'Export' }).click();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download PNG' }).click();
  const png = readFileSync(await (await downloaded).path());
  expect(png).toMatchSnapshot('export.png');
  expect(consoleErrors).toEqual([]);
});
