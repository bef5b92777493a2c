import { isRealPartialDate, type DatePrecision, type Kind } from '../../domain/schema';
import { quoteValue } from './import-types';

// Reading one CSV cell as a date, a kind or a theme label; pure, one cell at a time.

export type DateParse = { ok: true; date: string; precision: DatePrecision } | { ok: false; message: string };

/** ISO YYYY-MM-DD (a time part is ignored), YYYY-MM, YYYY, or the compact YYYYMMDD / YYYYMM. */
export function parseDateValue(raw: string): DateParse {
  const s = raw.trim();
  if (s === '') return { ok: false, message: 'is empty' };
  let date: string | null = null;
  let precision: DatePrecision = 'day';
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) date = `${m[1]}-${m[2]}-${m[3]}`;
  else if ((m = /^(\d{4})(\d{2})$/.exec(s))) [date, precision] = [`${m[1]}-${m[2]}`, 'month'];
  else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s)))
    date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  else if ((m = /^(\d{4})-(\d{1,2})$/.exec(s)))
    [date, precision] = [`${m[1]}-${m[2]!.padStart(2, '0')}`, 'month'];
  else if (/^\d{4}$/.test(s)) [date, precision] = [s, 'year'];
  if (date === null) {
    return {
      ok: false,
      message: `${quoteValue(s)} is not a date (expected YYYY-MM-DD, YYYY-MM, YYYY or YYYYMMDD)`,
    };
  }
  if (!isRealPartialDate(date)) return { ok: false, message: `${quoteValue(s)} is not a real calendar date` };
  return { ok: true, date, precision };
}

/**
 * A kind cell as statement or action: words like "verbal"/"deeds", or GDELT's QuadClass digits (1, 3
 * verbal; 2, 4 material), which mean nothing else in a kind column, so a header-less GDELT file reads too.
 */
export function parseKind(raw: string): Kind | null {
  const v = raw.trim().toLowerCase();
  // QuadClass 1–4: verbal cooperation, material cooperation, verbal conflict, material conflict.
  if (v === '1' || v === '3') return 'statement';
  if (v === '2' || v === '4') return 'action';
  if (['statement', 'statements', 'verbal', 'word', 'words', 'say', 's'].includes(v)) return 'statement';
  if (['action', 'actions', 'material', 'deed', 'deeds', 'do', 'a'].includes(v)) return 'action';
  return null;
}

/** CAMEO event root codes (GDELT's EventRootCode), so themes read "04 Consult" rather than "04". */
export const CAMEO_ROOTS: Record<string, string> = {
  '01': 'Make public statement',
  '02': 'Appeal',
  '03': 'Express intent to cooperate',
  '04': 'Consult',
  '05': 'Engage in diplomatic cooperation',
  '06': 'Engage in material cooperation',
  '07': 'Provide aid',
  '08': 'Yield',
  '09': 'Investigate',
  '10': 'Demand',
  '11': 'Disapprove',
  '12': 'Reject',
  '13': 'Threaten',
  '14': 'Protest',
  '15': 'Exhibit military posture',
  '16': 'Reduce relations',
  '17': 'Coerce',
  '18': 'Assault',
  '19': 'Fight',
  '20': 'Use unconventional mass violence',
};

/** The empty value of the optional "Group actors by" column: such rows form one group of their own. */
export const NO_GROUP = '(none)';

export function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Looks like a value rather than a column name: a number (either decimal mark) or a date. */
export function isDataLike(cell: string): boolean {
  const s = cell.trim();
  if (s === '') return false;
  if (/^[+\-\u2212]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(s)) return true;
  return parseDateValue(s).ok || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(s);
}

/**
 * A first record that holds data rather than column names: a header names its columns, so a row with
 * two or more numbers or dates (or one, in a row of one or two cells) is data. GDELT 1.0's
 * "20060731 … 2.8 …" is data; "date,actor,score,2025" (one year-named column) is still a header.
 */
export function looksLikeData(row: readonly string[]): boolean {
  const filled = row.filter((c) => c.trim() !== '');
  const data = filled.filter(isDataLike).length;
  return data >= 2 || (data === 1 && filled.length <= 2);
}
