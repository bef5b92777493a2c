import { createContext, useContext } from 'react';
import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Observation } from '../domain/schema';
import type { SeriesQuery } from '../domain/series';
import type { ObservationPageRequest, StanceSource } from './stance-source';

// TanStack Query over a StanceSource: one key factory, one queryOptions factory per question, and the
// hooks features use. A source that can answer from memory (`peek`) fills the cache synchronously
// (initialData), so a filter change renders its answer in the same frame; any other source is fetched,
// with the previous answer shown meanwhile.

export const StanceSourceContext = createContext<StanceSource | null>(null);

/** The open dataset's source; provided by the app around everything that shows the dataset. */
export function useStanceSource(): StanceSource {
  const source = useContext(StanceSourceContext);
  if (!source) throw new Error('useStanceSource needs a StanceSourceContext provider (src/app)');
  return source;
}

export const stanceKeys = {
  all: ['stance'] as const,
  source: (source: StanceSource) => [...stanceKeys.all, source.id] as const,
  facts: (source: StanceSource) => [...stanceKeys.source(source), 'facts'] as const,
  series: (source: StanceSource, query: SeriesQuery, maxLinePoints: number) =>
    [...stanceKeys.source(source), 'series', query, maxLinePoints] as const,
  page: (source: StanceSource, request: ObservationPageRequest) =>
    [...stanceKeys.source(source), 'page', request] as const,
  observation: (source: StanceSource, id: string) =>
    [...stanceKeys.source(source), 'observation', id] as const,
  observationsById: (source: StanceSource, ids: readonly string[]) =>
    [...stanceKeys.source(source), 'observations-by-id', ids] as const,
  observations: (source: StanceSource, query: SeriesQuery) =>
    [...stanceKeys.source(source), 'observations', query] as const,
  byActor: (source: StanceSource, query: SeriesQuery) =>
    [...stanceKeys.source(source), 'by-actor', query] as const,
  refs: (source: StanceSource) => [...stanceKeys.source(source), 'refs'] as const,
  coverage: (source: StanceSource) => [...stanceKeys.source(source), 'coverage'] as const,
  sourceCounts: (source: StanceSource) => [...stanceKeys.source(source), 'source-counts'] as const,
};

// Answers are derived from data already loaded: never stale; kept a minute after the last viewer left,
// so going back to a previous filter is instant. No structural sharing: answers are large and new.
const DERIVED = { staleTime: Infinity, gcTime: 60_000, structuralSharing: false } as const;

export const factsOptions = (source: StanceSource) =>
  queryOptions({
    queryKey: stanceKeys.facts(source),
    queryFn: () => source.facts(),
    initialData: source.peek && (() => source.peek!.facts()),
    ...DERIVED,
  });

export const seriesOptions = (source: StanceSource, query: SeriesQuery, maxLinePoints: number) =>
  queryOptions({
    queryKey: stanceKeys.series(source, query, maxLinePoints),
    queryFn: () => source.series(query, maxLinePoints),
    initialData: source.peek && (() => source.peek!.series(query, maxLinePoints)),
    ...DERIVED,
  });

export const pageOptions = (source: StanceSource, request: ObservationPageRequest) =>
  queryOptions({
    queryKey: stanceKeys.page(source, request),
    queryFn: () => source.observationPage(request),
    initialData: source.peek && (() => source.peek!.observationPage(request)),
    ...DERIVED,
  });

export const observationOptions = (source: StanceSource, id: string) =>
  queryOptions({
    queryKey: stanceKeys.observation(source, id),
    queryFn: () => source.observation(id),
    initialData: source.peek && (() => source.peek!.observation(id)),
    ...DERIVED,
  });

export const observationsByIdOptions = (source: StanceSource, ids: readonly string[]) =>
  queryOptions({
    queryKey: stanceKeys.observationsById(source, ids),
    queryFn: () => source.observationsById(ids),
    initialData: source.peek && (() => source.peek!.observationsById(ids)),
    ...DERIVED,
  });

export const observationsOptions = (source: StanceSource, query: SeriesQuery) =>
  queryOptions({
    queryKey: stanceKeys.observations(source, query),
    queryFn: () => source.observations(query),
    ...DERIVED,
    gcTime: 0,
  });

export const byActorOptions = (source: StanceSource, query: SeriesQuery) =>
  queryOptions({
    queryKey: stanceKeys.byActor(source, query),
    queryFn: () => source.observationsByActor(query),
    initialData: source.peek && (() => source.peek!.observationsByActor(query)),
    ...DERIVED,
  });

export const refsOptions = (source: StanceSource) =>
  queryOptions({
    queryKey: stanceKeys.refs(source),
    queryFn: () => source.observationRefs(),
    initialData: source.peek && (() => source.peek!.observationRefs()),
    ...DERIVED,
  });

export const coverageOptions = (source: StanceSource) =>
  queryOptions({
    queryKey: stanceKeys.coverage(source),
    queryFn: () => source.coverage(),
    initialData: source.peek && (() => source.peek!.coverage()),
    ...DERIVED,
  });

/** Coverage per actor and per kind of source (the Methodology page). */
export function useDatasetCoverage() {
  return useQuery(coverageOptions(useStanceSource()));
}

export const sourceCountsOptions = (source: StanceSource) =>
  queryOptions({
    queryKey: stanceKeys.sourceCounts(source),
    queryFn: () => source.sourceCounts(),
    initialData: source.peek && (() => source.peek!.sourceCounts()),
    ...DERIVED,
  });

/** Observations per source id (the Methodology page's source list). */
export function useSourceCounts() {
  return useQuery(sourceCountsOptions(useStanceSource()));
}

/** Facts about the whole dataset (count, extent, density over time). */
export function useDatasetFacts() {
  return useQuery(factsOptions(useStanceSource()));
}

/** Lines, counts and markers of the view; the previous view stays shown while a remote source answers. */
export function useViewSeries(query: SeriesQuery, maxLinePoints: number) {
  return useQuery({
    ...seriesOptions(useStanceSource(), query, maxLinePoints),
    placeholderData: keepPreviousData,
  });
}

/** One page of the filtered observations, searched and sorted. */
export function useObservationPage(request: ObservationPageRequest) {
  return useQuery({ ...pageOptions(useStanceSource(), request), placeholderData: keepPreviousData });
}

/** One observation by id (evidence, labels), or null when the dataset has none with that id. */
export function useObservation(id: string) {
  return useQuery(observationOptions(useStanceSource(), id));
}

/** Several observations by id, as a map (ids the dataset lacks are left out). */
export function useObservationsById(ids: readonly string[]) {
  return useQuery({
    ...observationsByIdOptions(useStanceSource(), ids),
    select: (list) => {
      const byId = new Map<string, Observation>();
      for (const o of list) if (o) byId.set(o.id, o);
      return byId;
    },
  });
}

/**
 * Options switched off until `enabled`: a disabled query must not peek either, since TanStack computes
 * initialData when the query is created, enabled or not, and these answers touch every observation.
 */
function onlyWhen<T extends { initialData?: unknown }>(options: T, enabled: boolean) {
  return enabled ? options : { ...options, enabled, initialData: undefined };
}

/** Filtered observations per actor (the analyses); not asked for while `enabled` is false. */
export function useObservationsByActor(query: SeriesQuery, enabled = true) {
  return useQuery(onlyWhen(byActorOptions(useStanceSource(), query), enabled));
}

/** Id, actor and score of every observation in file order (comparing dataset versions). */
export function useObservationRefs(enabled = true) {
  return useQuery(onlyWhen(refsOptions(useStanceSource()), enabled));
}

/** Every filtered observation in time order, for an export the user asked for. */
export function fetchViewObservations(client: QueryClient, source: StanceSource, query: SeriesQuery) {
  return client.fetchQuery(observationsOptions(source, query));
}
