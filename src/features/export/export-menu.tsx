import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { DatasetMeta } from '../../domain/dataset-index';
import { describeView } from '../../domain/describe-view';
import { ALL_POINTS, type ViewSeries } from '../../domain/series';
import { toSeriesQuery } from '../../domain/series-query';
import { useUiStore } from '../../state/ui-store';
import {
  byActorOptions,
  fetchViewObservations,
  seriesOptions,
  useStanceSource,
} from '../../data/stance-queries';
import type { StanceSource } from '../../data/stance-source';
import type { ExportRequest } from './export-actions';

type ExportActions = typeof import('./export-actions');

// One shared promise: the first open starts the download of the export code, later uses reuse it.
let actionsPromise: Promise<ExportActions> | null = null;
function loadActions(): Promise<ExportActions> {
  actionsPromise ??= import('./export-actions');
  return actionsPromise;
}

export const EXPORT_ITEMS = [
  'Download PNG',
  'Download SVG',
  'Download CSV',
  'Download series CSV',
  'Download slide (PPTX)',
  'Download brief (PDF)',
  'Copy image',
  'Copy alt text',
] as const;
export type ExportItem = (typeof EXPORT_ITEMS)[number];

// Said while an item takes a moment; the slide and the brief also load their writer on first use.
const BUSY_MESSAGES: Partial<Record<ExportItem, string>> = {
  'Copy image': 'Drawing the figure…',
  'Download PNG': 'Drawing the figure…',
  'Download slide (PPTX)': 'Making the slide…',
  'Download brief (PDF)': 'Making the brief…',
};

export const COPY_IMAGE_UNSUPPORTED = 'Your browser does not allow copying images; use Download PNG instead.';

function describeError(err: unknown): string {
  return err instanceof Error && err.message ? err.message : 'Something went wrong.';
}

/** Lines are thinned to this many points per actor in exported figures. */
const FIGURE_LINE_POINTS = 1000;

type ExportBase = Omit<ExportRequest, 'view' | 'fullView' | 'byActor' | 'observations'>;

/** Asks the query layer for what the item draws or writes: the view, the unthinned lines, the pivots' input. */
async function prepare(
  client: QueryClient,
  source: StanceSource,
  base: ExportBase,
  item: ExportItem,
): Promise<ExportRequest> {
  const query = toSeriesQuery(base.filters, base.dataset);
  const view = await client.fetchQuery(seriesOptions(source, query, FIGURE_LINE_POINTS));
  const fullView =
    item === 'Download series CSV'
      ? await client.fetchQuery(seriesOptions(source, query, ALL_POINTS))
      : undefined;
  const byActor = base.pivots ? await client.fetchQuery(byActorOptions(source, query)) : undefined;
  const observations =
    item === 'Download CSV' ? await fetchViewObservations(client, source, query) : undefined;
  return { ...base, view, fullView, byActor, observations };
}

/** Writes the PNG to the clipboard; the ClipboardItem is made synchronously so the click still counts as the user's gesture. */
function copyImage(request: Promise<ExportRequest>): Promise<string> {
  if (typeof ClipboardItem === 'undefined' || typeof navigator.clipboard?.write !== 'function') {
    return Promise.resolve(COPY_IMAGE_UNSUPPORTED);
  }
  const png = Promise.all([loadActions(), request]).then(([m, req]) => m.renderPng(req));
  return navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]).then(
    () => 'Copied image to clipboard.',
    (err: unknown) =>
      err instanceof DOMException && err.name === 'NotAllowedError'
        ? COPY_IMAGE_UNSUPPORTED
        : `Could not copy the image: ${describeError(err)} Use Download PNG instead.`,
  );
}

async function copyAltText(req: ExportRequest): Promise<string> {
  const text = (await loadActions()).altText(req);
  if (typeof navigator.clipboard?.writeText !== 'function') {
    return 'Your browser does not allow copying text here; the alt text is also inside the SVG as its description.';
  }
  try {
    await navigator.clipboard.writeText(text);
    return 'Copied alt text to clipboard.';
  } catch {
    return 'Your browser did not allow copying; the alt text is also inside the SVG as its description.';
  }
}

async function runItem(item: ExportItem, request: Promise<ExportRequest>): Promise<string> {
  if (item === 'Copy image') return copyImage(request);
  const req = await request;
  if (item === 'Copy alt text') return copyAltText(req);
  const m = await loadActions();
  switch (item) {
    case 'Download PNG':
      return `Downloaded ${await m.downloadPng(req)}.`;
    case 'Download SVG':
      return `Downloaded ${await m.downloadSvg(req)}.`;
    case 'Download CSV':
      return `Downloaded ${m.downloadCsv(req)}.`;
    case 'Download series CSV':
      return `Downloaded ${m.downloadSeriesCsv(req)}.`;
    case 'Download slide (PPTX)':
      return `Downloaded ${await m.downloadSlide(req)}.`;
    case 'Download brief (PDF)':
      return `Downloaded ${await m.downloadBrief(req)}.`;
  }
}

/**
 * The Export menu button (WAI-ARIA menu button pattern) with the editable figure title and a
 * polite status line. Renders inside the chart toolbar; the export code loads on first use.
 */
export function ExportMenu({ dataset, view: shown }: { dataset: DatasetMeta; view: ViewSeries | undefined }) {
  const filters = useUiStore((s) => s.filters);
  const source = useStanceSource();
  const client = useQueryClient();
  const view = useMemo(() => describeView(dataset, filters, shown?.series ?? []), [dataset, filters, shown]);
  // null follows the view's default title; a string is the user's own, kept across view changes.
  const [customTitle, setCustomTitle] = useState<string | null>(null);
  const title = customTitle ?? view.title;
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');
  const ids = useId();
  const buttonId = `${ids}-button`;
  const menuId = `${ids}-menu`;
  const titleId = `${ids}-title`;

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    const list = items();
    (focusOnOpen.current === 'last' ? list[list.length - 1] : list[0])?.focus();
    // A press anywhere outside closes the menu, as a native menu would.
    const onPointerDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  // A message stays long enough to read, then clears so it does not cover the chart.
  useEffect(() => {
    if (!status || busy) return;
    const timer = setTimeout(() => setStatus(''), 8000);
    return () => clearTimeout(timer);
  }, [status, busy]);

  const openMenu = (focus: 'first' | 'last') => {
    focusOnOpen.current = focus;
    setStatus('');
    void loadActions().catch(() => {
      actionsPromise = null;
    });
    setOpen(true);
  };

  const closeMenu = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  const choose = (item: ExportItem) => {
    closeMenu(true);
    // Pivot markers go into the figure exactly when they are on the chart.
    const { open: analysisOpen, showPivots, sensitivity, minSegment } = useUiStore.getState().analysis;
    const pivots = analysisOpen && showPivots ? { sensitivity, minSegment } : null;
    const base: ExportBase = {
      dataset,
      filters,
      title: title.trim() || view.title,
      subtitle: view.subtitle,
      pivots,
    };
    setBusy(true);
    setStatus(BUSY_MESSAGES[item] ?? '');
    runItem(item, prepare(client, source, base, item))
      .then(setStatus, (err: unknown) => setStatus(`Export failed: ${describeError(err)}`))
      .finally(() => setBusy(false));
  };

  const onButtonKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openMenu(e.key === 'ArrowUp' ? 'last' : 'first');
    }
  };

  const onMenuKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      e.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(at + 1);
      case 'ArrowUp':
        return move(at - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(list.length - 1);
      case 'Escape':
        e.preventDefault();
        return closeMenu(true);
      case 'Tab':
        return closeMenu(false);
      default:
        // Type-ahead: the next item starting with the typed letter.
        if (e.key.length === 1 && /\S/.test(e.key)) {
          const letter = e.key.toLowerCase();
          const order = [...list.slice(at + 1), ...list.slice(0, at + 1)];
          const next = order.find((el) => el.textContent?.trim().toLowerCase().startsWith(letter));
          if (next) {
            e.preventDefault();
            next.focus();
          }
        }
    }
  };

  return (
    <div className="export-controls" ref={rootRef}>
      <label className="export-title-field" htmlFor={titleId}>
        <span>Figure title</span>
        <input
          id={titleId}
          type="text"
          value={title}
          maxLength={200}
          onChange={(e) => setCustomTitle(e.target.value)}
        />
      </label>
      {customTitle !== null && (
        <button type="button" className="export-title-reset" onClick={() => setCustomTitle(null)}>
          Reset title
        </button>
      )}
      <div className="export-menu-anchor">
        <button
          ref={buttonRef}
          id={buttonId}
          type="button"
          aria-haspopup="menu"
          aria-expanded={open}
          aria-controls={open ? menuId : undefined}
          aria-busy={busy || undefined}
          onClick={() => (open ? closeMenu(false) : openMenu('first'))}
          onKeyDown={onButtonKeyDown}
        >
          Export <span aria-hidden="true">▾</span>
        </button>
        {open && (
          <div
            ref={menuRef}
            id={menuId}
            role="menu"
            aria-labelledby={buttonId}
            className="export-menu"
            onKeyDown={onMenuKeyDown}
          >
            {EXPORT_ITEMS.map((item) => (
              <button
                key={item}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="export-menu-item"
                onClick={() => choose(item)}
              >
                {item}
              </button>
            ))}
          </div>
        )}
      </div>
      {/* aria-live rather than role=status: the view's own "No observations" message is the page's status. */}
      <p className="export-status" aria-live="polite" aria-atomic="true">
        {status}
      </p>
    </div>
  );
}
