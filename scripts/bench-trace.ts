// npm run bench:trace [-- --observations N --toggles K]: where the time goes, from a Chromium trace.
// Builds the app unminified (so the CPU profile's lines map to source modules), opens a synthetic
// dataset of N observations (default 100,000; 8 of 50 actors selected, as the benchmark does), traces
// the load and K theme toggles, and prints per thread: busy time, longest task, and self time by
// module group (our files, recharts, react-dom, …), GC and style/layout/paint. Not a benchmark:
// tracing slows everything a little; use it to see shares, and `npm run bench` for the figures.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureChromium } from './find-chromium.mjs';
import { CHROMIUM_ARGS } from './chromium-args.mjs';
import { generateSyntheticDataset } from './lib/synthetic';
import { SETTLE_SCRIPT, type BenchWindow } from './lib/bench-page';
import { serveStatic } from './lib/static-server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('observations', 100_000);
const TOGGLES = arg('toggles', 6);
const OUT_DIR = '.tmp/dist-trace';
const PORT = Number(process.env.BENCH_PORT ?? 4291) + 1;
const ORIGIN = `http://127.0.0.1:${PORT}/`;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
}

function build() {
  const r = spawnSync(
    'npx',
    ['vite', 'build', '--logLevel', 'warn', '--outDir', OUT_DIR, '--emptyOutDir', '--minify', 'false'],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error('vite build failed');
}

/** Per built file: the line where each bundled module starts (the bundler's "// path" headers). */
function moduleMaps(): Map<string, { line: number; module: string }[]> {
  const maps = new Map<string, { line: number; module: string }[]>();
  const dir = join(OUT_DIR, 'assets');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const starts: { line: number; module: string }[] = [];
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = /^\s*\/\/ (?:\0)?((?:node_modules|src|\\0vite|vite)\/\S+)$/.exec(text);
        if (m) starts.push({ line: i, module: m[1]! });
      });
    maps.set(file, starts);
  }
  return maps;
}

/** A module path as a reporting group: each of our files by name, each package by its name. */
function groupOf(module: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (pkg) {
    const name = pkg[1]!;
    if (name === 'react-dom' || name === 'scheduler' || name === 'react') return 'react';
    if (['immer', 'reselect', 'es-toolkit', '@reduxjs/toolkit', 'redux', 'react-redux'].includes(name))
      return 'recharts (state: redux/immer/reselect)';
    if (name.startsWith('d3-') || name === 'victory-vendor' || name === 'decimal.js-light')
      return 'recharts (d3, decimal)';
    return name;
  }
  return module;
}

function locate(maps: ReturnType<typeof moduleMaps>, frame: CallFrame): string {
  if (!frame.url) return frame.functionName ? `(native) ${frame.functionName}` : '(native)';
  const file = frame.url.split('/').pop()!.split('?')[0]!;
  const starts = maps.get(file);
  if (!starts) return `(other) ${file}`;
  let found = file;
  for (const s of starts) {
    if (s.line <= frame.lineNumber) found = s.module;
    else break;
  }
  return groupOf(found);
}

const RENDER_EVENTS = new Set([
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'PrePaint',
  'Layerize',
  'Commit',
  'RecalculateStyles',
  'HitTest',
  'PaintImage',
  'UpdateLayer',
  'CompositeLayers',
]);

interface Window {
  label: string;
  start: number;
  end: number;
  divide: number;
}

function analyse(events: TraceEvent[], windows: Window[], maps: ReturnType<typeof moduleMaps>) {
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      threadNames.set(`${e.pid}:${e.tid}`, String((e.args as { name?: string }).name));
  // The renderer that ran our page: the one whose main thread has our user-timing marks.
  const mark = events.find((e) => e.name === 'bench:load-end');
  if (!mark) throw new Error('no bench marks in the trace');
  const pid = mark.pid;
  const threads = [...threadNames.entries()]
    .filter(([k, name]) => k.startsWith(`${pid}:`) && /CrRendererMain|DedicatedWorker/.test(name))
    .map(([k, name]) => ({ tid: Number(k.split(':')[1]), name }));

  // CPU profile samples per thread, with their time.
  const samplesByThread = new Map<number, { ts: number; node: number }[]>();
  const nodesByThread = new Map<number, Map<number, ProfileNode>>();
  const profileThread = new Map<string, number>();
  const profileTime = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile') {
      profileThread.set(e.id!, e.tid);
      profileTime.set(e.id!, (e.args as { data: { startTime: number } }).data.startTime);
    }
    if (e.name === 'ProfileChunk') {
      const tid = profileThread.get(e.id!) ?? e.tid;
      const data = (
        e.args as {
          data: { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
        }
      ).data;
      const nodes = nodesByThread.get(tid) ?? new Map<number, ProfileNode>();
      nodesByThread.set(tid, nodes);
      for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const list = samplesByThread.get(tid) ?? [];
      samplesByThread.set(tid, list);
      let t = profileTime.get(e.id!) ?? 0;
      const deltas = data.timeDeltas ?? [];
      (data.cpuProfile?.samples ?? []).forEach((node, i) => {
        t += deltas[i] ?? 0;
        list.push({ ts: t, node });
      });
      profileTime.set(e.id!, t);
    }
  }

  const report: Record<string, unknown> = {};
  for (const w of windows) {
    const perThread: Record<string, unknown> = {};
    for (const { tid, name } of threads) {
      const tasks = events.filter(
        (e) =>
          e.pid === pid &&
          e.tid === tid &&
          e.ph === 'X' &&
          (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
          e.ts >= w.start &&
          e.ts < w.end,
      );
      const busy = tasks.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
      if (busy < 1) continue;
      const longest = Math.max(0, ...tasks.map((e) => e.dur ?? 0)) / 1000;
      const render = new Map<string, number>();
      for (const e of events) {
        if (e.pid !== pid || e.tid !== tid || e.ph !== 'X' || e.ts < w.start || e.ts >= w.end) continue;
        if (RENDER_EVENTS.has(e.name)) render.set(e.name, (render.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      }
      const samples = (samplesByThread.get(tid) ?? []).sort((a, b) => a.ts - b.ts);
      const nodes = nodesByThread.get(tid) ?? new Map<number, ProfileNode>();
      const self = new Map<string, number>();
      const fns = new Map<string, number>();
      for (let i = 0; i + 1 < samples.length; i++) {
        const s = samples[i]!;
        if (s.ts < w.start || s.ts >= w.end) continue;
        const node = nodes.get(s.node);
        if (!node) continue;
        const fname = node.callFrame.functionName;
        if (fname === '(idle)' || fname === '(root)') continue;
        const dt = (samples[i + 1]!.ts - s.ts) / 1000;
        const group =
          fname === '(garbage collector)'
            ? 'GC'
            : fname === '(program)'
              ? '(browser: program)'
              : locate(maps, node.callFrame);
        self.set(group, (self.get(group) ?? 0) + dt);
        const key = `${group} :: ${fname || '(anonymous)'}`;
        fns.set(key, (fns.get(key) ?? 0) + dt);
      }
      const top = (m: Map<string, number>, k: number) =>
        Object.fromEntries(
          [...m.entries()]
            .sort((a, b) => b[1] - a[1])
            .slice(0, k)
            .map(([key, v]) => [key, Number((v / w.divide).toFixed(1))]),
        );
      perThread[`${name} (${tid})`] = {
        busy_ms: Number((busy / w.divide).toFixed(1)),
        longest_task_ms: Number(longest.toFixed(1)),
        self_ms_by_group: top(self, 14),
        style_layout_paint_ms: top(render, 8),
        top_functions_ms: top(fns, 12),
      };
    }
    report[w.label] = perThread;
  }
  return report;
}

async function main() {
  const executablePath = ensureChromium();
  build();
  const { dataset } = generateSyntheticDataset({ observations: N, actors: 50, themes: 10, seed: 2025 });
  mkdirSync(join(OUT_DIR, 'bench'), { recursive: true });
  writeFileSync(join(OUT_DIR, 'bench/trace.json'), JSON.stringify(dataset));
  const eight = Array.from({ length: 8 }, (_, i) => `actor-${String(i + 1).padStart(3, '0')}`).join(',');
  // The benchmark's own file server (no on-the-fly compression), so the trace shows what the bench measures.
  const server = await serveStatic(OUT_DIR, PORT);
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(SETTLE_SCRIPT);
    const page = await context.newPage();
    await page.goto(ORIGIN); // warm the HTTP cache and the compile cache
    await page.waitForSelector('figure .series-line');
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'v8',
        'blink.user_timing',
        'disabled-by-default-v8.cpu_profiler',
      ],
    });
    await page.evaluate(() => performance.mark('bench:load-start'));
    await page.goto(`${ORIGIN}?data=bench/trace.json&actors=${eight}`);
    // performance.mark does not survive navigation: the load window starts at the previous page's mark.
    await page.waitForFunction(() => document.querySelectorAll('figure .series-line').length >= 8, null, {
      polling: 'raf',
      timeout: 120_000,
    });
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))');
    await page.evaluate(() => performance.mark('bench:load-end'));
    await page.waitForTimeout(500);
    const box = page.getByRole('group', { name: 'Themes' }).getByRole('checkbox').first();
    for (let i = 0; i < TOGGLES; i++) {
      await page.evaluate(() => performance.mark('bench:toggle-start'));
      const handle = await box.elementHandle();
      await page.evaluate(
        (el) => (window as unknown as BenchWindow).__benchSettle(el, 'figure', 300),
        handle,
      );
      await page.evaluate(() => performance.mark('bench:toggle-end'));
      await page.waitForTimeout(300);
    }
    const buffer = await browser.stopTracing();
    mkdirSync('.tmp', { recursive: true });
    writeFileSync('.tmp/trace.json', buffer);
    const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
    const marks = (name: string) => traceEvents.filter((e) => e.name === name).map((e) => e.ts);
    const loadStart = marks('bench:load-start')[0]!;
    const loadEnd = marks('bench:load-end')[0]!;
    const toggleStarts = marks('bench:toggle-start');
    const toggleEnds = marks('bench:toggle-end');
    const windows: Window[] = [{ label: 'load', start: loadStart, end: loadEnd, divide: 1 }];
    windows.push({
      label: `theme toggle (mean of ${toggleStarts.length})`,
      start: toggleStarts[0]!,
      end: toggleEnds[toggleEnds.length - 1]!,
      divide: toggleStarts.length,
    });
    const report = analyse(traceEvents, windows, moduleMaps());
    console.log(
      `Trace of ${N.toLocaleString('en')} observations (unminified build; trace saved to .tmp/trace.json)`,
    );
    console.log(`load window ${((loadEnd - loadStart) / 1000).toFixed(0)} ms (navigation to chart drawn)`);
    console.log(JSON.stringify(report, null, 2));
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
