// npm run bench [-- --quick]: builds the app and a baseline page, serves both and measures them side by
// side in headless Chromium, interleaved (app, baseline, app, baseline, …) so both see the same machine.
//
// Cases: the bundled dataset (app only), and seeded synthetic datasets of 10,000, 100,000 and 1,000,000
// observations (50 actors, 8 selected, 10 themes; rows carry no quote). --quick (CI) runs the bundled and
// 10,000 cases with fewer rounds and writes bench/results-quick.json; the full run writes
// bench/results.json. Figures are printed and kept, never judged here: no exit code depends on them.
//
// The baseline (bench/baseline/main.tsx) is a plain Recharts page built from the same packages: raw
// points per actor as lines, dots and animation off, no downsampling, filters in useState.
//
// Both pages are served by one plain file server without compression (scripts/lib/static-server.ts).
//
// What is measured, for both pages alike:
// - load: navigation to the paint after the chart's LAST change, once its 8 lines are drawn and it has
//   been quiet for QUIET_MS;
// - filter: a click on the first theme checkbox to the paint after the chart's LAST change (quiet for
//   QUIET_MS), median over every toggle of every round;
// - longest task: the longest main-thread task (PerformanceObserver 'longtask') from navigation through
//   the toggles, median over rounds (the max over rounds is kept too);
// - heap: after load and a forced GC, the page's JS heap plus its ArrayBuffer backing stores plus every
//   dedicated worker's heap (so data kept in a worker or in typed arrays is counted), median over rounds.
import { createWriteStream, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { ensureChromium } from './find-chromium.mjs';
import { CHROMIUM_ARGS } from './chromium-args.mjs';
import { generateSyntheticDataset } from './lib/synthetic';
import { SETTLE_SCRIPT, type BenchWindow } from './lib/bench-page';
import { serveStatic } from './lib/static-server';

const quick = process.argv.includes('--quick');
const OUT_DIR = '.tmp/dist-bench';
const PORT = Number(process.env.BENCH_PORT ?? 4291);
const ORIGIN = `http://127.0.0.1:${PORT}/`;
const ROUNDS = quick ? 2 : 3;
const TOGGLES = quick ? 5 : 7;
const QUIET_MS = 300;
/** A page that has not drawn its chart within this time is reported as over the cap, not waited for. */
const LOAD_CAP_MS = 60_000;
const LINE = 'figure .series-line';

interface RunResult {
  load_ms: number;
  heap_mb: number;
  filter_ms: number[];
  longest_task_ms: number;
  export_png_ms?: number;
}

interface PageSummary {
  runs: number;
  load_ms: number;
  filter_p50_ms: number;
  longest_task_ms: number;
  longest_task_max_ms: number;
  heap_mb: number;
  export_png_ms?: number;
}

type Side = PageSummary | { over_cap: string };

interface CaseResult {
  dataset: string;
  observations: number;
  /** The app's figures, or why it could not be measured (an error it showed, or the cap). */
  app: PageSummary | { failed: string };
  baseline: Side | null;
  /** Baseline ÷ app: how many times faster (or smaller) the app is; null where not measurable. */
  ratios: {
    load: number | null;
    filter_p50: number | null;
    longest_task: number | null;
    heap: number | null;
  } | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 0) => Number(x.toFixed(digits));

async function buildPages() {
  const outDir = resolve(OUT_DIR);
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  await build({
    configFile: false,
    root: resolve('bench/baseline'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: join(outDir, 'baseline'), emptyOutDir: true, target: 'es2022' },
  });
}

/** Writes the synthetic dataset as JSON, streaming the observations so 1,000,000 rows need no giant string. */
async function writeSynthetic(n: number): Promise<string> {
  const { dataset } = generateSyntheticDataset({ observations: n, actors: 50, themes: 10, seed: 2025 });
  mkdirSync(join(OUT_DIR, 'bench'), { recursive: true });
  const rel = `bench/synthetic-${n}.json`;
  const out = createWriteStream(join(OUT_DIR, rel));
  const { observations, ...rest } = dataset;
  const head = JSON.stringify({ ...rest, observations: [] });
  out.write(head.slice(0, -2)); // up to and including the observations' opening bracket
  for (let i = 0; i < observations.length; i += 10_000) {
    const chunk = observations.slice(i, i + 10_000).map((o) => JSON.stringify(o));
    if (!out.write((i ? ',' : '') + chunk.join(',')))
      await new Promise<void>((r) => out.once('drain', () => r()));
  }
  out.write(']}');
  await new Promise<void>((r, j) => out.end((err?: Error | null) => (err ? j(err) : r())));
  return rel;
}

/** CDP to a dedicated worker, through the page's session (Playwright gives workers no session of their own). */
async function workerCommand(cdp: CDPSession, sessionId: string, id: number, method: string) {
  const reply = new Promise<string>((resolveReply) => {
    const on = (e: { sessionId: string; message: string }) => {
      if (e.sessionId === sessionId && e.message.includes(`"id":${id},`)) {
        cdp.off('Target.receivedMessageFromTarget', on);
        resolveReply(e.message);
      }
    };
    cdp.on('Target.receivedMessageFromTarget', on);
  });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
  return JSON.parse(await reply) as { result?: { usedSize?: number; backingStorageSize?: number } };
}

/** MB after a forced GC: the page's JS heap + its ArrayBuffers + every dedicated worker's heap. */
async function measureHeap(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const main = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  let bytes = main.usedSize + (main.backingStorageSize ?? 0);
  const { targetInfos } = await cdp.send('Target.getTargets');
  for (const t of targetInfos.filter((x) => x.type === 'worker')) {
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      await workerCommand(cdp, sessionId, 1, 'HeapProfiler.collectGarbage');
      const usage = await workerCommand(cdp, sessionId, 2, 'Runtime.getHeapUsage');
      bytes += (usage.result?.usedSize ?? 0) + (usage.result?.backingStorageSize ?? 0);
      await cdp.send('Target.detachFromTarget', { sessionId });
    } catch {
      // A worker of another page or one that just ended: nothing of ours to count.
    }
  }
  await cdp.detach();
  return bytes / 2 ** 20;
}

async function measureExport(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const item = page.getByRole('menuitem', { name: 'Download PNG' });
  await item.waitFor();
  const started = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), item.click()]);
  await download.path();
  return Date.now() - started;
}

class OverCap extends Error {}

async function runPage(
  browser: Browser,
  url: string,
  lines: number,
  opts: { exportPng: boolean; firstPaintFiles?: Set<string> },
): Promise<RunResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  try {
    // The load detector starts at document start, so a chart drawn before the load event is not missed.
    await context.addInitScript({
      content: `${SETTLE_SCRIPT}\nwindow.__benchLoad = window.__benchDrawn(${JSON.stringify(LINE)}, ${lines}, ${QUIET_MS});`,
    });
    const page = await context.newPage();
    const files = new Set<string>();
    page.on('response', (res) => {
      const path = new URL(res.url()).pathname;
      if (/\.(js|css)$/.test(path)) files.add(path);
    });
    await page.goto(url, { waitUntil: 'commit' });
    const loaded = page.evaluate(() => (window as unknown as BenchWindow).__benchLoad);
    let capTimer: NodeJS.Timeout | undefined;
    const capped = new Promise<never>((_, reject) => {
      capTimer = setTimeout(() => reject(new OverCap(`load > ${LOAD_CAP_MS / 1000} s`)), LOAD_CAP_MS);
    });
    const load = await Promise.race([loaded, capped])
      .catch(async (err: unknown) => {
        const shown = await page.locator('[role=alert]').allInnerTexts();
        throw shown.length ? new Error(`${url}: ${shown.join(' ')}`) : err;
      })
      .finally(() => clearTimeout(capTimer));
    if (opts.firstPaintFiles) for (const f of files) opts.firstPaintFiles.add(f);
    const heap = await measureHeap(context, page);

    const box = page.getByRole('group', { name: 'Themes' }).getByRole('checkbox').first();
    await box.waitFor();
    const filter: number[] = [];
    for (let i = 0; i < TOGGLES; i++) {
      const handle = await box.elementHandle();
      const ms = await page.evaluate(
        ([el, quiet]) => (window as unknown as BenchWindow).__benchSettle(el, 'figure', quiet),
        [handle, QUIET_MS] as const,
      );
      if (ms < 0) throw new Error(`the chart did not change after a theme toggle (${url})`);
      filter.push(ms);
      await page.waitForTimeout(100);
    }
    const longest = await page.evaluate(() =>
      Math.max(0, ...(window as unknown as BenchWindow).__benchLongTasks),
    );
    const exportMs = opts.exportPng ? await measureExport(page) : undefined;
    return {
      load_ms: load,
      heap_mb: heap,
      filter_ms: filter,
      longest_task_ms: longest,
      export_png_ms: exportMs,
    };
  } finally {
    await context.close();
  }
}

function summarise(runs: RunResult[]): PageSummary {
  const exports = runs.map((r) => r.export_png_ms).filter((x): x is number => x !== undefined);
  return {
    runs: runs.length,
    load_ms: round(median(runs.map((r) => r.load_ms))),
    filter_p50_ms: round(median(runs.flatMap((r) => r.filter_ms)), 1),
    longest_task_ms: round(median(runs.map((r) => r.longest_task_ms))),
    longest_task_max_ms: round(Math.max(...runs.map((r) => r.longest_task_ms))),
    heap_mb: round(median(runs.map((r) => r.heap_mb)), 1),
    ...(exports.length ? { export_png_ms: round(median(exports)) } : {}),
  };
}

// Two decimals: at one, 1.95× would read as the 2× a target asks for.
const ratio = (baseline: number, app: number) => (app > 0 ? round(baseline / app, 2) : null);

function gzipKb(files: Set<string>, ext: string): number {
  let total = 0;
  for (const path of files) {
    if (!path.endsWith(ext) || path.includes('/baseline/')) continue;
    total += gzipSync(readFileSync(join(OUT_DIR, path.replace(/^\//, '')))).length;
  }
  return round(total / 1024, 1);
}

function fmt(x: number | undefined, digits = 0) {
  return x === undefined
    ? '—'
    : x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function markdownTable(cases: CaseResult[]): string {
  const rows = [
    '| dataset | observations | page | load ms | filter p50 ms | longest task ms | heap MB |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const c of cases) {
    const a = c.app;
    if ('failed' in a) {
      rows.push(
        `| ${c.dataset} | ${c.observations.toLocaleString('en-GB')} | Stance Tracker | failed: ${a.failed} | — | — | — |`,
      );
      continue;
    }
    rows.push(
      `| ${c.dataset} | ${c.observations.toLocaleString('en-GB')} | Stance Tracker | ${fmt(a.load_ms)} | ${fmt(a.filter_p50_ms, 1)} | ${fmt(a.longest_task_ms)} | ${fmt(a.heap_mb, 1)} |`,
    );
    if (!c.baseline) continue;
    if ('over_cap' in c.baseline) {
      rows.push(`| | | plain Recharts page | over cap (${c.baseline.over_cap}) | — | — | — |`);
      continue;
    }
    const b = c.baseline;
    rows.push(
      `| | | plain Recharts page | ${fmt(b.load_ms)} | ${fmt(b.filter_p50_ms, 1)} | ${fmt(b.longest_task_ms)} | ${fmt(b.heap_mb, 1)} |`,
    );
    const r = c.ratios!;
    const x = (v: number | null) => (v === null ? '—' : `${fmt(v, 2)}×`);
    rows.push(
      `| | | app ahead by | ${x(r.load)} | ${x(r.filter_p50)} | ${x(r.longest_task)} | ${x(r.heap)} |`,
    );
  }
  return rows.join('\n');
}

async function main() {
  const executablePath = ensureChromium();
  const loadBefore = loadavg().map((l) => round(l, 2));
  await buildPages();
  copyFileSync('public/data/stances.json', join(OUT_DIR, 'data/stances.json'));
  const bundled = JSON.parse(readFileSync('public/data/stances.json', 'utf8')) as {
    actors: { id: string }[];
    observations: { actor: string }[];
  };
  const bundledLines = bundled.actors.filter((a) =>
    bundled.observations.some((o) => o.actor === a.id),
  ).length;
  const eight = Array.from({ length: 8 }, (_, i) => `actor-${String(i + 1).padStart(3, '0')}`).join(',');
  // --sizes 100000,1000000: only these synthetic cases (for iterating on one; the report says so).
  const sizesArg = process.argv.indexOf('--sizes');
  const sizes =
    sizesArg > 0
      ? process.argv[sizesArg + 1]!.split(',').map(Number)
      : quick
        ? [10_000]
        : [10_000, 100_000, 1_000_000];
  const cases: { name: string; n: number; app: string; baseline: string | null; lines: number }[] = [
    { name: 'bundled', n: bundled.observations.length, app: '', baseline: null, lines: bundledLines },
  ];
  for (const n of sizes) {
    const rel = await writeSynthetic(n);
    const label = n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
    cases.push({
      name: `synthetic-${label}`,
      n,
      app: `?data=${rel}&actors=${eight}`,
      baseline: `baseline/index.html?data=../${rel}&actors=${eight}`,
      lines: 8,
    });
  }

  const server = await serveStatic(OUT_DIR, PORT);
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  const results: CaseResult[] = [];
  const firstPaintFiles = new Set<string>();
  try {
    for (const c of cases) {
      const appRuns: RunResult[] = [];
      const baseRuns: RunResult[] = [];
      let overCap: string | null = null;
      let failed: string | null = null;
      for (let r = 0; r < ROUNDS; r++) {
        if (!failed) {
          try {
            appRuns.push(
              await runPage(browser, `${ORIGIN}${c.app}`, c.lines, {
                exportPng: r === ROUNDS - 1,
                firstPaintFiles: c.name === 'bundled' && r === 0 ? firstPaintFiles : undefined,
              }),
            );
          } catch (err) {
            // Reported in the results rather than ending the run: the other cases still say something,
            // and the baseline is still measured, so a failure of ours never hides its figures.
            failed = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 300);
          }
        }
        if (c.baseline === null || overCap) continue;
        try {
          baseRuns.push(await runPage(browser, `${ORIGIN}${c.baseline}`, c.lines, { exportPng: false }));
        } catch (err) {
          if (!(err instanceof OverCap)) throw err;
          overCap = err.message;
        }
      }
      const app = failed !== null ? { failed } : summarise(appRuns);
      const baseline: Side | null =
        c.baseline === null || baseRuns.length + (overCap ? 1 : 0) === 0
          ? null
          : overCap
            ? { over_cap: overCap }
            : summarise(baseRuns);
      const ratios =
        baseline && !('over_cap' in baseline) && !('failed' in app)
          ? {
              load: ratio(baseline.load_ms, app.load_ms),
              filter_p50: ratio(baseline.filter_p50_ms, app.filter_p50_ms),
              longest_task: ratio(baseline.longest_task_ms, app.longest_task_ms),
              heap: ratio(baseline.heap_mb, app.heap_mb),
            }
          : null;
      results.push({ dataset: c.name, observations: c.n, app, baseline, ratios });
      console.log(`${c.name}: app ${JSON.stringify(app)} baseline ${JSON.stringify(baseline)}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium headless`;
  const report = {
    mode: quick ? 'quick' : 'full',
    run: new Date().toISOString(),
    machine,
    load_average: { before: loadBefore, after: loadavg().map((l) => round(l, 2)) },
    method: {
      rounds: ROUNDS,
      toggles_per_round: TOGGLES,
      quiet_ms: QUIET_MS,
      load_cap_ms: LOAD_CAP_MS,
      interleaved: 'app, baseline, app, baseline, … per case',
    },
    first_paint: {
      js_gzip_kb: gzipKb(firstPaintFiles, '.js'),
      css_gzip_kb: gzipKb(firstPaintFiles, '.css'),
    },
    cases: results,
  };
  console.log(`\nStance Tracker benchmark (${report.mode}) on ${machine}`);
  console.log(`load average before ${loadBefore.join(' ')}, after ${report.load_average.after.join(' ')}\n`);
  console.log(markdownTable(results));
  console.log(
    `\nfirst-paint JavaScript ${report.first_paint.js_gzip_kb} KB gzip, CSS ${report.first_paint.css_gzip_kb} KB gzip`,
  );
  mkdirSync('bench', { recursive: true });
  // A quick run (CI) must not overwrite the full run kept in the repository as the evidence.
  const out = quick
    ? 'bench/results-quick.json'
    : process.argv.includes('--sizes')
      ? '.tmp/bench-partial.json'
      : 'bench/results.json';
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  console.log(`wrote ${out}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
