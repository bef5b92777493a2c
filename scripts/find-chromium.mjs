// Finds the system Chromium for Playwright; never downloads a browser (no `playwright install` here).
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const found = r.status === 0 ? r.stdout.trim() : '';
  return found && isExecutable(found) ? found : null;
}

/** CHROMIUM_PATH, else /usr/bin/chromium, else chromium/chromium-browser/google-chrome on PATH. */
export function locateChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file.`);
  }
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = onPath(name);
    if (found) return found;
  }
  return null;
}

/** Finds Chromium, installing Debian's package when running as root with apt-get; else a one-line instruction. */
export function ensureChromium({ log = console.log } = {}) {
  const found = locateChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && onPath('apt-get')) {
    log("Chromium not found: installing Debian's chromium package with apt-get (about a minute).");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync(
      'apt-get',
      [
        'install',
        '-y',
        '-qq',
        '--no-install-recommends',
        'chromium',
        'fonts-dejavu-core',
        'fonts-liberation',
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
        env,
      },
    );
    const after = locateChromium();
    if (after) return after;
  }
  throw new Error(
    'No Chromium found: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chrome/Chromium binary.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureChromium());
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
