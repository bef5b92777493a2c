import { describe, expect, it } from 'vitest';
import { createLocalSource } from '../../src/data/local-source';
import { indexDataset } from '../../src/domain/dataset-index';
import { generateSyntheticDataset } from '../../scripts/lib/synthetic';

describe('the local source', () => {
  it('counts observations per drawn day, every date precision included', async () => {
    for (const [observations, seed] of [
      [1, 1],
      [2_000, 2],
      [5_000, 3],
    ] as const) {
      const { dataset } = generateSyntheticDataset({ observations, actors: 6, themes: 3, seed });
      const index = indexDataset(dataset);
      const facts = await createLocalSource(index).facts();
      const plain = new Map<number, number>();
      for (let r = 0; r < index.count; r++) {
        const day = index.placed(r).day;
        plain.set(day, (plain.get(day) ?? 0) + 1);
      }
      const days = [...plain.keys()].sort((a, b) => a - b);
      expect(Array.from(facts.days.day)).toEqual(days);
      expect(Array.from(facts.days.n)).toEqual(days.map((d) => plain.get(d)));
      expect(facts.observationCount).toBe(observations);
    }
  });
});
