// Text for the export SVG without a layout engine: XML escaping, a width estimate and line wrapping.

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

// Advance widths in em of DejaVu Sans, the widest face in the figure's font stack, so text that fits for it fits for all.
const NARROW = new Set("ijl.,:;'|!`");
const THIN = new Set(' frt()[]{}-/\\"');
const SEMI = new Set('scz*^_?');
const WIDE = new Set('mw%@');
const CAP_NARROW = new Set('IJ');
const CAP_WIDE = new Set('MWQOGDCHNU&');

function charWidth(ch: string): number {
  if (NARROW.has(ch)) return 0.28;
  if (THIN.has(ch)) return 0.4;
  if (SEMI.has(ch)) return 0.53;
  if (WIDE.has(ch)) return 0.95;
  if (CAP_NARROW.has(ch)) return 0.32;
  if (CAP_WIDE.has(ch)) return 0.8;
  if (ch >= 'A' && ch <= 'Z') return 0.7;
  if (ch === '\u2014') return 1.0;
  if (ch === '\u00b7' || ch === '\u2019' || ch === '\u2018') return 0.32;
  const code = ch.codePointAt(0) ?? 0;
  // Latin, Greek and Cyrillic letters and common punctuation are letter-wide; CJK and the rest a full em.
  if (code < 0x0530 || (code >= 0x2000 && code < 0x2100)) return 0.63;
  return 1.0;
}

/** Estimated width in user units of `text` at `fontSize`; bold is about 10% wider. */
export function measureText(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * fontSize * (bold ? 1.1 : 1);
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
