// Runs the browser tests: finds (or installs) the system Chromium, builds, then Playwright against `vite preview`.
import { spawnSync } from 'node:child_process';
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
run('npx', ['playwright', 'test', ...args], { CHROMIUM_PATH: chromium });
