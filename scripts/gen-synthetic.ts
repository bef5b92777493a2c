// npm run gen:synthetic -- --observations N --actors A --themes T --seed S --out FILE [--truth FILE]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSyntheticDataset } from './lib/synthetic';
import { validateDataset } from '../src/domain/validate';

const { values } = parseArgs({
  options: {
    observations: { type: 'string', default: '10000' },
    actors: { type: 'string', default: '50' },
    themes: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    truth: { type: 'string' },
  },
});

const num = (name: string, v: string | undefined, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number ≥ ${min} (got "${v}")`);
    process.exit(2);
  }
  return n;
};

if (!values.out) {
  console.error('--out FILE is required, e.g. --out .tmp/synthetic-10k.json');
  process.exit(2);
}
const { dataset, pivots } = generateSyntheticDataset({
  observations: num('observations', values.observations, 1),
  actors: num('actors', values.actors, 1),
  themes: num('themes', values.themes, 1),
  seed: num('seed', values.seed, 0),
});
const check = validateDataset(dataset);
if (!check.ok) {
  console.error('generated dataset failed validation:', check.problems.slice(0, 5));
  process.exit(1);
}
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, JSON.stringify(dataset));
if (values.truth) writeFileSync(values.truth, JSON.stringify(pivots, null, 2));
console.log(
  `wrote ${values.out}: ${dataset.observations.length} observations, ${dataset.actors.length} actors, ${pivots.length} known pivots`,
);
