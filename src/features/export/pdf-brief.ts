import { jsPDF } from 'jspdf';
import { svg2pdf } from 'svg2pdf.js';
import regularTtf from '../../ui/fonts/inter-regular.ttf?url';
import semiboldTtf from '../../ui/fonts/inter-semibold.ttf?url';
import type { PaperSize } from '../../lib/paper-size';
import type { BriefContent, BriefItem } from './briefing-text';

// The one-page PDF brief. jsPDF writes the text (Inter TTF embedded and subset, so text stays text
// and Unicode survives) and svg2pdf.js draws the exported figure's own SVG as vector paths: the same
// figure, not a second drawing. Whatever does not fit the page is cut with "…and N more".
// Loaded with import() only when "Download brief (PDF)" is chosen.

export interface BriefInput {
  title: string;
  subtitle: string;
  /** The exported figure without its title, subtitle and footnote (those are text here). */
  figureSvg: string;
  figureWidth: number;
  figureHeight: number;
  content: BriefContent;
  paper: PaperSize;
  /** Said under the figure when its key events were left out. */
  eventsNote: string | null;
}

const M = 40;
const INK: [number, number, number] = [31, 35, 40];
const MUTED: [number, number, number] = [87, 96, 106];

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

async function fetchFont(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`The brief's font could not be loaded (HTTP ${res.status}).`);
  return toBase64(await res.arrayBuffer());
}

/** Inter regular as "normal", semibold as "bold" (our headings) and "600normal" (how svg2pdf names weight 600). */
async function addFonts(pdf: jsPDF): Promise<void> {
  const [regular, semibold] = await Promise.all([fetchFont(regularTtf), fetchFont(semiboldTtf)]);
  pdf.addFileToVFS('inter-regular.ttf', regular);
  pdf.addFileToVFS('inter-semibold.ttf', semibold);
  pdf.addFont('inter-regular.ttf', 'Inter', 'normal');
  pdf.addFont('inter-semibold.ttf', 'Inter', 'bold');
  pdf.addFont('inter-semibold.ttf', 'Inter', '600normal');
}

async function drawFigure(
  pdf: jsPDF,
  svg: string,
  box: { x: number; y: number; width: number; height: number },
) {
  const el = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  if (el.nodeName !== 'svg') throw new Error('The figure could not be read for the brief.');
  // Attached (out of sight) while drawn, so text measuring and styles resolve as in the page.
  const holder = document.createElement('div');
  holder.style.cssText = 'position:absolute;left:-10000px;top:0;width:0;height:0;overflow:hidden';
  holder.appendChild(document.importNode(el, true));
  document.body.appendChild(holder);
  try {
    await svg2pdf(holder.firstElementChild!, pdf, box);
  } finally {
    holder.remove();
  }
}

interface Style {
  size: number;
  bold?: boolean;
  color?: [number, number, number];
  line?: number;
}

export async function buildBriefPdf(input: BriefInput): Promise<Blob> {
  const pdf = new jsPDF({ unit: 'pt', format: input.paper, compress: true });
  await addFonts(pdf);
  pdf.setProperties({ title: input.title, subject: input.subtitle, creator: 'Stance Tracker' });
  const W = pdf.internal.pageSize.getWidth();
  const H = pdf.internal.pageSize.getHeight();
  const CW = W - 2 * M;
  const { content } = input;

  const setStyle = (s: Style) => {
    pdf.setFont('Inter', s.bold ? 'bold' : 'normal');
    pdf.setFontSize(s.size);
    pdf.setTextColor(...(s.color ?? INK));
  };
  const lineHeight = (s: Style) => s.line ?? s.size * 1.3;
  const wrap = (text: string, s: Style, width = CW, maxLines = Infinity): string[] => {
    setStyle(s);
    const lines = pdf.splitTextToSize(text, width) as string[];
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/\s*\S*$/, '')}…`;
    return kept;
  };
  const print = (lines: string[], s: Style, x: number, top: number): number => {
    setStyle(s);
    lines.forEach((l, i) => pdf.text(l, x, top + i * lineHeight(s), { baseline: 'top' }));
    return top + lines.length * lineHeight(s);
  };

  const TITLE: Style = { size: 17, bold: true, line: 21 };
  const SUB: Style = { size: 9.5, color: MUTED, line: 12 };
  const H2: Style = { size: 10.5, bold: true, line: 14 };
  const BODY: Style = { size: 8, line: 10.2 };
  const BOLD: Style = { size: 8, bold: true, line: 10.2 };
  const SMALL: Style = { size: 7.5, color: MUTED, line: 9.4 };

  // The foot of the page: where the data came from and when, always printed.
  const colophon = wrap([content.colophon, input.eventsNote].filter((x) => x).join(' '), SMALL);
  const bottom = H - M - colophon.length * lineHeight(SMALL) - 6;
  print(colophon, SMALL, M, H - M - colophon.length * lineHeight(SMALL));

  let y = M;
  y = print(wrap(input.title, TITLE, CW, 2), TITLE, M, y) + 2;
  y = print(wrap(input.subtitle, SUB, CW, 2), SUB, M, y) + 8;

  // The figure at the text's width, or narrower when that would take more than a third of the page.
  let fw = CW;
  let fh = (CW * input.figureHeight) / input.figureWidth;
  if (fh > H * 0.33) {
    fh = H * 0.33;
    fw = (fh * input.figureWidth) / input.figureHeight;
  }
  await drawFigure(pdf, input.figureSvg, { x: M + (CW - fw) / 2, y, width: fw, height: fh });
  y += fh + 10;

  if (content.summaries.length) {
    y = print(['Summary'], H2, M, y) + 2;
    for (const s of content.summaries) {
      const lines = wrap(`${s.actor}: ${s.sentence}`, BODY, CW - 12);
      if (y + lines.length * lineHeight(BODY) > bottom) break;
      pdf.setFillColor(s.color);
      pdf.rect(M, y + 2, 7, 7, 'F');
      y = print(lines, BODY, M + 12, y) + 1;
    }
    y += 6;
  }

  // Sources keep room for their heading and a few lines; the evidence takes the rest first.
  const sourceLines = content.sources.map((s) => wrap(s.text, SMALL, CW, 2));
  const reserve = content.sources.length
    ? lineHeight(H2) +
      4 +
      sourceLines.slice(0, 3).reduce((sum, l) => sum + l.length * lineHeight(SMALL) + 1, 0) +
      lineHeight(SMALL)
    : 0;

  // Each quote as one paragraph (label, byline, quote) and its source on one line under it.
  const itemBlock = (item: BriefItem) => {
    const head = wrap(item.heading, BOLD);
    const quotes = item.quotes.map((q) => ({
      text: wrap(`${q.label} — ${q.byline}: ${q.text}`, BODY, CW - 10, 4),
      source: wrap(q.source, SMALL, CW - 10, 1),
      url: q.url,
    }));
    const height =
      head.length * lineHeight(BOLD) +
      quotes.reduce(
        (sum, x) => sum + x.text.length * lineHeight(BODY) + x.source.length * lineHeight(SMALL) + 2,
        0,
      ) +
      4;
    return { head, quotes, height };
  };

  if (content.items.length) {
    y = print([content.evidenceHeading], H2, M, y) + 2;
    const limit = bottom - reserve - lineHeight(BODY);
    let shown = 0;
    for (const item of content.items) {
      const block = itemBlock(item);
      if (y + block.height > limit) break;
      y = print(block.head, BOLD, M, y);
      for (const x of block.quotes) {
        y = print(x.text, BODY, M + 10, y);
        // The source line is cut to one line; it links to the source's URL, which the sources list also gives.
        if (x.url) pdf.link(M + 10, y, CW - 10, lineHeight(SMALL), { url: x.url });
        y = print(x.source, SMALL, M + 10, y) + 2;
      }
      y += 4;
      shown++;
    }
    if (shown < content.items.length)
      y = print([`…and ${content.items.length - shown} more`], BOLD, M, y) + 6;
  }

  if (content.sources.length) {
    y = print([`Sources (${content.sources.length})`], H2, M, y) + 2;
    let shown = 0;
    for (const [i, s] of content.sources.entries()) {
      const lines = sourceLines[i]!;
      const h = lines.length * lineHeight(SMALL) + 1;
      const last = i === content.sources.length - 1;
      // Leave a line for "…and N more" unless this is the last source.
      if (y + h + (last ? 0 : lineHeight(SMALL)) > bottom) break;
      print(lines, SMALL, M, y);
      if (s.url) pdf.link(M, y, CW, h, { url: s.url });
      y += h;
      shown++;
    }
    if (shown < content.sources.length) print([`…and ${content.sources.length - shown} more`], SMALL, M, y);
  }

  if (pdf.getNumberOfPages() !== 1) throw new Error('The brief did not fit on one page.');
  return pdf.output('blob');
}
