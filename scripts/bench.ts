// npm run bench [-- --quick]: builds, serves the production build and measures it in Chromium.
// Cases: the bundled dataset, and synthetic datasets of 10,000 and 100,000 observations (50 actors,
// 8 selected, 10 themes); --quick runs only the bundled and 10,000 cases. Writes bench/results.json
// (a quick run writes bench/results-quick.json instead).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { ensureChromium } from './find-chromium.mjs';
import { generateSyntheticDataset } from './lib/synthetic';

const quick = process.argv.includes('--quick');
const OUT_DIR = '.tmp/dist-bench';
const PORT = Number(process.env.BENCH_PORT ?? 4291);
const ORIGIN = `http://127.0.0.1:${PORT}/`;
const FILTER_CHANGES = 10;
const LOADS = 3;

interface Row {
  dataset: string;
  observations: number;
  load_ms: number;
  filter_p50_ms: number;
  longest_task_ms: number;
  export_png_ms: number;
  heap_mb: number;
  bundle_js_gzip_kb: number;
  bundle_css_gzip_kb: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 0) => Number(x.toFixed(digits));

function build() {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', OUT_DIR, '--emptyOutDir'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('vite build failed');
}

function writeSynthetic(n: number): string {
  const { dataset } = generateSyntheticDataset({ observations: n, actors: 50, themes: 10, seed: 2025 });
  mkdirSync(join(OUT_DIR, 'bench'), { recursive: true });
  const rel = `bench/synthetic-${n}.json`;
  writeFileSync(join(OUT_DIR, rel), JSON.stringify(dataset));
  return rel;
}

async function startServer(): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    { stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(ORIGIN)).ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start on ${ORIGIN}`);
}

/** Resolves once the chart shows `lines` series, measured at the next animation frame. */
async function chartDrawn(page: Page, lines: number): Promise<number> {
  await page.waitForFunction((n) => document.querySelectorAll('figure path.series-line').length >= n, lines, {
    polling: 'raf',
    timeout: 60_000,
  });
  return page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
}

async function measureCase(
  browser: Browser,
  name: string,
  observations: number,
  query: string,
  lines: number,
) {
  const loads: number[] = [];
  const heaps: number[] = [];
  const firstPaintFiles = new Set<string>();
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on('response', (res) => {
      const path = new URL(res.url()).pathname;
      if (/\.(js|css)$/.test(path)) firstPaintFiles.add(path);
    });
    await page.goto(`${ORIGIN}${query}`);
    loads.push(await chartDrawn(page, lines));
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    heaps.push(heap.usedSize / 2 ** 20);
    if (i < LOADS - 1) await context.close();
    else {
      const filter = await measureFilterChanges(page);
      const exportMs = await measureExport(page);
      await context.close();
      return { loads, heaps, filter, exportMs, firstPaintFiles };
    }
  }
  throw new Error('unreachable');
}

async function measureFilterChanges(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const themes = page.getByRole('group', { name: 'Themes' }).getByRole('checkbox');
  const target = themes.first();
  await target.waitFor();
  const times: number[] = [];
  for (let i = 0; i < FILTER_CHANGES; i++) {
    const handle = await target.elementHandle();
    // Click to the next painted frame after the chart's DOM changed.
    const ms = await page.evaluate(
      (el) =>
        new Promise<number>((resolve) => {
          const figure = document.querySelector('figure');
          if (!el || !figure) throw new Error('no checkbox or figure');
          const t0 = performance.now();
          const mo = new MutationObserver(() => {
            mo.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          });
          mo.observe(figure, { subtree: true, childList: true, attributes: true, characterData: true });
          (el as HTMLElement).click();
        }),
      handle,
    );
    times.push(ms);
    await page.waitForTimeout(100);
  }
  const longest = await page.evaluate(() =>
    Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks),
  );
  return { p50: median(times), longest };
}

async function measureExport(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const item = page.getByRole('menuitem', { name: 'Download PNG' });
  await item.waitFor();
  const started = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), item.click()]);
  await download.path();
  return Date.now() - started;
}

function gzipKb(files: Set<string>, ext: string): number {
  let total = 0;
  for (const path of files) {
    if (!path.endsWith(ext)) continue;
    const local = join(OUT_DIR, path.replace(/^\//, ''));
    total += gzipSync(readFileSync(local)).length;
  }
  return round(total / 1024, 1);
}

async function main() {
  const executablePath = ensureChromium();
  build();
  copyFileSync('public/data/stances.json', join(OUT_DIR, 'data/stances.json'));
  const bundled = JSON.parse(readFileSync('public/data/stances.json', 'utf8')) as {
    actors: { id: string }[];
    observations: { actor: string }[];
  };
  const bundledLines = bundled.actors.filter((a) =>
    bundled.observations.some((o) => o.actor === a.id),
  ).length;
  const eight = Array.from({ length: 8 }, (_, i) => `actor-${String(i + 1).padStart(3, '0')}`).join(',');
  const cases: { name: string; n: number; query: string; lines: number }[] = [
    { name: 'bundled', n: bundled.observations.length, query: '', lines: bundledLines },
    { name: 'synthetic-10k', n: 10_000, query: `?data=${writeSynthetic(10_000)}&actors=${eight}`, lines: 8 },
  ];
  if (!quick)
    cases.push({
      name: 'synthetic-100k',
      n: 100_000,
      query: `?data=${writeSynthetic(100_000)}&actors=${eight}`,
      lines: 8,
    });

  const server = await startServer();
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const rows: Row[] = [];
  let bundleJs = 0;
  let bundleCss = 0;
  try {
    for (const c of cases) {
      const r = await measureCase(browser, c.name, c.n, c.query, c.lines);
      if (c.name === 'bundled') {
        bundleJs = gzipKb(r.firstPaintFiles, '.js');
        bundleCss = gzipKb(r.firstPaintFiles, '.css');
      }
      rows.push({
        dataset: c.name,
        observations: c.n,
        load_ms: round(median(r.loads)),
        filter_p50_ms: round(r.filter.p50, 1),
        longest_task_ms: round(r.filter.longest),
        export_png_ms: round(r.exportMs),
        heap_mb: round(median(r.heaps), 1),
        bundle_js_gzip_kb: 0,
        bundle_css_gzip_kb: 0,
      });
    }
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid!);
    } catch {
      /* already gone */
    }
  }
  for (const row of rows) {
    row.bundle_js_gzip_kb = bundleJs;
    row.bundle_css_gzip_kb = bundleCss;
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium headless`;
  console.log(`\nStance Tracker benchmark (${quick ? 'quick' : 'full'}) on ${machine}\n`);
  console.table(rows);
  mkdirSync('bench', { recursive: true });
  // A quick run (CI) must not overwrite the full run kept in the repository as the budget evidence.
  const out = quick ? 'bench/results-quick.json' : 'bench/results.json';
  writeFileSync(out, JSON.stringify(rows, null, 2) + '\n');
  if (!quick) writeFileSync('bench/machine.txt', `${machine}\nrun ${new Date().toISOString()}\n`);
  console.log(`wrote ${out}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
