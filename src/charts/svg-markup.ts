import { escapeXml } from './svg-text';
import { r1 } from './paths';

// Writing SVG elements as strings, for the export's writers: attributes escaped, numbers rounded alike.

export type Attrs = Record<string, string | number | null | undefined>;

export function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? r1(v) : escapeXml(v!)}"`)
    .join('');
}

export const el = (name: string, a: Attrs, body?: string) =>
  body === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${body}</${name}>`;

/** Wrapped lines as tspans; each but the last keeps its trailing space, so the text reads whole when copied. */
export function textLines(lines: string[], x: number, y: number, lineHeight: number): string {
  return lines
    .map((l, i) => el('tspan', { x, y: y + i * lineHeight }, escapeXml(i < lines.length - 1 ? `${l} ` : l)))
    .join('');
}
