import type { CsvMapping } from '../../src/features/import/csv-mapping';

// The declared mappings and options the CSV mapper tests share: a six-column file (date, actor,
// score, theme, kind, quote) on the -3..3 stance scale, and its three-column cut.

export const baseMapping: CsvMapping = {
  date: 0,
  actor: 1,
  score: 2,
  theme: 3,
  kind: 4,
  speaker: null,
  quote: 5,
  summary: null,
  source: null,
  groupBy: null,
  firstRowIsData: false,
  numberRule: 'point',
  scale: 'stance',
  scoreMin: -3,
  scoreMax: 3,
  higherMeans: 'hawkish',
};

export const threeColumnMapping: CsvMapping = { ...baseMapping, theme: null, kind: null, quote: null };

export const mapOptions = { name: 'mine.csv', today: '2025-09-01' };
