/** File names for exports: `stance_<actors>_<from>_<to>.<ext>`, ASCII letters, digits, `-` and `_` only. */

export type ExportExtension = 'png' | 'svg' | 'csv' | 'pptx' | 'pdf';

export interface ExportFileNameInput {
  /** Actor ids on the figure, or null for "every actor in the dataset". */
  actors: string[] | null;
  /** ISO days (YYYY-MM-DD) of the view's range; null when the view is empty. */
  from: string | null;
  to: string | null;
  ext: ExportExtension;
  /** Inserted before the extension, e.g. "series" for the series CSV. */
  suffix?: string;
}

/** Longest actors part before it is replaced by a count, so names stay readable in a file dialog. */
export const MAX_ACTORS_PART = 60;
/** Whole-name cap, well under the 255-byte limit of common file systems. */
export const MAX_FILE_NAME = 120;

/** Reduces any text to ASCII letters, digits, `-` and `_`: accents dropped, everything else a single `-`. */
export function toFileNamePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
}

function actorsPart(actors: string[] | null): string {
  if (actors === null) return 'all';
  const parts = actors.map(toFileNamePart).filter((p) => p.length > 0);
  if (parts.length === 0) return 'none';
  const joined = parts.join('-');
  return joined.length <= MAX_ACTORS_PART ? joined : `${parts.length}-actors`;
}

function dayPart(day: string | null): string {
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : 'undated';
}

export function buildExportFileName(input: ExportFileNameInput): string {
  const suffix = input.suffix ? toFileNamePart(input.suffix) : '';
  const stem = ['stance', actorsPart(input.actors), dayPart(input.from), dayPart(input.to), suffix]
    .filter((p) => p.length > 0)
    .join('_');
  const ext = toFileNamePart(input.ext) || 'bin';
  const room = MAX_FILE_NAME - ext.length - 1;
  return `${stem.length > room ? stem.slice(0, room).replace(/[-_]+$/, '') : stem}.${ext}`;
}
