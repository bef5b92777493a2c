// `npm run reliability:sample [out.json] [--seed N] [--share 0.15]`: draws a seeded random sample of the
// bundled observations for a blind second coding (docs/codebook.md §11). The output holds only what a
// coder needs to code from the codebook alone — id, date, speaker, quote and where the words were reported —
// never the first coding (actor, kind, score, theme, summary, rationale).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetSchema } from '../src/domain/schema';
import { drawSample, RELIABILITY_SEED, RELIABILITY_SHARE, sampleForCoder } from './lib/reliability';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seed = Number(flag('--seed') ?? RELIABILITY_SEED);
const share = Number(flag('--share') ?? RELIABILITY_SHARE);
const out = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));

const dataset = datasetSchema.parse(
  JSON.parse(readFileSync(resolve(repoRoot, 'public/data/stances.json'), 'utf8')),
);
const ids = drawSample(
  dataset.observations.map((o) => o.id),
  share,
  seed,
);
const rows = sampleForCoder(dataset, ids);
const text = `${JSON.stringify(rows, null, 2)}\n`;
if (out) {
  writeFileSync(resolve(process.cwd(), out), text);
  console.log(
    `reliability:sample: ${rows.length} of ${dataset.observations.length} observations (seed ${seed}) → ${out}`,
  );
} else process.stdout.write(text);
