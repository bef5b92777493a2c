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
