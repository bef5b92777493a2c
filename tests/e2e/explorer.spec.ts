import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import type { Locator, Page } from '@playwright/test';

// Expectations come from the bundled file (which is being rewritten), never from today's contents.
interface Obs {
  id: string;
  date: string;
  datePrecision: 'day' | 'month' | 'year';
  actor: string;
  theme: string;
}
const bundled = JSON.parse(readFileSync('public/data/stances.json', 'utf8')) as {
  actors: { id: string; name: string }[];
  themes: { id: string; label: string }[];
  observations: Obs[];
};

const DAY = 86_400_000;
const dayOf = (d: string) => Date.parse(`${d}T00:00:00Z`);
const dayObs = bundled.observations.filter((o) => o.datePrecision === 'day');
const countBy = <T extends string>(items: T[]) => {
  const m = new Map<T, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
};
// The new user picks the two actors with most day-dated observations and their most common theme.
const pickedActors = countBy(dayObs.map((o) => o.actor))
  .slice(0, 2)
  .map(([id]) => bundled.actors.find((a) => a.id === id)!);
const pickedTheme = bundled.themes.find(
  (t) =>
    t.id ===
    countBy(dayObs.filter((o) => pickedActors.some((a) => a.id === o.actor)).map((o) => o.theme))[0]![0],
)!;
const picked = dayObs
  .filter((o) => pickedActors.some((a) => a.id === o.actor) && o.theme === pickedTheme.id)
  .sort((a, b) => (a.date < b.date ? -1 : 1));

function fieldset(page: Page, name: string): Locator {
  return page.getByRole('group', { name, exact: true });
}

async function seriousViolations(page: Page) {
  // axe walks every element, and the bundled data puts hundreds of focusable markers on the page: on a
  // shared 2-core machine that alone can take most of a minute, so the scan gets its own minute.
  test.info().setTimeout(test.info().timeout + 60_000);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** What the view shows: filters, table and the chart's points, to compare two pages. */
async function snapshotView(page: Page) {
  const table = page.getByRole('table', { name: 'Observations' });
  return {
    actors: await fieldset(page, 'Actors')
      .getByRole('checkbox')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked)),
    themes: await fieldset(page, 'Themes')
      .getByRole('checkbox')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked)),
    from: await page.getByLabel('From', { exact: true }).inputValue(),
    to: await page.getByLabel('To', { exact: true }).inputValue(),
    rows: await table.locator('tbody tr').allInnerTexts(),
    points: await page
      .locator('circle.series-dot')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))),
    legend: await page.getByRole('list', { name: 'Legend' }).getByRole('button').allInnerTexts(),
  };
}

/** A point whose centre is really under the pointer (not covered by a neighbour). */
async function clickablePoint(page: Page): Promise<Locator> {
  const dots = page.locator('circle.series-dot');
  const n = await dots.count();
  for (let i = 0; i < n; i++) {
    const dot = dots.nth(i);
    await dot.scrollIntoViewIfNeeded();
    const hit = await dot.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el;
    });
    if (hit) return dot;
  }
  throw new Error('no point can be clicked');
}

test('a new user filters, brushes, opens evidence and shares a link that reproduces the view', async ({
  page,
  browser,
  consoleErrors,
}) => {
  expect(picked.length, 'the bundled data has observations for the picked actors and theme').toBeGreaterThan(
    0,
  );
  await page.goto('./');
  const figure = page.getByRole('figure', { name: /^Stance over time/ });
  await expect(figure).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Actors: none, then two.
  const actors = fieldset(page, 'Actors');
  await actors.getByRole('button', { name: 'None' }).click();
  await expect(page.getByText('No observations match these filters')).toBeVisible();
  for (const a of pickedActors) await actors.getByRole('checkbox', { name: a.name, exact: true }).check();
  // A theme.
  const themes = fieldset(page, 'Themes');
  await themes.getByRole('button', { name: 'None' }).click();
  await themes.getByRole('checkbox', { name: pickedTheme.label, exact: true }).check();
  await expect(figure.getByRole('list', { name: 'Legend' }).getByRole('button')).toHaveText(
    pickedActors.filter((a) => picked.some((o) => o.actor === a.id)).map((a) => a.name),
  );

  // The bundled data opens on its default range (the last 18 months); see everything first, then brush a new range.
  await fieldset(page, 'Time').getByRole('button', { name: 'All', exact: true }).click();
  await expect(page).toHaveURL(/range=all/);
  // Brush from a few days before the first picked observation to a few days after the last.
  const track = page.getByTestId('brush-track');
  await track.scrollIntoViewIfNeeded();
  const box = (await track.boundingBox())!;
  // The brush spans whole days from its start handle's minimum to its end handle's maximum.
  const slider = page.getByRole('slider', { name: 'Range start' });
  const lo = Number(await slider.getAttribute('aria-valuemin')) * DAY;
  const hi = (Number(await slider.getAttribute('aria-valuemax')) + 1) * DAY;
  const xOf = (t: number) => box.x + ((t - lo) / (hi - lo)) * box.width;
  // Both ends stay 30 px clear of the track's edges, where the range handles sit and would be grabbed.
  const margin = (30 / box.width) * (hi - lo);
  const wantFrom = Math.max(dayOf(picked[0]!.date) - 3 * DAY, lo + margin);
  const wantTo = Math.min(dayOf(picked[picked.length - 1]!.date) + 3 * DAY, hi - Math.max(margin, 20 * DAY));
  expect(wantTo - wantFrom, 'a range wide enough to drag across').toBeGreaterThan(20 * DAY);
  await page.mouse.move(xOf(wantFrom), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(xOf((wantFrom + wantTo) / 2), box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(xOf(wantTo), box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByLabel('From', { exact: true })).not.toHaveValue('');
  await expect(page.getByLabel('To', { exact: true })).not.toHaveValue('');
  // One pixel of the brush spans several days; the chosen range lands within a week of the drag.
  const from = await page.getByLabel('From', { exact: true }).inputValue();
  const to = await page.getByLabel('To', { exact: true }).inputValue();
  expect(Math.abs(dayOf(from) - wantFrom)).toBeLessThanOrEqual(7 * DAY);
  expect(Math.abs(dayOf(to) - wantTo)).toBeLessThanOrEqual(7 * DAY);
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));

  // The table now lists only the picked actors and theme inside the range.
  const table = page.getByRole('table', { name: 'Observations' });
  const expected = bundled.observations.filter(
    (o) =>
      pickedActors.some((a) => a.id === o.actor) &&
      o.theme === pickedTheme.id &&
      o.datePrecision === 'day' &&
      o.date >= from &&
      o.date <= to,
  );
  const inView = bundled.observations.filter((o) => {
    if (!pickedActors.some((a) => a.id === o.actor) || o.theme !== pickedTheme.id) return false;
    const t =
      o.datePrecision === 'day'
        ? dayOf(o.date)
        : o.datePrecision === 'month'
          ? dayOf(`${o.date}-15`)
          : dayOf(`${o.date}-07-01`);
    return t >= dayOf(from) && t <= dayOf(to);
  }).length;
  // The table shows 50 rows a page and says how many match.
  await expect(page.getByText(new RegExp(`^${inView} observations?(,|\\.)`))).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(Math.min(inView, 50));
  expect(expected.length).toBeGreaterThan(0);

  // Evidence: click a point, read it, Escape returns focus to the point.
  const point = await clickablePoint(page);
  const pointId = await point.getAttribute('data-obs-id');
  await point.click();
  const panel = page.getByRole('complementary', { name: 'Evidence' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Evidence' })).toBeFocused();
  await expect(panel.locator('blockquote')).not.toBeEmpty();
  for (const term of ['Speaker', 'Date', 'Theme', 'Kind', 'Score', 'Confidence', 'Source']) {
    await expect(panel.locator('dt', { hasText: term })).toBeVisible();
  }
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.locator(`circle[data-obs-id="${pointId}"]`)).toBeFocused();

  // Share: the URL opened in a fresh page gives the same view.
  const url = page.url();
  const before = await snapshotView(page);
  const fresh = await browser.newContext({ baseURL: url });
  const other = await fresh.newPage();
  const otherErrors: string[] = [];
  other.on('console', (m) => m.type() === 'error' && otherErrors.push(m.text()));
  await other.goto(url);
  await expect(other.getByRole('figure', { name: /^Stance over time/ })).toBeVisible();
  await expect(other.getByRole('table', { name: 'Observations' }).locator('tbody tr')).toHaveCount(
    before.rows.length,
  );
  expect(await snapshotView(other)).toEqual(before);
  await fresh.close();
  expect(otherErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('points are one tab stop; arrows move, Enter opens Evidence, Escape returns; hover shows a tooltip', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Key events' }).focus();
  const figure = page.getByRole('figure', { name: /^Stance over time/ });
  // Tab past the rest of the toolbar to the first control inside the figure: the points' one tab stop.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await figure.evaluate((f) => f.contains(document.activeElement))) break;
  }
  const first = page.locator('circle.series-dot[tabindex="0"]');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const second = page.locator('circle.series-dot[data-index="1"]');
  await expect(second).toBeFocused();
  const name = (await second.getAttribute('aria-label'))!;
  await expect(page.locator('.chart-tooltip')).toContainText(name.split(': ').slice(1).join(': '));
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Evidence' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(name.split(': ').slice(1).join(': '));
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(second).toBeFocused();

  const dot = await clickablePoint(page);
  await dot.hover();
  const tooltip = page.locator('.chart-tooltip');
  await expect(tooltip).toBeVisible();
  const label = (await dot.getAttribute('aria-label'))!;
  await expect(tooltip).toContainText(label.split(',')[0]!);
  expect(consoleErrors).toEqual([]);
});

test('the legend hides and shows an actor; Back and Forward step through views', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('./');
  const figure = page.getByRole('figure', { name: /^Stance over time/ });
  // One end label per drawn actor with observations, as the first-screen test counts them.
  const lines = figure.locator('.end-label');
  const count = bundled.actors.filter((a) => bundled.observations.some((o) => o.actor === a.id)).length;
  await expect(lines).toHaveCount(count);
  const entry = figure.getByRole('list', { name: 'Legend' }).getByRole('button').first();
  await entry.click();
  await expect(entry).toHaveAttribute('aria-pressed', 'false');
  await expect(lines).toHaveCount(count - 1);
  await expect(page).toHaveURL(/hide=/);
  await page.goBack();
  await expect(lines).toHaveCount(count);
  await expect(entry).toHaveAttribute('aria-pressed', 'true');
  await page.goForward();
  await expect(lines).toHaveCount(count - 1);
  expect(consoleErrors).toEqual([]);
});

test('the table and the Evidence panel pass axe in the dark theme too', async ({ page, consoleErrors }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  const table = page.getByRole('table', { name: 'Observations' });
  await table.getByRole('button', { name: /^Score/ }).click();
  await expect(table.getByRole('columnheader', { name: /^Score/ })).toHaveAttribute('aria-sort', 'ascending');
  const rowButton = table.locator('tbody tr').first().locator('button.row-open');
  await rowButton.click();
  await expect(page.getByRole('complementary', { name: 'Evidence' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('complementary', { name: 'Evidence' }).getByRole('button', { name: 'Close' }).click();
  await expect(rowButton).toBeFocused();
  expect(consoleErrors).toEqual([]);
});

test('at 360 px the page does not scroll sideways, the chart fits and the filters fold away', async ({
  page,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('./');
  const figure = page.getByRole('figure', { name: /^Stance over time/ });
  await expect(figure).toBeVisible();
  const svg = figure.locator('svg.figure-chart');
  const svgBox = (await svg.boundingBox())!;
  expect(svgBox.x).toBeGreaterThanOrEqual(0);
  expect(svgBox.x + svgBox.width).toBeLessThanOrEqual(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // The chart starts on the first screen because the filters are folded behind one button.
  expect(svgBox.y).toBeLessThan(780);
  const toggle = page.getByRole('button', { name: /^Filters/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('group', { name: 'Actors' })).toBeHidden();
  await toggle.click();
  await expect(page.getByRole('group', { name: 'Actors' })).toBeVisible();
  const yAxis = figure.locator('.y-ticks');
  await expect(yAxis.getByText('+3', { exact: true })).toBeVisible();
  await expect(yAxis.getByText('−3', { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('when the app’s code cannot load, the page says so instead of staying blank', async ({ page }) => {
  // The app's code is its own chunk, loaded after the entry has started the dataset's download.
  await page.route(/\/assets\/mount-[^/]*\.js$/, (route) => route.abort('connectionfailed'));
  await page.goto('./');
  await expect(page.getByRole('alert')).toHaveText(
    'Stance Tracker could not load its code. Reload the page to try again.',
  );
});

test('at 360 px a long dataset address wraps inside the screen rather than being cut off', async ({
  page,
  consoleErrors,
}) => {
  const folder = 'a-rather-long-folder-name-for-the-datasets-of-one-briefing';
  await page
    .context()
    .route(`**/${folder}/**`, (route) => route.fulfill({ path: 'public/data/stances.json' }));
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`./?data=${folder}/stances-as-of-december.json`);
  const label = page.locator('.dataset-badge-label');
  await expect(label).toContainText(`${folder}/stances-as-of-december.json`);
  const box = (await label.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  // Nothing of it is hidden: the text fits the box it is drawn in.
  expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('a ?data= dataset is downloaded once: the app takes over the load its entry starts', async ({
  page,
  consoleErrors,
}) => {
  let requests = 0;
  await page.context().route('**/briefing/early.json', (route) => {
    requests++;
    return route.fulfill({ path: 'public/data/stances.json' });
  });
  await page.goto('./?data=briefing/early.json');
  await expect(page.locator('.dataset-badge-label')).toContainText('briefing/early.json');
  await expect(page.locator('figure .series-line').first()).toBeVisible();
  expect(requests).toBe(1);
  expect(consoleErrors).toEqual([]);
});

test('the loading ring turns only after 1.5 s, so a quick load draws no frames for it', async ({
  page,
  consoleErrors,
}) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.context().route('**/briefing/slow.json', async (route) => {
    await held;
    await route.fulfill({ path: 'public/data/stances.json' });
  });
  await page.goto('./?data=briefing/slow.json');
  await expect(page.getByRole('status').filter({ hasText: 'Loading dataset' })).toBeVisible();
  const ring = page.locator('.spinner');
  const timing = () =>
    ring.evaluate((el) => {
      const animation = el.getAnimations()[0]!;
      return { at: Number(animation.currentTime), progress: animation.effect!.getComputedTiming().progress };
    });
  const early = await timing();
  // Still in its delay: the ring stands still (and the compositor has nothing to animate).
  if (early.at < 1500) expect(early.progress).toBeNull();
  await expect.poll(async () => (await timing()).progress, { timeout: 5000 }).not.toBeNull();
  expect((await timing()).at).toBeGreaterThanOrEqual(1500);
  release();
  await expect(page.locator('figure .series-line').first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

for (const width of [1280, 360]) {
  test(`at ${width} px the chart draws first and stays put while the filters and the brush appear`, async ({
    page,
    consoleErrors,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    // Where the chart's box is when its first line appears, recorded in the page as it happens.
    await page.addInitScript(() => {
      const w = window as unknown as { __firstBox: Promise<{ x: number; y: number; width: number }> };
      w.__firstBox = new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (!document.querySelector('figure .series-line')) return;
          mo.disconnect();
          const {
            x,
            y,
            width: boxWidth,
          } = document.querySelector('figure.chart-figure')!.getBoundingClientRect();
          resolve({ x, y, width: boxWidth });
        });
        mo.observe(document, { subtree: true, childList: true });
      });
    });
    await page.goto('./');
    const first = await page.evaluate(
      () =>
        (window as unknown as { __firstBox: Promise<{ x: number; y: number; width: number }> }).__firstBox,
    );
    // Every actor's checkbox and the brush come (folded away behind the Filters button at 360 px).
    await expect(page.locator('#filter-body input[type="checkbox"]')).toHaveCount(
      bundled.actors.length + bundled.themes.length + 2,
    );
    await expect(page.getByRole('slider', { name: 'Range start' })).toBeVisible();
    const box = await page.locator('figure.chart-figure').boundingBox();
    expect(box).not.toBeNull();
    expect({ x: box!.x, y: box!.y, width: box!.width }).toEqual(first);
    expect(consoleErrors).toEqual([]);
  });
}
