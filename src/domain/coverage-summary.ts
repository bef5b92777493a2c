import type { Dataset, Source } from './schema';

export type SourceType = 'Bundled source text' | 'Official text or transcript' | 'Wire copy' | 'News outlet';

export const SOURCE_TYPES: SourceType[] = [
  'Bundled source text',
  'Official text or transcript',
  'Wire copy',
  'News outlet',
];

// Wire services and state news agencies whose copy other outlets carry; a source is "wire copy" when its
// outlet is one of them or names one in brackets ("Manila Bulletin (AP)").
const WIRE =
  /\b(AP|Associated Press|Reuters|AFP|dpa|Bloomberg|ANI|IANS|KUNA|Kuwait News Agency|UPI|Xinhua|TASS|Anadolu|Ukrinform|Interfax|Belga|EFE|APP)\b/;
const OFFICIAL =
  /\b(transcript|official text|press release|declaration|Congressional Record|EEAS|Office of Sen\.|Senate Committee)\b/i;

/** What kind of source this is, for the coverage summary: a bundled text, an official text, wire copy or news. */
export function sourceType(source: Pick<Source, 'file' | 'outlet' | 'note'>): SourceType {
  if (source.file !== undefined) return 'Bundled source text';
  const about = `${source.outlet ?? ''} ${source.note ?? ''}`;
  if (OFFICIAL.test(about)) return 'Official text or transcript';
  if (WIRE.test(source.outlet ?? '')) return 'Wire copy';
  return 'News outlet';
}

export interface ActorCoverage {
  actor: string;
  name: string;
  total: number;
  statements: number;
  actions: number;
  /** Earliest and latest dates as written (partial dates sort before the days they contain). */
  first: string | null;
  last: string | null;
}

export interface CoverageSummary {
  total: number;
  first: string | null;
  last: string | null;
  actors: ActorCoverage[];
  sourceTypes: { type: SourceType; sources: number; observations: number }[];
}

/** Counts per actor and per kind of source, and the span of the data, for the Methodology page. */
export function summarizeCoverage(
  dataset: Pick<Dataset, 'actors' | 'observations' | 'sources'>,
): CoverageSummary {
  const span = (dates: string[]) =>
    dates.length === 0
      ? [null, null]
      : [dates.reduce((a, b) => (b < a ? b : a)), dates.reduce((a, b) => (b > a ? b : a))];
  const actors = dataset.actors.map((a) => {
    const mine = dataset.observations.filter((o) => o.actor === a.id);
    const [first, last] = span(mine.map((o) => o.date));
    const statements = mine.filter((o) => o.kind === 'statement').length;
    return {
      actor: a.id,
      name: a.name,
      total: mine.length,
      statements,
      actions: mine.length - statements,
      first: first ?? null,
      last: last ?? null,
    };
  });
  const typeOf = new Map(dataset.sources.map((s) => [s.id, sourceType(s)]));
  const sourceTypes = SOURCE_TYPES.map((type) => ({
    type,
    sources: dataset.sources.filter((s) => typeOf.get(s.id) === type).length,
    observations: dataset.observations.filter((o) => o.sourceId !== null && typeOf.get(o.sourceId) === type)
      .length,
  })).filter((t) => t.sources > 0);
  const [first, last] = span(dataset.observations.map((o) => o.date));
  return {
    total: dataset.observations.length,
    first: first ?? null,
    last: last ?? null,
    actors,
    sourceTypes,
  };
}
