// Text for figures without a layout engine: XML escaping, exact widths in the figure font and line wrapping.
import { METRIC_CHARS, REGULAR_WIDTHS, SEMIBOLD_WIDTHS, UNITS_PER_EM } from './font-metrics';

/** Drops what XML 1.0 cannot hold (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF), or the file will not parse. */
function xmlChars(text: string): string {
  let out = '';
  // for…of walks code points, so a valid surrogate pair arrives whole and a lone surrogate alone.
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const forbidden =
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
      (c >= 0xd800 && c <= 0xdfff) ||
      c === 0xfffe ||
      c === 0xffff;
    if (!forbidden) out += ch;
  }
  return out;
}

/** Escapes text for use inside an element or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return xmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The figure's typeface (a subset of Inter, committed in src/ui/fonts), with fallbacks for viewers that drop embedded fonts. */
export const FIGURE_FONT_FAMILY = "Inter, 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

const widths = (list: number[]) => new Map([...METRIC_CHARS].map((ch, i) => [ch, list[i]! / UNITS_PER_EM]));
const REGULAR = widths(REGULAR_WIDTHS);
const SEMIBOLD = widths(SEMIBOLD_WIDTHS);

/**
 * Width in user units of `text` at `fontSize` in the figure font (semibold when `bold`): the sum of
 * advance widths, which is exactly what is drawn, since the subset has no kerning. Characters the
 * subset lacks are drawn by a fallback font; they count as a wide letter (0.7 em) or, outside
 * European scripts, a full em.
 */
export function measureText(text: string, fontSize: number, bold = false): number {
  const table = bold ? SEMIBOLD : REGULAR;
  let em = 0;
  for (const ch of text) {
    const w = table.get(ch);
    if (w !== undefined) em += w;
    else em += (ch.codePointAt(0) ?? 0) < 0x0530 ? 0.7 : 1;
  }
  return em * fontSize;
}

function breakWord(word: string, maxWidth: number, fontSize: number, bold: boolean): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current && measureText(current + ch, fontSize, bold) > maxWidth) {
      pieces.push(current);
      current = ch;
    } else {
      current += ch;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Greedy line wrapping at spaces (words longer than a line are cut); at most `maxLines` lines,
 * the last one ending in "…" when text was left out.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  opts: { bold?: boolean; maxLines?: number } = {},
): string[] {
  const bold = opts.bold ?? false;
  const maxLines = opts.maxLines ?? Infinity;
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measureText(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const pieces =
      measureText(word, fontSize, bold) > maxWidth ? breakWord(word, maxWidth, fontSize, bold) : [word];
    lines.push(...pieces.slice(0, -1));
    line = pieces[pieces.length - 1] ?? '';
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last && measureText(`${last}…`, fontSize, bold) > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}
