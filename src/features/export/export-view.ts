import type { Source } from '../../domain/schema';
import type { DatasetMeta } from '../../domain/dataset-index';
import { summarize, type ActorSeries, type ActorSummary, type ViewSeries } from '../../domain/series';
import { effectiveRange, type ViewFilters } from '../../domain/view-filters';
import { visibleSeries } from '../../charts/figure-model';
import type { FigureEvent } from '../../charts/figure-spec';
import { eventsInDomain } from '../../charts/figure-annotations';
import { timeDomain } from '../../charts/time-ticks';
import { isoDay } from '../../domain/dates';
import { formatScore } from '../../domain/format-score';
import type { ExportFileNameInput } from '../../lib/file-name';

// What every export shows, computed the way the on-screen chart computes it, so the files match the view.

export interface ExportView {
  dataset: DatasetMeta;
  filters: ViewFilters;
  view: ViewSeries;
  /** Series drawn: the selection minus actors hidden via the legend. */
  series: ActorSeries[];
  /** The x domain of the chart; null when nothing matches the filters. */
  domain: [number, number] | null;
  /** Key events inside the domain, numbered in time order; empty when markers are off. */
  events: Array<Omit<FigureEvent, 'x'>>;
}

/** `view` is the query layer's answer for these filters (src/data/stance-queries.ts). */
export function buildExportView(dataset: DatasetMeta, filters: ViewFilters, view: ViewSeries): ExportView {
  const series = visibleSeries(view, filters.hidden);
  const range = effectiveRange(filters, dataset);
  const domain = view.range ? timeDomain(view.range, range.from, range.to) : null;
  const events = domain && filters.events ? eventsInDomain(dataset, domain) : [];
  return { dataset, filters, view, series, domain, events };
}

/** Per plotted actor: mean score, count and change (the alt text and the figure's summary read this). */
export function plottedSummary(ev: ExportView): ActorSummary[] {
  return summarize({ range: ev.view.range, series: ev.series });
}

/** Sources of the plotted observations and of the events shown, in the dataset's order. */
export function sourcesUsed(ev: ExportView): Source[] {
  const ids = new Set<string>();
  for (const s of ev.series)
    for (const p of s.points) {
      const id = p.obs.sourceId;
      if (id) ids.add(id);
    }
  const eventIds = new Set(ev.events.map((e) => e.id));
  for (const e of ev.dataset.events) if (eventIds.has(e.id)) ids.add(e.sourceId);
  return ev.dataset.sources.filter((s) => ids.has(s.id));
}

/** The figure's text alternative: what is plotted and each actor's mean score, in plain sentences. */
export function buildAltText(ev: ExportView, title: string): string {
  const { scale } = ev.dataset;
  const head = `${title.trim() || 'Stance chart'}. Line chart of stance scores from −3 (${scale.negativeLabel}) to +3 (${scale.positiveLabel}) over time`;
  const summaries = plottedSummary(ev);
  if (summaries.length === 0 || !ev.view.range) return `${head}. No observations match the current filters.`;
  const [lo, hi] = ev.view.range;
  const range = `${isoDay(lo)} to ${isoDay(hi)}`;
  const actors = summaries
    .map(
      (s) =>
        `${s.actor.name} ${formatScore(s.mean)} (${s.n} observation${s.n === 1 ? '' : 's'}${
          s.change === null ? '' : `; ${formatScore(s.change)} from the first to the last third`
        })`,
    )
    .join('; ');
  const events = ev.events.length ? ` Key events marked: ${ev.events.map((e) => e.label).join('; ')}.` : '';
  return `${head}, ${range}, for ${summaries.length} actor${summaries.length === 1 ? '' : 's'}. Mean scores: ${actors}.${events}`;
}

/** Inputs for the export file name: plotted actor ids (null when every actor is shown) and the view's days. */
export function fileNameParts(ev: ExportView): Omit<ExportFileNameInput, 'ext'> {
  const everyone = ev.filters.actors === null && ev.filters.hidden.length === 0;
  const range = ev.view.range;
  const chosen = effectiveRange(ev.filters, ev.dataset);
  return {
    actors: everyone ? null : ev.series.map((s) => s.actor.id),
    from: chosen.from ?? (range ? isoDay(range[0]) : null),
    to: chosen.to ?? (range ? isoDay(range[1]) : null),
  };
}
