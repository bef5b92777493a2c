import type { Observation } from '../../domain/schema';
import type { DatasetMeta } from '../../domain/dataset-index';
import { toCsv, type CsvCell } from '../../lib/csv-write';
import { isoDay } from '../../domain/dates';
import type { ExportView } from './export-view';
import type { PlacedObservation } from '../../domain/dataset-index';

// CSV exports of a view. RFC 4180 (quoted fields hold commas, quotation marks and line breaks), CRLF line ends.
// Spreadsheet-safe: text that Excel or LibreOffice would run as a formula (=, +, -, @, tab, CR first) gets a
// leading apostrophe (OWASP, CWE-1236); scores are number cells. The importer takes the apostrophe off again.

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

/** The columns written as number cells; every other column is text. */
type NumberColumn = 'score' | 'originalScore';

/** Every observation field plus the names a reader needs (actor, theme, source title); empty where absent. */
export function observationRecord(
  dataset: DatasetMeta,
  obs: Observation,
): Record<Exclude<ObservationColumn, NumberColumn>, string> & Record<NumberColumn, number | ''> {
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
    score: obs.score,
    originalScore: obs.originalScore ?? '',
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
 * actors hidden from the chart via the legend). Formula-like text is guarded, so reading the file back
 * with `parseCsv(text, { unguardFormulas: true })` (as the importer does) gives exactly the data.
 */
export function observationsCsv(
  ev: ExportView,
  observations: readonly PlacedObservation[] = ev.view.observations,
): string {
  const rows: CsvCell[][] = [[...OBSERVATION_COLUMNS]];
  for (const p of observations) {
    const record = observationRecord(ev.dataset, p.obs);
    rows.push(OBSERVATION_COLUMNS.map((c) => record[c]));
  }
  return UTF8_BOM + toCsv(rows, { guardFormulas: true });
}

/** Rounds for the file without inventing digits: 4 decimals is far below the coding's resolution. */
function roundValue(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}

/**
 * The plotted lines: per actor and day, the smoothed score the chart draws. Pass an ExportView built
 * without downsampling (maxLinePoints Infinity) to get every day rather than the drawn subset.
 */
export function seriesCsv(ev: ExportView): string {
  const rows: CsvCell[][] = [[...SERIES_COLUMNS]];
  for (const s of ev.series) {
    for (const p of s.line) {
      rows.push([s.actor.id, s.actor.name, isoDay(p.t), roundValue(p.score), ev.filters.smooth]);
    }
  }
  return UTF8_BOM + toCsv(rows, { guardFormulas: true });
}
