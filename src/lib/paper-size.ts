/** Paper for a printed page, by the reader's locale: US Letter where it is the usual size, else A4. */

export type PaperSize = 'a4' | 'letter';

// Regions where Letter is the office standard (the Americas that use it, and the Philippines).
const LETTER_REGIONS = new Set([
  'US',
  'CA',
  'MX',
  'PH',
  'CL',
  'CO',
  'VE',
  'PR',
  'CR',
  'GT',
  'PA',
  'DO',
  'SV',
  'NI',
  'BZ',
]);

/** 'letter' for a BCP 47 tag whose region uses Letter (en-US, en-CA, fr-CA, es-MX…), 'a4' for any other. */
export function paperForLocale(tag: string | undefined): PaperSize {
  const region = (tag ?? '')
    .split(/[-_]/)
    .slice(1)
    .find((part) => /^[A-Za-z]{2}$/.test(part));
  return region && LETTER_REGIONS.has(region.toUpperCase()) ? 'letter' : 'a4';
}
