import { quoteValue } from './import-types';

// One rule per file for reading numbers, chosen once (detected from the score column, shown in the
// mapping dialog, changeable there), so "2,5" is never 2.5 in one row and a problem in the next.

/**
 * - `point`: 2.5, -1, +3 (a decimal comma or an exponent is a problem)
 * - `comma`: 2,5, -1, +3 (a decimal point or an exponent is a problem)
 * - `point-exponent`: as `point`, and 1e3, 2.5E-2 too (for files written by scientific software)
 * In every rule a leading Unicode minus (−) reads as "-" and thousands separators are not read.
 */
export type NumberRule = 'point' | 'comma' | 'point-exponent';

export const NUMBER_RULES: ReadonlyArray<{ id: NumberRule; label: string }> = [
  { id: 'point', label: 'Decimal point (2.5)' },
  { id: 'comma', label: 'Decimal comma (2,5)' },
  { id: 'point-exponent', label: 'Decimal point, exponents allowed (2.5, 1e3)' },
];

export type NumberParse = { ok: true; value: number } | { ok: false; message: string };

const WITH_POINT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const WITH_COMMA = /^[+-]?(\d+(,\d*)?|,\d+)$/;
const EXPONENT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)[eE][+-]?\d+$/;
// Counted to choose the rule: only values with a fraction part tell the two apart.
const POINT_FRACTION = /^[+\-\u2212]?\d*\.\d+$/;
const COMMA_FRACTION = /^[+\-\u2212]?\d*,\d+$/;

function finite(value: number, raw: string): NumberParse {
  return Number.isFinite(value)
    ? { ok: true, value }
    : { ok: false, message: `${quoteValue(raw)} is too large` };
}

/** Reads one number by the file's rule; the message says why a value is not read, in a row's words. */
export function parseNumberWith(raw: string, rule: NumberRule): NumberParse {
  const s = raw.trim().replace(/^\u2212/, '-');
  if (s === '') return { ok: false, message: 'is empty' };
  if (rule === 'comma') {
    if (WITH_COMMA.test(s)) return finite(Number(s.replace(',', '.')), s);
    if (WITH_POINT.test(s))
      return {
        ok: false,
        message: `${quoteValue(s)} has a decimal point, but this file's numbers use a decimal comma`,
      };
  } else {
    if (WITH_POINT.test(s)) return finite(Number(s), s);
    if (rule === 'point-exponent' && EXPONENT.test(s) && !s.includes(',')) return finite(Number(s), s);
    if (WITH_COMMA.test(s))
      return {
        ok: false,
        message: `${quoteValue(s)} has a decimal comma, but this file's numbers use a decimal point`,
      };
  }
  if (EXPONENT.test(s)) {
    return {
      ok: false,
      message: `${quoteValue(s)} is in exponent form, which is read only when Numbers is "Decimal point, exponents allowed"`,
    };
  }
  return { ok: false, message: `${quoteValue(s)} is not a number` };
}

export interface DetectedRule {
  rule: NumberRule;
  /** Values with a decimal comma and with a decimal point: what the choice was made from. */
  comma: number;
  point: number;
}

/** Decimal comma when more values have one than have a decimal point; otherwise decimal point. */
export function detectNumberRule(values: readonly string[]): DetectedRule {
  let comma = 0;
  let point = 0;
  for (const v of values) {
    const s = v.trim();
    if (COMMA_FRACTION.test(s)) comma++;
    else if (POINT_FRACTION.test(s)) point++;
  }
  return { rule: comma > point ? 'comma' : 'point', comma, point };
}

/** The lenient reading for what a person types into the dialog (either decimal mark); null if not a number. */
export function parseTypedNumber(raw: string): number | null {
  const s = raw.trim().replace(/^\u2212/, '-');
  if (!WITH_POINT.test(s) && !WITH_COMMA.test(s)) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}
