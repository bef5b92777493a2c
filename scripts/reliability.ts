// `npm run reliability [-- --freeze]`: the reliability figures of docs/codebook.md §11.
//   --freeze  writes docs/reliability/first-coding.json: the first coding (actor, kind, score, theme) of the
//             seeded sample, as it stood when the sample went to the blind second coder.
//   default   compares that first coding with docs/reliability/second-coding.json (the blind coder's file)
//             and prints exact and ±1 score agreement, Krippendorff's alpha (interval), kind, actor and theme
//             agreement, then the same for the reconciled dataset, and lists every disagreement.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetSchema } from '../src/domain/schema';
import {
  agreement,
  drawSample,
  RELIABILITY_SEED,
  RELIABILITY_SHARE,
  type Agreement,
  type Coding,
} from './lib/reliability';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(repoRoot, 'docs/reliability');
const firstPath = resolve(dir, 'first-coding.json');
const secondPath = resolve(dir, 'second-coding.json');
const dataset = datasetSchema.parse(
  JSON.parse(readFileSync(resolve(repoRoot, 'public/data/stances.json'), 'utf8')),
);
const codingOf = (id: string): Coding => {
  const o = dataset.observations.find((x) => x.id === id);
  if (!o) throw new Error(`no observation ${id} in the dataset`);
  return { id, actor: o.actor, kind: o.kind, score: o.score, theme: o.theme };
};

if (process.argv.includes('--freeze')) {
  const ids = drawSample(
    dataset.observations.map((o) => o.id),
    RELIABILITY_SHARE,
    RELIABILITY_SEED,
  );
  writeFileSync(firstPath, `${JSON.stringify(ids.map(codingOf), null, 2)}\n`);
  console.log(`reliability: froze the first coding of ${ids.length} sampled observations → ${firstPath}`);
  process.exit(0);
}

for (const p of [firstPath, secondPath]) {
  if (!existsSync(p)) {
    console.error(`reliability: ${p} is missing`);
    process.exit(1);
  }
}
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Coding[];
const first = read(firstPath);
const second = read(secondPath);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const report = (label: string, a: Agreement) => {
  console.log(`\n${label} (${a.units} observations)`);
  console.log(`  exact score agreement        ${pct(a.exactScore)}`);
  console.log(`  score within ±1              ${pct(a.withinOne)}`);
  console.log(`  Krippendorff's alpha (int.)  ${a.alphaInterval.toFixed(3)}`);
  console.log(`  kind agreement               ${pct(a.kind)}`);
  console.log(`  actor agreement              ${pct(a.actor)}`);
  console.log(`  theme agreement              ${pct(a.theme)}`);
};
const before = agreement(first, second);
report('First coding vs blind second coding, before reconciliation', before);
const reconciled = agreement(
  first.map((f) => codingOf(f.id)),
  second,
);
report('Reconciled dataset vs blind second coding', reconciled);
console.log('\nDisagreements before reconciliation (first → second; now):');
for (const d of before.disagreements) {
  const now = codingOf(d.id);
  const fmt = (c: Coding) => `${c.actor} ${c.kind} ${c.score > 0 ? '+' : ''}${c.score}`;
  console.log(`  ${d.id}: ${fmt(d.first)} → ${fmt(d.second)}; now ${fmt(now)}`);
}
