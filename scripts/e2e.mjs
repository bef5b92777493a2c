// Runs the browser tests: finds (or installs) the system Chromium, builds, then Playwright against `vite preview`.
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './find-chromium.mjs';

let chromium;
try {
  chromium = ensureChromium();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const args = process.argv.slice(2);
const outDir = process.env.E2E_OUTDIR ?? 'dist';
run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir']);
// Two browser-test runs on one 2-core machine starve each other into timeouts: where `flock` exists,
// a second run waits for the first (E2E_LOCK=0 turns this off; E2E_PORT still separates their servers).
const lockFile = process.env.E2E_LOCK ?? join(tmpdir(), 'stance-tracker-e2e.lock');
const canLock =
  lockFile !== '0' && spawnSync('sh', ['-c', 'command -v flock'], { stdio: 'ignore' }).status === 0;
if (canLock) {
  console.log(`Browser tests: waiting for any other run on this machine (lock ${lockFile})…`);
  run('flock', [lockFile, 'npx', 'playwright', 'test', ...args], { CHROMIUM_PATH: chromium });
} else {
  run('npx', ['playwright', 'test', ...args], { CHROMIUM_PATH: chromium });
}
