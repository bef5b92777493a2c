import type { Observation } from '../domain/schema';
import type { DatasetMeta, PlacedObservation } from '../domain/dataset-index';
import type { SeriesQuery, ViewSeries } from '../domain/series';
import type { ObservationRef } from '../domain/analysis/dataset-diff';
import type { Page, PageRequest } from '../domain/observation-order';
import type { CoverageSummary } from '../domain/coverage-summary';

// The questions the screens ask of a dataset, behind one interface. The in-browser engine
// (local-source.ts) answers them now; a server holding data too large for a browser (aggregates in a
// database) can answer the same questions later, and no feature changes: features ask through the
// hooks in stance-queries.ts, never the dataset itself.

/** Facts about the whole dataset, whatever the filters. */
export interface DatasetFacts {
  observationCount: number;
  /** First and last drawn time of any observation; null when there are none. */
  extent: [number, number] | null;
  /** Drawn days that have observations, and how many: the time brush's density. */
  days: { day: Int32Array; n: Uint32Array };
}

/** The filters, the search (words that must all appear in the speaker, summary or quote), the order and the slice. */
export type ObservationPageRequest = PageRequest;

/** How many match (`total`), where the page starts (`offset`, moved back when past the end) and its rows. */
export type ObservationPage = Page;

export interface StanceQuestions {
  facts(): DatasetFacts;
  /** Lines, markers, counts and daily totals per selected actor; `maxLinePoints` thins each line. */
  series(query: SeriesQuery, maxLinePoints: number): ViewSeries;
  observationPage(request: ObservationPageRequest): ObservationPage;
  observation(id: string): Observation | null;
  /** Several observations by id (evidence chips, lists of changes); null where the dataset has none. */
  observationsById(ids: readonly string[]): (Observation | null)[];
  /** Every filtered observation, in time order (exports). */
  observations(query: SeriesQuery): PlacedObservation[];
  /** Filtered observations per selected actor with any, in the dataset's actor order (pivots, say–do gap, alignment). */
  observationsByActor(query: SeriesQuery): Map<string, PlacedObservation[]>;
  /** Counts per actor and per kind of source, and the span of the data (the Methodology page). */
  coverage(): CoverageSummary;
  /** Observations per source id (the Methodology page's source list); not part of facts, which the first paint needs. */
  sourceCounts(): ReadonlyMap<string, number>;
  /** Id, actor and score of every observation, in the file's order (what changed between versions). */
  observationRefs(): ObservationRef[];
}

type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};
type Peek<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => R | undefined : never;
};

export interface StanceSource extends Async<StanceQuestions> {
  /** Changes whenever another dataset is opened: the root of every query key. */
  readonly id: string;
  readonly meta: DatasetMeta;
  /**
   * Answers this page can give at once, from memory (undefined where the work is too large to do
   * without yielding): the hooks show them in the same render, so a filter change draws in one frame.
   */
  readonly peek?: Peek<StanceQuestions>;
}
