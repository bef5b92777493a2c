import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';

const bundled = JSON.parse(readFileSync('public/data/stances.json', 'utf8')) as {
  title: string;
  actors: { id: string; name: string }[];
  observations: { actor: string }[];
};
const plottedActors = bundled.actors.filter((a) => bundled.observations.some((o) => o.actor === a.id));

test('the first screen draws every actor with data, names each line and lists them in the legend, with no console errors', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(bundled.title);
  const figure = page.getByRole('figure', { name: /^Stance over time/ });
  await expect(figure).toBeVisible();
  // Every actor is named at the end of its line (the chart is wide enough for the labels).
  await expect(figure.locator('.end-label')).toHaveText(plottedActors.map((a) => a.name));
  for (const actor of plottedActors) {
    // Each actor's series is drawn with real geometry: a line, or markers where it has no day-dated run.
    const marks = figure.locator(`path.series-${actor.id}, circle.series-dot-${actor.id}`);
    const drawn = await marks.evaluateAll((els) =>
      els.some((el) => {
        const box = (el as SVGGraphicsElement).getBBox();
        return box.width > 0 || box.height > 0;
      }),
    );
    expect(drawn, `series for ${actor.id} is drawn`).toBe(true);
  }
  const legend = figure.getByRole('list', { name: 'Legend' });
  await expect(legend.getByRole('listitem')).toHaveText(plottedActors.map((a) => a.name));
  expect(consoleErrors).toEqual([]);
});

test('the y axis runs from −3 Conciliatory to +3 Hawkish with a zero line', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('./');
  const figure = page.getByRole('figure', { name: /^Stance over time/ });
  await expect(figure.getByText('+3 Hawkish')).toBeVisible();
  await expect(figure.getByText('−3 Conciliatory')).toBeVisible();
  await expect(figure.locator('line.zero-line')).toHaveCount(1);
  // +3 is drawn above −3.
  const top = (await figure.getByText('+3 Hawkish').boundingBox())!;
  const bottom = (await figure.getByText('−3 Conciliatory').boundingBox())!;
  expect(top.y).toBeLessThan(bottom.y);
  expect(consoleErrors).toEqual([]);
});

test('the production build works from a sub-path', async ({ page, consoleErrors }) => {
  const subpathPort = Number(process.env.E2E_SUBPATH_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 1);
  await page.goto(`http://127.0.0.1:${subpathPort}/intranet/stance-tracker/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(bundled.title);
  await expect(page.getByRole('figure', { name: /^Stance over time/ }).locator('.end-label')).toHaveCount(
    plottedActors.length,
  );
  expect(consoleErrors).toEqual([]);
});

test('CommonJS modules (React DOM) ship wrapped as function expressions, compiled while they download', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.getByRole('figure', { name: /^Stance over time/ })).toBeVisible();
  const scripts = await page.evaluate(() =>
    Promise.all(
      performance
        .getEntriesByType('resource')
        .map((r) => r.name)
        .filter((url) => url.endsWith('.js'))
        .map(async (url) => ({ url, text: await (await fetch(url)).text() })),
    ),
  );
  // An arrow in parentheses is compiled on the main thread when first called; a function expression in
  // parentheses while the script streams in (vite.config.ts, eagerCommonJsWrappers).
  const arrowWrappers = scripts
    .filter((s) => /\(\(\([\w$]+(?:,[\w$]+)*\)=>\{/.test(s.text))
    .map((s) => s.url);
  expect(arrowWrappers).toEqual([]);
  const reactDom = scripts.filter((s) => s.text.includes('.createRoot='));
  expect(reactDom.length).toBeGreaterThan(0);
  for (const s of reactDom) expect(s.text).toMatch(/\(\(function\s*\(/);
});
