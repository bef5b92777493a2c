import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { parseCsv } from '../../src/lib/csv-read';
import { formatPartialDate } from '../../src/domain/dates';
import { formatScore } from '../../src/domain/format-score';

// Expectations come from the bundled file and the UI, never from today's contents of the dataset.
interface BundledObservation {
  id: string;
  date: string;
  datePrecision: 'day' | 'month' | 'year';
  actor: string;
  kind: string;
  quote: string;
  summary: string;
  sourceId: string | null;
}
interface Bundled {
  title: string;
  version: string;
  actors: { id: string; name: string }[];
  themes: { id: string; label: string }[];
  sources: { id: string; title: string }[];
  observations: BundledObservation[];
}
const bundledText = readFileSync('public/data/stances.json', 'utf8');
const bundled = JSON.parse(bundledText) as Bundled;
const actorsWithData = (ids?: string[]) =>
  bundled.actors.filter(
    (a) => (!ids || ids.includes(a.id)) && bundled.observations.some((o) => o.actor === a.id),
  );

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openExport(page: Page) {
  // exact: chart markers and table rows are buttons too, and summaries can say "exports".
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('menu', { name: 'Export' })).toBeVisible();
}

async function exportFile(page: Page, item: string): Promise<{ download: Download; bytes: Buffer }> {
  await openExport(page);
  const downloaded = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  const download = await downloaded;
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

/** Width and height from the PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes the PNG in the browser and reports how much of it is drawn and its pixels in a band. */
async function decodePng(page: Page, bytes: Buffer, band: { y0: number; y1: number }) {
  return page.evaluate(
    async ({ b64, band }) => {
      // Decoded by hand: the app's CSP (rightly) does not let fetch() read data: URLs.
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const blob = new Blob([bytes], { type: 'image/png' });
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      let inked = 0;
      const colors = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if (r < 235 || g < 235 || b < 235) inked++;
        colors.add((r << 16) | (g << 8) | b);
      }
      const bandData = ctx.getImageData(0, band.y0, bitmap.width, band.y1 - band.y0).data;
      let sum = 0;
      for (let i = 0; i < bandData.length; i += 7) sum = (sum * 31 + bandData[i]!) % 1_000_000_007;
      return {
        width: bitmap.width,
        height: bitmap.height,
        inkedShare: inked / (data.length / 4),
        colors: colors.size,
        corner: Array.from(ctx.getImageData(2, 2, 1, 1).data),
        bandHash: sum,
      };
    },
    { b64: bytes.toString('base64'), band },
  );
}

async function parseSvg(page: Page, text: string) {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      parseError: doc.getElementsByTagName('parsererror').length > 0,
      rootName: root.localName,
      namespace: root.namespaceURI,
      xmlns: root.getAttribute('xmlns'),
      width: Number(root.getAttribute('width')),
      title: root.querySelector('title')?.textContent ?? '',
      texts: Array.from(root.querySelectorAll('text')).map((t) => t.textContent ?? ''),
      lineActors: Array.from(root.querySelectorAll('path.series-line')).map((p) =>
        p.getAttribute('data-actor'),
      ),
      // Lines are named at their ends; a legend only where the labels cannot fit.
      legend: Array.from(root.querySelectorAll('.end-label, .legend-item')).map((g) => g.textContent),
      urls: Array.from(svg.matchAll(/url\(([^)]*)\)/g)).map((m) => m[1]!.slice(0, 23)),
      foreignObjects: root.getElementsByTagName('foreignObject').length,
      background: root.querySelector('rect')?.getAttribute('fill'),
    };
  }, text);
}

test('the export code is loaded only when the Export menu is opened', async ({ page, consoleErrors }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(scripts.some((u) => /export-actions/.test(u))).toBe(false);
  await openExport(page);
  await expect.poll(() => scripts.some((u) => /export-actions/.test(u))).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('the Export menu works from the keyboard and passes axe while open', async ({ page, consoleErrors }) => {
  await page.goto('./');
  const button = page.getByRole('button', { name: 'Export', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Download PNG',
    'Download SVG',
    'Download CSV',
    'Download series CSV',
    'Download slide (PPTX)',
    'Download brief (PDF)',
    'Copy image',
    'Copy alt text',
  ]);
  await expect(menu.getByRole('menuitem', { name: 'Download PNG' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Download SVG' })).toBeFocused();
  const results = await new AxeBuilder({ page }).include('.chart-toolbar').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  // Space on a focused item chooses it, as Enter does.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Download SVG' })).toBeFocused();
  const downloaded = page.waitForEvent('download');
  await page.keyboard.press(' ');
  expect((await downloaded).suggestedFilename()).toMatch(/\.svg$/);
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  expect(consoleErrors).toEqual([]);
});

test('Download PNG gives a 2× raster of at least 1600 px, not blank, that changes with the title', async ({
  page,
  consoleErrors,
}) => {
  // Dark mode on screen; the figure keeps its light background.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  const first = await exportFile(page, 'Download PNG');
  expect(first.download.suggestedFilename()).toMatch(/^stance_all_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.png$/);
  const size = pngSize(first.bytes);
  expect(size.width).toBeGreaterThanOrEqual(1600);
  const band = { y0: 0, y1: 160 };
  const a = await decodePng(page, first.bytes, band);
  expect(a.width).toBe(size.width);
  expect(a.inkedShare).toBeGreaterThan(0.01);
  expect(a.colors).toBeGreaterThan(bundled.actors.length);
  expect(a.corner.slice(0, 3)).toEqual([255, 255, 255]);

  await page.getByRole('textbox', { name: 'Figure title' }).fill('Briefing: the pivot, in one chart');
  const second = await exportFile(page, 'Download PNG');
  expect(second.bytes.equals(first.bytes)).toBe(false);
  const b = await decodePng(page, second.bytes, band);
  expect(b.bandHash).not.toBe(a.bandHash);
  expect(consoleErrors).toEqual([]);
});

test('Download SVG gives one well-formed self-contained SVG with the title and one line per plotted actor', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('./');
  const title = await page.getByRole('textbox', { name: 'Figure title' }).inputValue();
  expect(title.length).toBeGreaterThan(0);
  const { download, bytes } = await exportFile(page, 'Download SVG');
  expect(download.suggestedFilename()).toMatch(/^stance_all_[\d-]+_[\d-]+\.svg$/);
  const text = bytes.toString('utf8');
  expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(text).not.toMatch(/var\(--|href=/);
  const svg = await parseSvg(page, text);
  // Nothing external: the only url() is the embedded font, as a data: URL.
  expect(svg.urls.length).toBeGreaterThan(0);
  for (const url of svg.urls) expect(url).toBe('data:font/woff2;base64,');
  expect(svg.parseError).toBe(false);
  expect(svg.rootName).toBe('svg');
  expect(svg.namespace).toBe('http://www.w3.org/2000/svg');
  expect(svg.xmlns).toBe('http://www.w3.org/2000/svg');
  expect(svg.width).toBe(960);
  expect(svg.title).toBe(title);
  expect(svg.texts).toContain(title);
  expect(svg.foreignObjects).toBe(0);
  expect(svg.background).toBe('#ffffff');
  const plotted = actorsWithData();
  expect(svg.lineActors).toEqual(plotted.map((a) => a.id));
  expect(svg.legend).toEqual(plotted.map((a) => a.name));
  expect(svg.texts.join(' ')).toContain(`from ${bundled.title} v${bundled.version}`);
  expect(consoleErrors).toEqual([]);
});

test('the SVG draws exactly the actors on screen: selected and not hidden via the legend', async ({
  page,
  consoleErrors,
}) => {
  const [a, b] = actorsWithData();
  await page.goto(`./?actors=${a!.id},${b!.id}&hide=${b!.id}`);
  const { download, bytes } = await exportFile(page, 'Download SVG');
  expect(download.suggestedFilename()).toMatch(new RegExp(`^stance_${a!.id}_[\\d-]+_[\\d-]+\\.svg$`));
  const svg = await parseSvg(page, bytes.toString('utf8'));
  expect(svg.lineActors).toEqual([a!.id]);
  expect(svg.legend).toEqual([a!.name]);
  expect(consoleErrors).toEqual([]);
});

const HOSTILE_QUOTE = ', he said: "no, never" — and then,\nafter a pause, "maybe"';
const HOSTILE_SUMMARY = ' (a "hard" line, with commas)';

/** The bundled file with commas, quotation marks and line breaks added to quotes and summaries, served in its place. */
function hostileDataset(): Bundled {
  const data = JSON.parse(bundledText) as Bundled;
  data.observations = data.observations.map((o, i) => ({
    ...o,
    quote: i % 2 === 0 ? `${o.quote}${HOSTILE_QUOTE}` : o.quote,
    summary: i % 3 === 0 ? `${o.summary}${HOSTILE_SUMMARY}` : o.summary,
  }));
  return data;
}

/** Every row of the Observations table, across its pages: the observation id and the cell texts. */
async function tableRows(page: Page): Promise<{ id: string; cells: string[] }[]> {
  const table = page.getByRole('table', { name: 'Observations' });
  const out: { id: string; cells: string[] }[] = [];
  for (;;) {
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.querySelector('[data-obs-id]')?.getAttribute('data-obs-id') ?? '',
        cells: Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? ''),
      })),
    );
    out.push(...rows);
    const next = page.getByRole('button', { name: 'Next page' });
    if ((await next.count()) === 0 || (await next.isDisabled())) return out;
    await next.click();
  }
}

for (const search of ['', `?kind=statement`]) {
  test(`Download CSV reads back to exactly the observations in the table (${search || 'default view'})`, async ({
    page,
    consoleErrors,
  }) => {
    const data = hostileDataset();
    await page.route('**/data/stances.json', (route) => route.fulfill({ json: data }));
    await page.goto(`./${search}`);
    const { download, bytes } = await exportFile(page, 'Download CSV');
    expect(download.suggestedFilename()).toMatch(/^stance_all_[\d-]+_[\d-]+\.csv$/);
    // UTF-8 with a byte order mark, for Excel.
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const table = parseCsv(bytes.toString('utf8'), { unguardFormulas: true });
    expect(table.problems).toEqual([]);
    const [header, ...rows] = table.rows;
    expect(header).toEqual([
      'id',
      'date',
      'datePrecision',
      'dateNote',
      'actor',
      'actorName',
      'speaker',
      'theme',
      'themeLabel',
      'kind',
      'score',
      'originalScore',
      'confidence',
      'summary',
      'quote',
      'rationale',
      'sourceId',
      'sourceTitle',
      'eventId',
    ]);
    const records = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));

    const shown = await tableRows(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(records.map((r) => r.id)).toEqual(shown.map((r) => r.id));
    const byId = new Map(data.observations.map((o) => [o.id, o]));
    records.forEach((r, i) => {
      const obs = byId.get(r.id!)!;
      const [date, actor, speaker, theme, kind, score, summary] = shown[i]!.cells;
      expect([
        formatPartialDate(r.date!, r.datePrecision as BundledObservation['datePrecision']),
        r.actorName,
        r.speaker,
        r.themeLabel,
        r.kind === 'statement' ? 'Statement' : 'Action',
        formatScore(Number(r.score)),
        r.summary,
      ]).toEqual([date, actor, speaker, theme, kind, score, summary]);
      expect(r.quote).toBe(obs.quote);
      expect(r.sourceTitle).toBe(bundled.sources.find((s) => s.id === obs.sourceId)?.title ?? '');
    });
    expect(records.some((r) => r.quote!.endsWith(HOSTILE_QUOTE))).toBe(true);
    expect(records.some((r) => r.summary!.endsWith(HOSTILE_SUMMARY))).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
}

test('Download series CSV lists the plotted smoothed values per actor and day', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('./');
  const { download, bytes } = await exportFile(page, 'Download series CSV');
  expect(download.suggestedFilename()).toMatch(/^stance_all_[\d-]+_[\d-]+_series\.csv$/);
  const [header, ...rows] = parseCsv(bytes.toString('utf8'), { unguardFormulas: true }).rows;
  expect(header).toEqual(['actor', 'actorName', 'date', 'smoothedScore', 'smoothingDays']);
  expect(rows.length).toBeGreaterThan(0);
  const dayDated = new Set(bundled.observations.filter((o) => o.datePrecision === 'day').map((o) => o.actor));
  expect(new Set(rows.map((r) => r[0]))).toEqual(dayDated);
  for (const [actor, name, date, score] of rows) {
    expect(name).toBe(bundled.actors.find((a) => a.id === actor)?.name);
    // A line point sits on a day that has at least one observation of that actor.
    expect(bundled.observations.some((o) => o.actor === actor && o.date === date)).toBe(true);
    expect(Math.abs(Number(score))).toBeLessThanOrEqual(3);
  }
  expect(consoleErrors).toEqual([]);
});

test('Copy image puts a PNG on the clipboard and says so', async ({
  page,
  context,
  consoleErrors,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
  await page.goto('./');
  await openExport(page);
  await page.getByRole('menuitem', { name: 'Copy image' }).click();
  await expect(page.getByText('Copied image to clipboard.')).toBeVisible();
  const copied = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const item = items.find((i) => i.types.includes('image/png'));
    if (!item) return { types: items.flatMap((i) => i.types), width: 0 };
    const bitmap = await createImageBitmap(await item.getType('image/png'));
    return { types: item.types, width: bitmap.width };
  });
  expect(copied.types).toContain('image/png');
  expect(copied.width).toBeGreaterThanOrEqual(1600);
  expect(consoleErrors).toEqual([]);
});

test('Copy alt text puts the text alternative (actors and mean scores) on the clipboard', async ({
  page,
  context,
  consoleErrors,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
  await page.goto('./');
  await openExport(page);
  await page.getByRole('menuitem', { name: 'Copy alt text' }).click();
  await expect(page.getByText('Copied alt text to clipboard.')).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  for (const actor of actorsWithData())
    expect(text).toMatch(new RegExp(`${escapeRegExp(actor.name)} [+−]?\\d`));
  expect(consoleErrors).toEqual([]);
});
