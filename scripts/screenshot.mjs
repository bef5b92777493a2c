// Takes the README screenshot of the real app (production build, system Chromium), saved to docs/.
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { ensureChromium } from './find-chromium.mjs';
import { CHROMIUM_ARGS } from './chromium-args.mjs';

const out = process.argv[2] ?? 'docs/screenshot.png';
const query = process.argv[3] ?? '';
const width = Number(process.argv[4] ?? 1280);
const executablePath = ensureChromium();
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const port = 4179;
const server = spawn(
  'npx',
  ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
  {
    stdio: 'ignore',
    detached: true,
  },
);
const stop = () => {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
try {
  const url = `http://127.0.0.1:${port}/${query}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({
    viewport: { width, height: width < 600 ? 800 : 860 },
    deviceScaleFactor: 1,
  });
  await page.goto(url);
  await page.getByRole('figure', { name: /^Stance over time/ }).waitFor();
  await page.waitForTimeout(300);
  // The first screen, as a user sees it on opening; the page below (summary, table) continues.
  await page.screenshot({ path: out, fullPage: false });
  await browser.close();
  console.log(`saved ${out}`);
} finally {
  stop();
}
