import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Each test downloads files or measures hundreds of elements: more time than the default on a busy machine.
test.describe.configure({ timeout: 90_000 });

// What the chart draws, measured in Chromium on a fixed fixture with known values, for the screen
// and for the exported SVG and PNG. Expectations come from the fixture and from the axes as drawn
// (tick labels read back to dates and scores), never from the figure model's own numbers.

interface Obs {
  id: string;
  date: string;
  datePrecision: 'day' | 'month' | 'year';
  actor: string;
  theme: string;
  score: number;
  confidence: 'high' | 'medium' | 'low';
}
const FIXTURE_TEXT = readFileSync('tests/e2e/fixtures/figure-geometry.json', 'utf8');
const fixture = JSON.parse(FIXTURE_TEXT) as {
  actors: { id: string; name: string; color: string }[];
  observations: Obs[];
};
const DAY = 86_400_000;
const YEAR = 2025;
const dayOf = (d: string) => Date.parse(`${d}T00:00:00Z`);
/** The documented rule (Methodology): markers fade with the coder's confidence. */
const OPACITY = { high: 1, medium: 0.6, low: 0.3 };
const colorOf = (actor: string) => fixture.actors.find((a) => a.id === actor)!.color;
const TWO = fixture.observations.find(
  (o) => o.actor === 'alpha' && o.date === '2025-03-10' && o.score === 2,
)!;

/** Serves the fixture in place of the bundled dataset. */
async function openFixture(page: Page, search = '') {
  await page.route('**/data/stances.json', (route) =>
    route.fulfill({ body: FIXTURE_TEXT, contentType: 'application/json' }),
  );
  await page.goto(`./?range=all${search}`);
  await expect(page.getByRole('figure', { name: /^Stance over time/ })).toBeVisible();
  // The plot is drawn after the data arrives, in a background render: wait for it, not just the frame.
  await expect(page.locator('svg.figure-chart')).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
}

interface Measured {
  /** Score → y of its gridline or zero line, read from the label beside it. */
  yOf: Record<string, number>;
  /** x-axis ticks: label text and x of the gridline. */
  xTicks: { label: string; x: number }[];
  plot: { x: number; y: number; width: number; height: number };
  markers: {
    id: string;
    cx: number;
    cy: number;
    r: number;
    fill: string;
    fillOpacity: number;
    stroke: string;
    strokeOpacity: number;
  }[];
  /** Per actor, the drawn line sampled every half pixel, in the same coordinates. */
  lines: Record<string, [number, number][]>;
  /** Key-event badges: their events, number and paint. */
  badges: { events: string; text: string; fill: string; textFill: string }[];
}

/**
 * Reads a drawn chart back from the DOM, in client pixels: gridlines by their labels, markers by
 * their boxes and computed paint, lines by sampling the path. Works for the screen chart and for an
 * exported SVG placed in a page, so both are measured by the same code.
 */
async function measure(page: Page, rootSelector: string): Promise<Measured> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)!;
    const box = (el: Element) => el.getBoundingClientRect();
    const yOf: Record<string, number> = {};
    for (const g of Array.from(root.querySelectorAll('.y-tick'))) {
      const label = (g.querySelector('text')?.textContent ?? '').split(' ')[0]!;
      const line = g.querySelector('line');
      if (line) yOf[label] = box(line).y;
    }
    const zero = root.querySelector('line.zero-line');
    if (zero) yOf['0'] = box(zero).y;
    const xTicks = Array.from(root.querySelectorAll('.x-tick')).map((g) => ({
      label: g.querySelector('text')?.textContent ?? '',
      x: box(g.querySelector('line')!).x,
    }));
    const plotRect = box(root.querySelector('rect.plot-area')!);
    const markers = Array.from(root.querySelectorAll('circle.series-dot')).map((c) => {
      const b = box(c);
      const style = getComputedStyle(c);
      return {
        id: c.getAttribute('data-obs-id') ?? '',
        cx: b.x + b.width / 2,
        cy: b.y + b.height / 2,
        r: b.width / 2,
        fill: style.fill,
        fillOpacity: Number(style.fillOpacity),
        stroke: style.stroke,
        strokeOpacity: Number(style.strokeOpacity),
      };
    });
    const lines: Record<string, [number, number][]> = {};
    for (const path of Array.from(root.querySelectorAll<SVGPathElement>('path.series-line'))) {
      const ctm = path.getScreenCTM()!;
      const total = path.getTotalLength();
      const pts: [number, number][] = [];
      for (let l = 0; l <= total; l += 0.5) {
        const p = new DOMPoint(path.getPointAtLength(l).x, path.getPointAtLength(l).y).matrixTransform(ctm);
        pts.push([p.x, p.y]);
      }
      lines[path.getAttribute('data-actor') ?? ''] = pts;
    }
    const badges = Array.from(root.querySelectorAll('.event-badge')).map((g) => ({
      events: g.getAttribute('data-events') ?? '',
      text: g.querySelector('text')?.textContent ?? '',
      fill: getComputedStyle(g.querySelector('rect')!).fill,
      textFill: getComputedStyle(g.querySelector('text')!).fill,
    }));
    return {
      badges,
      yOf,
      xTicks,
      plot: { x: plotRect.x, y: plotRect.y, width: plotRect.width, height: plotRect.height },
      markers,
      lines,
    };
  }, rootSelector);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "10 Mar" or "1 Mar 2025" → time (the fixture lies in 2025). */
function tickTime(label: string): number {
  const [d, m, y] = label.split(' ');
  return Date.UTC(Number(y ?? YEAR), MONTHS.indexOf(m!), Number(d));
}

/** Date → x by the drawn axis: linear between the first and last tick, read back from their labels. */
function xAxis(m: Measured): (t: number) => number {
  const dayTicks = m.xTicks.filter((t) => /^\d+ \w{3}/.test(t.label));
  expect(dayTicks.length, 'the three-week fixture gets a day axis').toBeGreaterThanOrEqual(2);
  const a = dayTicks[0]!;
  const b = dayTicks[dayTicks.length - 1]!;
  const [ta, tb] = [tickTime(a.label), tickTime(b.label)];
  return (t) => a.x + ((t - ta) / (tb - ta)) * (b.x - a.x);
}

/** Score → y by the drawn axis: linear between the +3 and −3 gridlines. */
function yAxis(m: Measured): (score: number) => number {
  const top = m.yOf['+3']!;
  const bottom = m.yOf['−3']!;
  return (s) => top + ((3 - s) / 6) * (bottom - top);
}

/** The 14-day centred rolling mean of day-dated observations, computed here from scratch. */
function expectedLine(actor: string, obs: Obs[], smooth: number): { t: number; score: number }[] {
  const days = obs.filter((o) => o.actor === actor && o.datePrecision === 'day');
  const ts = [...new Set(days.map((o) => dayOf(o.date)))].sort((a, b) => a - b);
  return ts.map((t) => {
    const inWindow = days.filter((o) => Math.abs(dayOf(o.date) - t) <= (smooth / 2) * DAY);
    return { t, score: inWindow.reduce((s, o) => s + o.score, 0) / inWindow.length };
  });
}

const distanceTo = (pts: [number, number][], x: number, y: number) =>
  Math.min(...pts.map(([px, py]) => Math.hypot(px - x, py - y)));

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** The checks every renderer must pass, on a measured chart (screen or exported SVG). */
function checkGeometry(m: Measured, where: string, obs: Obs[] = fixture.observations, smooth = 14) {
  const x = xAxis(m);
  const y = yAxis(m);
  // +3 is above −3, and the labelled gridlines run in order down the plot.
  expect(m.yOf['+3']!, `${where}: +3 above −3`).toBeLessThan(m.yOf['−3']!);
  const order = ['+3', '+2', '+1', '0', '−1', '−2', '−3'].map((k) => m.yOf[k]!);
  expect(order, `${where}: y ticks in order`).toEqual([...order].sort((a, b) => a - b));

  // The +2 on 10 March is drawn at that day's x and at +2's y, within a pixel.
  const two = m.markers.find((p) => p.id === TWO.id)!;
  expect(two, `${where}: the +2 marker is drawn`).toBeTruthy();
  expect(Math.abs(two.cx - x(dayOf(TWO.date))), `${where}: +2 marker at 10 March's x`).toBeLessThanOrEqual(1);
  expect(Math.abs(two.cy - m.yOf['+2']!), `${where}: +2 marker at +2's y`).toBeLessThanOrEqual(1);

  // Every day-dated marker alone on its day and score sits on its day and its score.
  const cells = new Map<string, number>();
  for (const o of obs) cells.set(`${o.date}|${o.score}`, (cells.get(`${o.date}|${o.score}`) ?? 0) + 1);
  for (const o of obs.filter((o) => o.datePrecision === 'day' && cells.get(`${o.date}|${o.score}`) === 1)) {
    const p = m.markers.find((q) => q.id === o.id)!;
    expect(Math.abs(p.cx - x(dayOf(o.date))), `${where}: ${o.id} x`).toBeLessThanOrEqual(1);
    expect(Math.abs(p.cy - y(o.score)), `${where}: ${o.id} y`).toBeLessThanOrEqual(1);
  }

  // Every marker lies inside the plot area.
  for (const p of m.markers) {
    expect(p.cx - p.r, `${where}: ${p.id} inside left`).toBeGreaterThanOrEqual(m.plot.x - 0.5);
    expect(p.cx + p.r, `${where}: ${p.id} inside right`).toBeLessThanOrEqual(m.plot.x + m.plot.width + 0.5);
    expect(p.cy - p.r, `${where}: ${p.id} inside top`).toBeGreaterThanOrEqual(m.plot.y - 0.5);
    expect(p.cy + p.r, `${where}: ${p.id} inside bottom`).toBeLessThanOrEqual(m.plot.y + m.plot.height + 0.5);
  }

  // Colour and opacity follow the actor and the confidence.
  for (const o of obs.filter((o) => o.datePrecision === 'day')) {
    const p = m.markers.find((q) => q.id === o.id)!;
    expect(p.fill, `${where}: ${o.id} fill`).toBe(rgb(colorOf(o.actor)));
    expect(p.fillOpacity, `${where}: ${o.id} opacity`).toBeCloseTo(OPACITY[o.confidence], 5);
  }

  // Each smoothed line passes within a pixel of every value computed here.
  for (const actor of ['alpha', 'beta', 'gamma']) {
    for (const pt of expectedLine(actor, obs, smooth)) {
      const d = distanceTo(m.lines[actor]!, x(pt.t), y(pt.score));
      expect(
        d,
        `${where}: ${actor} line through ${new Date(pt.t).toISOString().slice(0, 10)} = ${pt.score}`,
      ).toBeLessThanOrEqual(1);
    }
  }
}

test('screen: scores and days land where the axes say, every marker inside the plot, lines through their values', async ({
  page,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openFixture(page, '&smooth=14');
  const m = await measure(page, 'svg.figure-chart');
  expect(m.markers.map((p) => p.id).sort()).toEqual(fixture.observations.map((o) => o.id).sort());
  checkGeometry(m, 'screen');
  // Two observations share 11 March and +1: side by side, centred on the day, at +1.
  const pair = m.markers.filter((p) => ['g-016', 'g-017'].includes(p.id));
  const x = xAxis(m);
  expect(Math.abs(pair[0]!.cx - pair[1]!.cx)).toBeGreaterThan(pair[0]!.r);
  expect(Math.abs((pair[0]!.cx + pair[1]!.cx) / 2 - x(dayOf('2025-03-11')))).toBeLessThanOrEqual(1);
  for (const p of pair) expect(Math.abs(p.cy - m.yOf['+1']!)).toBeLessThanOrEqual(1);
  expect(consoleErrors).toEqual([]);
});

test('screen: after a filter change the drawn points are exactly the filtered ones, in the right places', async ({
  page,
  consoleErrors,
}) => {
  await openFixture(page, '&smooth=14');
  const themes = page.getByRole('group', { name: 'Themes', exact: true });
  // On narrow layouts the filters fold away; this viewport shows them.
  await themes.getByRole('checkbox', { name: 'Diplomacy', exact: true }).uncheck();
  const kept = fixture.observations.filter((o) => o.theme !== 'diplomacy');
  await expect(page.locator('svg.figure-chart circle.series-dot')).toHaveCount(kept.length);
  const m = await measure(page, 'svg.figure-chart');
  expect(m.markers.map((p) => p.id).sort()).toEqual(kept.map((o) => o.id).sort());
  checkGeometry(m, 'screen, sanctions only', kept);
  expect(consoleErrors).toEqual([]);
});

/** Downloads the figure from the Export menu and returns its bytes. */
async function exportFile(page: Page, item: 'Download SVG' | 'Download PNG'): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export' }).click();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  return readFileSync(await (await downloaded).path());
}

/** A blank page (not the app, whose CSP rightly blocks inline fonts) showing an exported SVG at 1 unit = 1 px. */
async function showSvg(page: Page, svg: string): Promise<Page> {
  const blank = await page.context().newPage();
  await blank.setViewportSize({ width: 1000, height: 2000 });
  await blank.setContent('<!doctype html><body style="margin:0"></body>');
  await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    document.body.append(document.importNode(doc.documentElement, true));
  }, svg);
  await blank.evaluate(() => document.fonts.ready);
  return blank;
}

test('export: the SVG and the PNG draw the same geometry, and the screen and the SVG paint markers alike', async ({
  page,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openFixture(page, '&smooth=14');
  const screen = await measure(page, 'svg.figure-chart');
  const svg = (await exportFile(page, 'Download SVG')).toString('utf8');
  const png = await exportFile(page, 'Download PNG');

  const blank = await showSvg(page, svg);
  const m = await measure(blank, 'body > svg');
  expect(m.markers.map((p) => p.id).sort()).toEqual(fixture.observations.map((o) => o.id).sort());
  checkGeometry(m, 'exported SVG');

  // Same paint in both renderers, marker by marker.
  const paint = (p: Measured['markers'][number]) => [p.fill, p.fillOpacity, p.stroke, p.strokeOpacity];
  for (const p of m.markers) {
    const s = screen.markers.find((q) => q.id === p.id)!;
    expect(paint(p), `marker ${p.id}: screen and export paint alike`).toEqual(paint(s));
  }

  // Key events: the same numbered badges in the same colours.
  expect(m.badges).toEqual(screen.badges);
  expect(m.badges.map((b) => b.text)).toEqual(['1', '2']);

  // The PNG is the SVG at 2×: the +2 marker's centre pixel is Alpha's blue, and so is a line point.
  const two = m.markers.find((p) => p.id === TWO.id)!;
  const medium = m.markers.find((p) => p.id === 'g-004')!;
  const x = xAxis(m);
  const y = yAxis(m);
  const mirror = y(-2);
  const linePoint = expectedLine('alpha', fixture.observations, 14).find(
    (pt) => !m.markers.some((p) => Math.hypot(p.cx - x(pt.t), p.cy - y(pt.score)) < 10),
  )!;
  expect(linePoint, 'a line point clear of every marker').toBeTruthy();
  const probes = [
    { name: '+2 marker', x: two.cx, y: two.cy },
    { name: 'the same day at −2', x: two.cx, y: mirror },
    { name: 'alpha line', x: x(linePoint.t), y: y(linePoint.score) },
    { name: 'marker g-004 (medium)', x: medium.cx, y: medium.cy },
    // Just outside it: what the marker is painted over (white, or a band), to blend against.
    { name: 'beside g-004', x: medium.cx + medium.r + 3, y: medium.cy },
  ];
  const pixels = await page.evaluate(
    async ({ b64, probes }) => {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      return {
        width: bitmap.width,
        at: probes.map((p) =>
          Array.from(ctx.getImageData(Math.round(p.x * 2), Math.round(p.y * 2), 1, 1).data),
        ),
      };
    },
    { b64: png.toString('base64'), probes },
  );
  expect(pixels.width).toBe(1920);
  const near = (px: number[], hex: string, alpha: number, tol = 14, under = [255, 255, 255]) => {
    const n = parseInt(hex.slice(1), 16);
    const want = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(
      (c, i) => c * alpha + under[i]! * (1 - alpha),
    );
    return want.every((c, i) => Math.abs(c - px[i]!) <= tol);
  };
  const blue = colorOf('alpha');
  expect(near(pixels.at[0]!, blue, 1), `PNG ${probes[0]!.name}: ${String(pixels.at[0])}`).toBe(true);
  expect(
    near(pixels.at[1]!, blue, 1, 60),
    `PNG ${probes[1]!.name} is not the marker: ${String(pixels.at[1])}`,
  ).toBe(false);
  expect(near(pixels.at[2]!, blue, 1, 30), `PNG ${probes[2]!.name}: ${String(pixels.at[2])}`).toBe(true);
  expect(
    near(pixels.at[3]!, blue, OPACITY.medium, 10, pixels.at[4]),
    `PNG ${probes[3]!.name}: ${String(pixels.at[3])} over ${String(pixels.at[4])}`,
  ).toBe(true);
  expect(consoleErrors).toEqual([]);
});
