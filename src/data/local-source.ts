import type { DatasetIndex } from '../domain/dataset-index';
import { buildViewSeries, filterByActor, filterObservations } from '../domain/series';
import { computePage, peekPage } from '../domain/observation-order';
import { textAt } from '../domain/columns';
import type { ObservationRef } from '../domain/analysis/dataset-diff';
import { summarizeCoverage, type CoverageSummary } from '../domain/coverage-summary';
import type { DatasetFacts, StanceQuestions, StanceSource } from './stance-source';

// The first StanceSource: the in-browser engine over the dataset's columns. Every answer but a large
// search or sort is immediate (`peek`); those run in slices that yield, so the page stays responsive.

let sources = 0;

/** Lets the browser paint and handle input between slices of long work. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function factsOf(index: DatasetIndex): DatasetFacts {
  const { day, count } = index.columns;
  // Rows are in time order: runs of equal days are the per-day counts. Two passes over typed arrays
  // (count the days, then fill): this runs when the data arrives, in code not yet optimised.
  let distinct = 0;
  for (let r = 0; r < count; r++) if (r === 0 || day[r] !== day[r - 1]) distinct++;
  const days = new Int32Array(distinct);
  const n = new Uint32Array(distinct);
  let k = -1;
  for (let r = 0; r < count; r++) {
    if (r === 0 || day[r] !== day[r - 1]) days[++k] = day[r]!;
    n[k]!++;
  }
  return { observationCount: count, extent: index.extent, days: { day: days, n } };
}

function refsOf(index: DatasetIndex): ObservationRef[] {
  const { fileIndex, count, score, actor } = index.columns;
  const refs = new Array<ObservationRef>(count);
  for (let r = 0; r < count; r++) {
    refs[fileIndex[r]!] = {
      id: textAt(index.columns.id, r)!,
      actor: index.actorIds[actor[r]!]!,
      score: score[r]!,
    };
  }
  return refs;
}

/** Coverage reads four fields of every observation: built once, when the Methodology page asks. */
function coverageOf(index: DatasetIndex): CoverageSummary {
  const observations = Array.from({ length: index.columns.count }, (_, r) => index.placed(r).obs);
  return summarizeCoverage({ actors: index.meta.actors, sources: index.meta.sources, observations });
}

export function createLocalSource(index: DatasetIndex): StanceSource {
  let facts: DatasetFacts | null = null;
  let coverage: CoverageSummary | null = null;
  let sourceCounts: ReadonlyMap<string, number> | null = null;
  const answers: Omit<StanceQuestions, 'observationPage'> = {
    facts: () => (facts ??= factsOf(index)),
    series: (query, maxLinePoints) => buildViewSeries(index, query, maxLinePoints),
    observation: (id) => index.observationById(id),
    observationsById: (ids) => ids.map((id) => index.observationById(id)),
    observations: (query) => filterObservations(index, query),
    observationsByActor: (query) => filterByActor(index, query),
    observationRefs: () => refsOf(index),
    coverage: () => (coverage ??= coverageOf(index)),
    sourceCounts: () => (sourceCounts ??= index.sourceCounts()),
  };
  return {
    id: `local-${++sources}`,
    meta: index.meta,
    facts: async () => answers.facts(),
    series: async (query, max) => answers.series(query, max),
    observationPage: (request) => computePage(index, request, pause),
    observation: async (id) => answers.observation(id),
    observationsById: async (ids) => answers.observationsById(ids),
    observations: async (query) => answers.observations(query),
    observationsByActor: async (query) => answers.observationsByActor(query),
    observationRefs: async () => answers.observationRefs(),
    coverage: async () => answers.coverage(),
    sourceCounts: async () => answers.sourceCounts(),
    peek: { ...answers, observationPage: (request) => peekPage(index, request) },
  };
}
