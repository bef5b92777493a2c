import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/chromium-args.mjs';

// The system Chromium (scripts/find-chromium.mjs); Playwright's own browser download is never used here.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SUBPATH = '/intranet/stance-tracker/';
// Ports and build folder can be moved so two test runs on one machine do not collide.
const port = Number(process.env.E2E_PORT ?? 4173);
const subpathPort = Number(process.env.E2E_SUBPATH_PORT ?? port + 1);
const outDir = process.env.E2E_OUTDIR ?? 'dist';
process.env.E2E_SUBPATH_PORT = String(subpathPort);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: {
    timeout: 10_000,
    // Visual baselines: the same Chromium and the committed font on every machine, so a few stray
    // anti-aliased pixels is all the tolerance needed; a moved marker or a changed colour is more.
    toHaveScreenshot: { maxDiffPixels: 40, animations: 'disabled', caret: 'hide' },
    toMatchSnapshot: { maxDiffPixels: 80 },
  },
  // One baseline per test and name, not per OS: CI runs the same Debian Chromium on a fresh clone.
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFileName}/{arg}{ext}',
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'off',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  // Tests that time the page (frame gaps) run after the rest, alone: with two workers on a 2-core machine
  // a parallel test's browser (an axe scan of the full bundled data, say) would starve the one being timed.
  // (Selecting such a test runs the main project first, as its dependency; `--project alone --no-deps` runs it alone.)
  projects: [
    { name: 'chromium', grepInvert: /@alone/ },
    { name: 'alone', grep: /@alone/, dependencies: ['chromium'] },
  ],
  webServer: [
    {
      command: `npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The same build served from a sub-path, as on an intranet server.
      command: `npx vite preview --outDir ${outDir} --port ${subpathPort} --strictPort --host 127.0.0.1 --base ${SUBPATH}`,
      url: `http://127.0.0.1:${subpathPort}${SUBPATH}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
