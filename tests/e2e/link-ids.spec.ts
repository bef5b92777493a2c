import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

// A stale or mistyped link names ids the dataset does not have: the view drops them and says so.
const bundled = JSON.parse(readFileSync('public/data/stances.json', 'utf8')) as {
  actors: { id: string; name: string }[];
};
const trump = bundled.actors.find((a) => a.id === 'trump')!;

const legend = (page: Page) => page.getByRole('list', { name: 'Legend' }).getByRole('button');
const notice = (page: Page) => page.getByRole('status').filter({ hasText: 'in the link' });

test('?actors=trump,nobody shows Trump’s view with a notice about the unknown actor', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('./?actors=trump,nobody');
  await expect(notice(page)).toContainText('1 actor in the link is not in this dataset (nobody).');
  await expect(legend(page)).toHaveText([trump.name]);
  await expect(page.getByRole('checkbox', { name: trump.name, exact: true })).toBeChecked();
  // The address names only what is shown now.
  await expect(page).toHaveURL(/\?actors=trump$/);
  await page.screenshot({ path: 'test-results/link-ids-trump.png' });
  expect(consoleErrors).toEqual([]);
});

test('?actors=nobody falls back to the default view with the notice', async ({ page, consoleErrors }) => {
  await page.goto('./');
  await expect(legend(page).first()).toBeVisible();
  const defaultLegend = await legend(page).allInnerTexts();
  expect(defaultLegend.length).toBeGreaterThan(1);

  await page.goto('./?actors=nobody');
  await expect(notice(page)).toContainText(
    '1 actor in the link is not in this dataset (nobody); showing all actors instead.',
  );
  await expect(legend(page)).toHaveText(defaultLegend);
  await expect(page.getByText('No observations match these filters')).toHaveCount(0);
  await notice(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice(page)).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
