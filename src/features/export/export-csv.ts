import type { Dataset, Observation } from '../../domain/schema';
import { toCsv } from '../../lib/csv';
import { isoDay } from '../../domain/dates';
import type { ExportView } from './export-view';

// CSV exports of a view. RFC 4180 (quoted fields hold commas, quotation marks and line breaks), CRLF line ends.

/** Excel opens a UTF-8 CSV as the legacy code page unless it starts with a byte order mark, and mangles "−", "’" and names. */
export const UTF8_BOM = '\uFEFF';

export const OBSERVATION_COLUMNS = [
  'id',
  'date',
  'datePrecision',
  'dateNote',
  'actor',
  'actorName',
  'speaker',
  'theme',
  'themeLabel',
  'kind',
  'score',
  'originalScore',
  'confidence',
  'summary',
  'quote',
  'rationale',
  'sourceId',
  'sourceTitle',
  'eventId',
] as const;

export type ObservationColumn = (typeof OBSERVATION_COLUMNS)[number];

export const SERIES_COLUMNS = ['actor', 'actorName', 'date', 'smoothedScore', 'smoothingDays'] as const;

/** Every observation field plus the names a reader needs (actor, theme, source title); empty where absent. */
export function observationRecord(dataset: Dataset, obs: Observation): Record<ObservationColumn, string> {
  const actor = dataset.actors.find((a) => a.id === obs.actor);
  const theme = dataset.themes.find((t) => t.id === obs.theme);
  const source = obs.sourceId ? dataset.sources.find((s) => s.id === obs.sourceId) : undefined;
  return {
    id: obs.id,
    date: obs.date,
    datePrecision: obs.datePrecision,
    dateNote: obs.dateNote ?? '',
    actor: obs.actor,
    actorName: actor?.name ?? '',
    speaker: obs.speaker,
    theme: obs.theme,
    themeLabel: theme?.label ?? '',
    kind: obs.kind,
    score: String(obs.score),
    originalScore: obs.originalScore === undefined ? '' : String(obs.originalScore),
    confidence: obs.confidence,
    summary: obs.summary,
    quote: obs.quote,
    rationale: obs.rationale,
    sourceId: obs.sourceId ?? '',
    sourceTitle: source?.title ?? '',
    eventId: obs.eventId ?? '',
  };
}

/**
 * The filtered observations of the view, in time order: the rows of the Observations table (which keeps
 * actors hidden from the chart via the legend). Fields are written as they are, without formula guarding,
 * so the file reads back to exactly the data.
 */
export function observationsCsv(ev: ExportView): string {
  const rows: string[][] = [[...OBSERVATION_COLUMNS]];
  for (const p of ev.view.observations) {
    const record = observationRecord(ev.dataset, p.obs);
    rows.push(OBSERVATION_COLUMNS.map((c) => record[c]));
  }
  return UTF8_BOM + toCsv(rows);
}

/** Rounds for the file without inventing digits: 4 decimals is far below the coding's resolution. */
function formatValue(v: number): string {
  return String(Math.round(v * 10_000) / 10_000);
}

/**
 * The plotted lines: per actor and day, the smoothed score the chart draws. Pass an ExportView built
 * without downsampling (maxLinePoints Infinity) to get every day rather than the drawn subset.
 */
export function seriesCsv(ev: ExportView): string {
  const rows: string[][] = [[...SERIES_COLUMNS]];
  for (const s of ev.series) {
    for (const p of s.line) {
      rows.push([s.actor.id, s.actor.name, isoDay(p.t), formatValue(p.score), String(ev.filters.smooth)]);
    }
  }
  return UTF8_BOM + toCsv(rows);
}
