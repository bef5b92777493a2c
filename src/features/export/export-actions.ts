import type { Dataset } from '../../domain/schema';
import type { ViewFilters } from '../../domain/view-filters';
import type { FigurePivotSettings } from '../../charts/pivot-figure';
import { downloadBlob, downloadText } from '../../lib/download';
import { buildExportFileName, type ExportExtension } from '../../lib/file-name';
import { observationsCsv, seriesCsv } from './export-csv';
import { buildAltText, buildExportView, fileNameParts } from './export-view';
import { buildFigureSvg } from './figure-svg';
import { rasterizeSvg } from './rasterize';

// Everything the Export menu does, loaded with import() when the menu is first opened so it is not in the first paint's JavaScript.

export interface ExportRequest {
  dataset: Dataset;
  filters: ViewFilters;
  title: string;
  subtitle: string;
  /** The Analysis section's pivot settings when its markers are on screen, so the figure carries them. */
  pivots?: FigurePivotSettings | null;
}

/** Today as YYYY-MM-DD in the user's own time zone: the day they made the figure. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function figureSvg(req: ExportRequest): string {
  return buildFigureSvg({ ...req, generatedOn: todayIso() });
}

export function fileName(req: ExportRequest, ext: ExportExtension, suffix?: string): string {
  return buildExportFileName({ ...fileNameParts(buildExportView(req.dataset, req.filters)), ext, suffix });
}

export function renderPng(req: ExportRequest): Promise<Blob> {
  return rasterizeSvg(figureSvg(req), { scale: 2 });
}

export async function downloadPng(req: ExportRequest): Promise<string> {
  const name = fileName(req, 'png');
  downloadBlob(await renderPng(req), name);
  return name;
}

export function downloadSvg(req: ExportRequest): string {
  const name = fileName(req, 'svg');
  downloadText(figureSvg(req), name, 'image/svg+xml');
  return name;
}

export function downloadCsv(req: ExportRequest): string {
  const name = fileName(req, 'csv');
  downloadText(observationsCsv(buildExportView(req.dataset, req.filters)), name, 'text/csv');
  return name;
}

export function downloadSeriesCsv(req: ExportRequest): string {
  const name = fileName(req, 'csv', 'series');
  // Every smoothed day, before the downsampling the screen applies to keep drawing fast.
  downloadText(seriesCsv(buildExportView(req.dataset, req.filters, Infinity)), name, 'text/csv');
  return name;
}

export function altText(req: ExportRequest): string {
  return buildAltText(buildExportView(req.dataset, req.filters), req.title);
}
