// The figure's colours for light and dark backgrounds: literal values, so the exported SVG needs no
// stylesheet and the screen draws exactly what the export draws. Actor colours come from the dataset.

export type ColorScheme = 'light' | 'dark';

export interface Palette {
  background: string;
  text: string;
  muted: string;
  grid: string;
  axis: string;
  zero: string;
  /** Key-event badges, their stems and the rule of the hovered or selected one. */
  event: string;
  eventText: string;
  tipBackground: string;
  tipBorder: string;
}

export const PALETTES: Record<ColorScheme, Palette> = {
  light: {
    background: '#ffffff',
    text: '#1a1d21',
    muted: '#4a5260',
    grid: '#e6e8ec',
    axis: '#8a929e',
    zero: '#4a5260',
    event: '#7a5f00',
    eventText: '#ffffff',
    tipBackground: '#ffffff',
    tipBorder: '#8a929e',
  },
  dark: {
    background: '#14171c',
    text: '#e8eaed',
    muted: '#aab2bf',
    grid: '#272c34',
    axis: '#6b7480',
    zero: '#aab2bf',
    event: '#d8b440',
    eventText: '#14171c',
    tipBackground: '#1d2128',
    tipBorder: '#6b7480',
  },
};

function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const n = parseInt(full.slice(0, 6), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x);
  return (la! + 0.05) / (lb! + 0.05);
}

const hex = (c: [number, number, number]) =>
  `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/**
 * The actor's colour for text on the background: mixed toward the text colour, in steps, until it
 * reads at 4.5:1 (WCAG AA), so "US Congress" in olive stays legible on white and on near-black.
 */
export function labelColor(color: string, background: string, text: string): string {
  const key = `${color}|${background}|${text}`;
  let found = labelColors.get(key);
  if (found === undefined) labelColors.set(key, (found = mixToContrast(color, background, text)));
  return found;
}

// A figure asks for the same few actor colours on every filter change.
const labelColors = new Map<string, string>();

function mixToContrast(color: string, background: string, text: string): string {
  const from = rgb(color);
  const to = rgb(text);
  for (let k = 0; k <= 10; k++) {
    const mix: [number, number, number] = [0, 1, 2].map((i) => from[i]! + ((to[i]! - from[i]!) * k) / 10) as [
      number,
      number,
      number,
    ];
    const candidate = hex(mix);
    if (contrast(candidate, background) >= 4.5) return candidate;
  }
  return text;
}

/**
 * Colours for actors a dataset does not colour itself (CSV imports, synthetic data): Okabe–Ito first,
 * then Tol-like hues, each at least 3:1 against both backgrounds (WCAG 1.4.11 for lines and markers).
 * Fifteen are as many as stay apart in that band of lightness, so the figure tells the 16th to 30th
 * actor apart by a dashed line (see lineDashes).
 */
export const ACTOR_COLORS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#B07C00',
  '#6699CC',
  '#C2336B',
  '#999933',
  '#7B68D9',
  '#AA4499',
  '#117733',
  '#B0603A',
  '#2A9D9F',
  '#888888',
  '#8F7A50',
] as const;

/** Solid for a colour's first actor, then dashed, then dotted: 45 actors are told apart by colour and line. */
export const LINE_DASHES: readonly (string | null)[] = [null, '7 4', '1.5 3.5'];

const dashCache = new WeakMap<readonly object[], Map<string, string | null>>();

/**
 * The dash pattern of each actor's line: the k-th actor (in the dataset's order) with a colour an
 * earlier actor already has gets LINE_DASHES[k]. Decided over all the dataset's actors, so hiding or
 * filtering one never restyles another.
 */
export function lineDashes(actors: ReadonlyArray<{ id: string; color: string }>): Map<string, string | null> {
  const cached = dashCache.get(actors);
  if (cached) return cached;
  const seen = new Map<string, number>();
  const out = new Map<string, string | null>();
  for (const a of actors) {
    const key = a.color.toLowerCase();
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    out.set(a.id, LINE_DASHES[k % LINE_DASHES.length] ?? null);
  }
  dashCache.set(actors, out);
  return out;
}

/** One actor's line dash (null: solid): what the chart draws, for every swatch of that actor. */
export function actorDash(actors: ReadonlyArray<{ id: string; color: string }>, id: string): string | null {
  return lineDashes(actors).get(id) ?? null;
}
