// `npm run data:check [dataset.json] [--no-targets]`: validates the bundled dataset (or the file given)
// with the app's schema, checks every quote against its source text and the web-source rules, prints
// coverage and the coverage targets (issue 11), and exits 1 listing each problem. --no-targets skips the
// targets, which describe the bundled dataset, when checking another file.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BUNDLED_TARGETS,
  checkDataset,
  formatCoverage,
  formatProblem,
  formatTargets,
} from './lib/data-check';
import { datasetSchema } from '../src/domain/schema';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const useTargets = !args.includes('--no-targets');
const fileArg = args.find((a) => !a.startsWith('--'));
const datasetPath = resolve(process.cwd(), fileArg ?? resolve(repoRoot, 'public/data/stances.json'));

function fail(message: string): never {
  console.error(`data:check: ${message}`);
  process.exit(1);
}

let raw: unknown;
try {
  raw = JSON.parse(readFileSync(datasetPath, 'utf8'));
} catch (error) {
  fail(`cannot read ${datasetPath}: ${error instanceof Error ? error.message : String(error)}`);
}

// Source files are repo-relative paths; read each one the dataset names, skip the ones that are missing.
const sourceTexts: Record<string, string> = {};
const sources = typeof raw === 'object' && raw !== null && 'sources' in raw ? raw.sources : [];
for (const s of Array.isArray(sources) ? (sources as unknown[]) : []) {
  if (typeof s !== 'object' || s === null || !('file' in s) || typeof s.file !== 'string') continue;
  const path = resolve(repoRoot, s.file);
  if (existsSync(path)) sourceTexts[s.file] = readFileSync(path, 'utf8');
}

const { problems, coverage, targets } = checkDataset(
  raw,
  sourceTexts,
  useTargets ? BUNDLED_TARGETS : undefined,
);
const parsed = datasetSchema.safeParse(raw);

console.log(`data:check ${datasetPath}\n`);
// On a broken file the table counts only the observations that parse.
console.log(`Observations per actor × theme${parsed.success ? '' : ' (entries that parse)'}:\n`);
console.log(formatCoverage(coverage));
console.log('');
// Actors in the dataset's order, everything else alphabetically.
const list = (counts: Record<string, number>, order: string[] = []) =>
  Object.entries(counts)
    .sort(([a], [b]) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      if (ia !== ib) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
      return a.localeCompare(b);
    })
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
console.log(`observations: ${coverage.total}`);
console.log(`per actor:    ${list(coverage.byActor, coverage.actors)}`);
console.log(`per kind:     ${list(coverage.byKind)}`);
// Bundled texts one by one; the hundreds of web reports as one count (data:check lists any faulty one).
const bundledIds = new Set(
  parsed.success ? parsed.data.sources.filter((s) => s.file !== undefined).map((s) => s.id) : [],
);
const fromBundled = Object.fromEntries(
  Object.entries(coverage.bySource).filter(([id]) => bundledIds.has(id)),
);
const fromWeb = Object.entries(coverage.bySource)
  .filter(([id]) => !bundledIds.has(id))
  .reduce((n, [, c]) => n + c, 0);
console.log(`per source:   ${list(fromBundled)}${fromWeb ? `, web reports ${fromWeb}` : ''}`);
if (parsed.success) {
  console.log(`events:       ${parsed.data.events.length}`);
  const web = parsed.data.sources.filter((s) => s.file === undefined).length;
  console.log(
    `sources:      ${parsed.data.sources.length} (${web} web, ${parsed.data.sources.length - web} bundled texts)`,
  );
}
if (targets.length > 0) {
  console.log('\nCoverage targets:\n');
  console.log(formatTargets(targets));
}

if (problems.length > 0) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
  for (const p of problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
console.log('\nOK: no problems found.');
