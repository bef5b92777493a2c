import type { ViewSeries } from '../../domain/series';
import type { PlacedObservation } from '../../domain/dataset-index';
import { downloadBlob, downloadText } from '../../lib/download';
import { buildExportFileName, type ExportExtension } from '../../lib/file-name';
import { observationsCsv, seriesCsv } from './export-csv';
import { buildAltText, buildExportView, fileNameParts } from './export-view';
import {
  buildFigureDocument,
  buildFigureSvg,
  footnoteParagraphs,
  writeFigureSvg,
  type EmbeddedFont,
  type FigureInput,
} from './figure-svg';
import { buildBriefingEvidence } from '../../domain/briefing-evidence';
import { pivotFootnote, figurePivots } from '../../charts/pivot-figure';
import { briefContent, slideNotes } from './briefing-text';
import { paperForLocale } from '../../lib/paper-size';
import { rasterizeSvg } from './rasterize';
import { FIGURE_FONT_FILES } from '../../ui/figure-fonts';

// Everything the Export menu does, loaded with import() when the menu is first opened so it is not in the first paint's JavaScript.

/** The figure's inputs (the view asked of the query layer by the menu) and, for the series CSV, the unthinned lines. */
export interface ExportRequest extends Omit<FigureInput, 'generatedOn'> {
  /** The same view with every smoothed day (no thinning); only the series CSV needs it. */
  fullView?: ViewSeries;
  /** Every filtered observation in time order; only the observations CSV needs it. */
  observations?: PlacedObservation[];
}

/** Today as YYYY-MM-DD in the user's own time zone: the day they made the figure. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

// The page has already loaded these files for its own text, so this is read from the browser's cache.
let fontsPromise: Promise<EmbeddedFont[]> | null = null;
function loadFonts(): Promise<EmbeddedFont[]> {
  fontsPromise ??= Promise.all(
    FIGURE_FONT_FILES.map(async (f) => {
      const res = await fetch(f.url);
      if (!res.ok) throw new Error(`font ${f.url}: HTTP ${res.status}`);
      return { weight: f.weight, base64: toBase64(await res.arrayBuffer()) };
    }),
  ).catch(() => {
    // Without the embedded font the figure falls back to the next family in its font stack.
    fontsPromise = null;
    return [];
  });
  return fontsPromise;
}

/** The figure as a self-contained SVG file's text, with the figure font embedded. */
export async function figureSvg(req: ExportRequest): Promise<string> {
  return buildFigureSvg({ ...req, generatedOn: todayIso() }, await loadFonts());
}

export function fileName(req: ExportRequest, ext: ExportExtension, suffix?: string): string {
  return buildExportFileName({
    ...fileNameParts(buildExportView(req.dataset, req.filters, req.view)),
    ext,
    suffix,
  });
}

/** The figure as PNG bytes at `scale` device pixels per unit (2 gives 1920 px wide). */
export async function renderPng(req: ExportRequest, scale = 2): Promise<Blob> {
  return rasterizeSvg(await figureSvg(req), { scale });
}

export async function downloadPng(req: ExportRequest): Promise<string> {
  const name = fileName(req, 'png');
  downloadBlob(await renderPng(req), name);
  return name;
}

export async function downloadSvg(req: ExportRequest): Promise<string> {
  const name = fileName(req, 'svg');
  downloadText(await figureSvg(req), name, 'image/svg+xml');
  return name;
}

export function downloadCsv(req: ExportRequest): string {
  const name = fileName(req, 'csv');
  const ev = buildExportView(req.dataset, req.filters, req.view);
  downloadText(observationsCsv(ev, req.observations), name, 'text/csv');
  return name;
}

export function downloadSeriesCsv(req: ExportRequest): string {
  const name = fileName(req, 'csv', 'series');
  // Every smoothed day, before the downsampling the screen applies to keep drawing fast.
  downloadText(
    seriesCsv(buildExportView(req.dataset, req.filters, req.fullView ?? req.view)),
    name,
    'text/csv',
  );
  return name;
}

export function altText(req: ExportRequest): string {
  return buildAltText(buildExportView(req.dataset, req.filters, req.view), req.title);
}

/** The footnote as the figure prints it, in one paragraph per part (the slide's editable source line). */
function footnoteText(req: ExportRequest, generatedOn: string): string {
  const ev = buildExportView(req.dataset, req.filters, req.view);
  const note =
    req.pivots && req.byActor
      ? pivotFootnote(figurePivots(req.byActor, req.filters, req.pivots), req.pivots)
      : null;
  const f = footnoteParagraphs(ev, generatedOn, note);
  return [f.reading, f.sources, f.analysis, f.generated].filter((x) => x).join('\n');
}

/** More key events than this and the slide and brief leave the event lane out: its numbered key would not fit. */
export const BRIEFING_MAX_EVENTS = 12;

/** The figure for a slide or brief: no title, subtitle or footnote (those are text there), and no event lane when crowded. */
function briefingFigure(req: ExportRequest, generatedOn: string) {
  const doc = buildFigureDocument({ ...req, generatedOn, chartOnly: true });
  if (doc.key.length <= BRIEFING_MAX_EVENTS) return { doc, eventsLeftOut: null };
  return {
    doc: buildFigureDocument({
      ...req,
      filters: { ...req.filters, events: false },
      generatedOn,
      chartOnly: true,
    }),
    eventsLeftOut: `Key events (${doc.key.length} in this range) are not drawn here, too many for one page; the PNG and SVG exports number them, or narrow the range.`,
  };
}

/** The one-slide PPTX: the figure (PNG, at 2× its 960-unit width) with editable text and the evidence in the notes. */
export async function renderSlide(req: ExportRequest): Promise<Blob> {
  const generatedOn = todayIso();
  const [fonts, { buildSlidePptx }] = await Promise.all([loadFonts(), import('./slide-pptx')]);
  const { doc, eventsLeftOut } = briefingFigure(req, generatedOn);
  const png = await rasterizeSvg(writeFigureSvg(doc, fonts), { scale: 2 });
  const evidence = buildBriefingEvidence(req.dataset, req.filters, req.pivots ?? null, req);
  return buildSlidePptx({
    title: doc.title,
    subtitle: req.subtitle,
    pngBase64: toBase64(await png.arrayBuffer()),
    figureWidth: doc.width,
    figureHeight: doc.height,
    altText: doc.alt,
    footnote: [footnoteText(req, generatedOn), eventsLeftOut].filter((x) => x).join('\n'),
    notes: slideNotes(evidence, req.dataset, generatedOn),
  });
}

export async function downloadSlide(req: ExportRequest): Promise<string> {
  const name = fileName(req, 'pptx');
  downloadBlob(await renderSlide(req), name);
  return name;
}

/** The one-page PDF brief, on A4 or US Letter by the browser's language tag (see paperForLocale). */
export async function renderBrief(req: ExportRequest): Promise<Blob> {
  const generatedOn = todayIso();
  const { buildBriefPdf } = await import('./pdf-brief');
  const { doc, eventsLeftOut } = briefingFigure(req, generatedOn);
  const evidence = buildBriefingEvidence(req.dataset, req.filters, req.pivots ?? null, req);
  return buildBriefPdf({
    eventsNote: eventsLeftOut,
    title: doc.title,
    subtitle: req.subtitle,
    // No embedded WOFF2: the PDF maps the figure's "Inter" to its own embedded TTF.
    figureSvg: writeFigureSvg(doc),
    figureWidth: doc.width,
    figureHeight: doc.height,
    content: briefContent(evidence, req.dataset, generatedOn),
    paper: paperForLocale(navigator.language),
  });
}

export async function downloadBrief(req: ExportRequest): Promise<string> {
  const name = fileName(req, 'pdf');
  downloadBlob(await renderBrief(req), name);
  return name;
}
