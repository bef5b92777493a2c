import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { guardRequestsAndCsp } from './page-guards';

// Browser tests of issue 7: open JSON and CSV files, a broken file, saved
// views across a reload, the CSP — and no request leaving 127.0.0.1 while doing it.

const bundled = JSON.parse(readFileSync('public/data/stances.json', 'utf8')) as {
  title: string;
  actors: { id: string; name: string }[];
  observations: { id: string; actor: string; score: number; date: string }[];
};

/** A small valid dataset: the bundled one under another title, cut to three actors. */
function ownDataset() {
  const keep = new Set(bundled.actors.slice(0, 3).map((a) => a.id));
  return {
    ...bundled,
    id: 'own-e2e',
    title: 'My own briefing data',
    version: '9.9',
    actors: bundled.actors.filter((a) => keep.has(a.id)),
    observations: bundled.observations.filter((o) => keep.has(o.actor)),
  };
}

function jsonPayload(name: string, data: unknown) {
  return {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(typeof data === 'string' ? data : JSON.stringify(data)),
  };
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const fileInput = (page: Page) => page.getByLabel('Open dataset file (JSON or CSV)');
const badge = (page: Page) => page.getByRole('group', { name: 'Open dataset' });
const figure = (page: Page) => page.getByRole('figure', { name: /^Stance over time/ });

guardRequestsAndCsp();

test('the built page carries the Content-Security-Policy', async ({ page, consoleErrors }) => {
  await page.goto('./');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("connect-src 'self' https: http:");
  expect(csp).not.toContain('unsafe-eval');
  // Inline script is refused: the policy is in force, not only written down.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await page.evaluate(() => ((window as unknown as { __cspViolations: string[] }).__cspViolations = []));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(bundled.title);
  expect(consoleErrors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
});

test('opens a JSON file, keeps it across a reload, and goes back to the bundled dataset', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('./');
  await expect(badge(page)).toContainText('Dataset: Bundled dataset');
  const data = ownDataset();
  await fileInput(page).setInputFiles(jsonPayload('own.json', data));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My own briefing data');
  await expect(badge(page)).toContainText('Dataset: own.json (From a file)');
  await expect(
    page.getByText(`Opened own.json: ${data.observations.length} observations, 3 actors.`),
  ).toBeVisible();
  await expect(figure(page).getByRole('list', { name: 'Legend' }).getByRole('listitem')).toHaveCount(3);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My own briefing data');
  await expect(badge(page)).toContainText('Dataset: own.json');

  await badge(page).getByRole('button', { name: 'Back to bundled dataset' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(bundled.title);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(bundled.title);
  await expect(badge(page)).toContainText('Dataset: Bundled dataset');
  expect(consoleErrors).toEqual([]);
});

test('a dataset kept by an earlier version (as objects) still opens after the update', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('./');
  await expect(badge(page)).toContainText('Dataset: Bundled dataset');
  const data = ownDataset();
  // The record shape versions before the columnar store wrote: the whole dataset as objects.
  await page.evaluate(
    (dataset) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('stance-tracker', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('opened-dataset');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction('opened-dataset', 'readwrite');
          tx.objectStore('opened-dataset').put(
            { dataset, label: 'old.json', savedAt: '2026-01-01' },
            'active',
          );
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    data,
  );
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My own briefing data');
  await expect(badge(page)).toContainText('Dataset: old.json');
  await expect(figure(page).getByRole('list', { name: 'Legend' }).getByRole('listitem')).toHaveCount(3);
  expect(consoleErrors).toEqual([]);
});

test('opens a CSV through the mapping dialog', async ({ page, consoleErrors }) => {
  const csv = [
    'Day;Who;Stance;Topic;Words or deeds;Quote',
    '2025-02-12;Trump;-2;diplomacy;action;"We agreed to have our respective teams start negotiations immediately"',
    '2025-02-19;Trump;-1;diplomacy;statement;"I think the Russians want to see the war end"',
    '2025-07-14;Trump;2;sanctions;statement;"secondary tariffs"',
    '2025-04-01;Senate;2;sanctions;action;"sanctions bill; 80 co-sponsors"',
  ].join('\r\n');
  await page.goto('./');
  await fileInput(page).setInputFiles({
    name: 'briefing.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${csv}`),
  });
  const dialog = page.getByRole('dialog', { name: 'Map the columns of briefing.csv' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('4 rows and 6 columns, separated by semicolons.');
  await dialog.getByRole('combobox', { name: 'Date (required)' }).selectOption({ label: 'Day' });
  await dialog.getByRole('combobox', { name: 'Actor (required)' }).selectOption({ label: 'Who' });
  await dialog.getByRole('combobox', { name: 'Score (required)' }).selectOption({ label: 'Stance' });
  await dialog.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Topic' });
  await dialog
    .getByRole('combobox', { name: 'Kind (statement or action)' })
    .selectOption({ label: 'Words or deeds' });
  await dialog.getByRole('combobox', { name: 'Quote' }).selectOption({ label: 'Quote' });
  await expect(dialog.getByRole('table').getByRole('row').nth(1)).toContainText('2025-02-12');
  expect(await seriousViolations(page), 'the mapping dialog passes axe').toEqual([]);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('briefing.csv');
  await expect(figure(page).getByRole('list', { name: 'Legend' }).getByRole('listitem')).toHaveText([
    'Trump',
    'Senate',
  ]);
  await expect(figure(page).locator('circle.series-dot-trump')).toHaveCount(3);
  expect(consoleErrors).toEqual([]);
});

test('a broken file: specific problems, the valid part opened, the skipped rows downloadable', async ({
  page,
  consoleErrors,
}) => {
  // Four dialogs in turn over the full bundled page (453 observations since dataset 2.1.0): on a busy
  // 2-core machine the steps alone come close to the default 30 s.
  test.setTimeout(60_000);
  const data = ownDataset();
  const [a, b, c, ...rest] = data.observations;
  const broken = {
    ...data,
    observations: [
      { ...a, date: '2025-02-30', datePrecision: 'day' },
      { ...b, score: 12 },
      { ...c, actor: 'atlantis' },
      ...rest,
      { ...rest[0], quote: '<script>alert(1)</script>'.repeat(50_000) },
    ],
  };
  await page.goto('./');
  await fileInput(page).setInputFiles(jsonPayload('broken.json', broken));
  const dialog = page.getByRole('dialog', { name: 'Problems in broken.json' });
  await expect(dialog.getByRole('alert')).toHaveText(
    `4 of ${broken.observations.length} observations in broken.json have problems and were left out; the other ${rest.length} can be opened.`,
  );
  expect(await seriousViolations(page), 'the problems dialog passes axe').toEqual([]);
  const problems = dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem');
  await expect(problems).toHaveText([
    `observation ${a!.id}: date: is not a real calendar date (expected YYYY-MM-DD, YYYY-MM or YYYY)`,
    `observation ${b!.id}: score: must be between -3 and 3`,
    `observation ${c!.id}: actor: unknown actor "atlantis" (not in the actors list)`,
    `observation ${rest[0]!.id}: quote: must be at most 5000 characters`,
  ]);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download skipped rows (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('broken-skipped-rows.csv');
  const text = readFileSync(await file.path(), 'utf8');
  expect(text.split('\r\n')[0]).toBe(
    'problem,id,date,datePrecision,actor,speaker,theme,kind,score,confidence,summary,quote,sourceId,eventId,rationale',
  );
  expect(text).toContain(`,${b!.id},`);

  await dialog.getByRole('button', { name: `Open the ${rest.length} valid observations` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My own briefing data');
  await expect(
    page.getByText(`Opened broken.json: ${rest.length} observations, 3 actors; 4 left out.`),
  ).toBeVisible();

  // A file that is not JSON at all: a message, and the open dataset stays.
  await fileInput(page).setInputFiles(jsonPayload('cut.json', JSON.stringify(data).slice(0, 1000)));
  const failed = page.getByRole('dialog', { name: 'cut.json could not be opened' });
  await expect(failed.getByRole('alert')).toContainText('It is probably truncated');
  await failed.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My own briefing data');
  expect(consoleErrors).toEqual([]);
});

test('a saved view survives a reload and opens its filters', async ({ page, consoleErrors }) => {
  await page.goto('./?kind=action&themes=sanctions');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(bundled.title);
  await page.getByRole('button', { name: 'Save view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save this view' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Sanctions: deeds only');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved view “Sanctions: deeds only”.')).toBeVisible();

  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(bundled.title);
  await page.getByText('Saved views (1)').click();
  await page
    .getByRole('list', { name: 'Saved views' })
    .getByRole('button', { name: 'Open view Sanctions: deeds only' })
    .click();
  await expect(page).toHaveURL(/\?themes=sanctions&kind=action$/);
  await expect(page.getByText('Opened view “Sanctions: deeds only”.')).toBeVisible();

  // Rename and delete, as the list offers.
  const list = page.getByRole('list', { name: 'Saved views' });
  await list.getByRole('button', { name: 'Rename Sanctions: deeds only' }).click();
  await list.getByRole('textbox', { name: 'New name for Sanctions: deeds only' }).fill('Sanctions (actions)');
  await list.getByRole('button', { name: 'Save name' }).click();
  await page.reload();
  await page.getByText('Saved views (1)').click();
  await expect(
    page
      .getByRole('list', { name: 'Saved views' })
      .getByRole('button', { name: 'Open view Sanctions (actions)' }),
  ).toBeVisible();
  await page
    .getByRole('list', { name: 'Saved views' })
    .getByRole('button', { name: 'Delete Sanctions (actions)' })
    .click();
  await expect(page.getByText('Saved views (0)')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a ?data= address that fails says why, offers Retry and the way back', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('./?data=data/missing.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'The dataset at data/missing.json could not be loaded: the server answered 404',
  );
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await badge(page).getByRole('button', { name: 'Back to bundled dataset' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(bundled.title);
  await expect(page).not.toHaveURL(/data=/);
  // The browser logs the failed request itself; nothing else may be logged.
  expect(
    consoleErrors.filter(
      (e) => !/Failed to load resource: the server responded with a status of 404/.test(e),
    ),
  ).toEqual([]);
});
