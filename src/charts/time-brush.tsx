import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { DAY_MS } from '../domain/dates';
import { useElementWidth } from '../ui/use-element-width';
import { extentDays, normalizeRange, shiftRange, timeToX, xToDay } from './brush-math';

export interface TimeBrushProps {
  /** Full time extent the brush spans (ms). */
  extent: [number, number];
  /** Selected range, as UTC day starts (ms). */
  value: [number, number];
  /** Observation counts per equal-width bin across the extent (the overview). */
  bins: number[];
  onCommit: (range: [number, number]) => void;
  formatDay: (t: number) => string;
  formatTick: (t: number) => string;
  /** Tick times for at most `maxTicks` labels (the brush knows its width, the caller the calendar). */
  ticks: (maxTicks: number) => number[];
}

type Drag =
  | { mode: 'create'; anchor: number }
  | { mode: 'move'; grab: number; start: [number, number] }
  | { mode: 'start' | 'end' };

const HEIGHT = 44;
const HANDLE_KEYS: Record<string, number> = {
  ArrowLeft: -DAY_MS,
  ArrowDown: -DAY_MS,
  ArrowRight: DAY_MS,
  ArrowUp: DAY_MS,
  PageDown: -30 * DAY_MS,
  PageUp: 30 * DAY_MS,
};

/**
 * An overview strip under the chart: drag across it to choose a range, drag the window to move it,
 * drag or arrow-key its two handles to resize. The range is drawn locally while dragging and
 * committed once on release, so the chart redraws once per gesture.
 */
export function TimeBrush({ extent, value, bins, onCommit, formatDay, formatTick, ticks }: TimeBrushProps) {
  // Drawn once measured (with the page's first layout): the strip is never drawn at a guessed width.
  const [ref, measured] = useElementWidth<HTMLDivElement>(600, { waitForMeasure: true });
  const width = measured ?? 600;
  const [draft, setDraft] = useState<[number, number] | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [a, b] = draft ?? value;
  const xa = timeToX(a, extent, width);
  const xb = timeToX(b + DAY_MS, extent, width);
  const maxCount = Math.max(1, ...bins);
  const barWidth = width / Math.max(1, bins.length);

  // With everything selected there is nothing to move, so a drag anywhere draws a new range.
  const [firstDay, lastDay] = extentDays(extent);
  const coversAll = a <= firstDay && b >= lastDay;

  const localX = (e: PointerEvent<HTMLElement>) => e.clientX - e.currentTarget.getBoundingClientRect().left;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const target = e.target as HTMLElement;
    const x = localX(e);
    const day = xToDay(x, extent, width);
    e.currentTarget.setPointerCapture?.(e.pointerId);
    e.preventDefault();
    if (target.dataset.handle === 'start' || target.dataset.handle === 'end') {
      setDrag({ mode: target.dataset.handle });
      target.focus();
    } else if (target.dataset.window === 'true' && !coversAll) {
      setDrag({ mode: 'move', grab: day, start: [a, b] });
    } else {
      setDrag({ mode: 'create', anchor: day });
      setDraft([day, day]);
    }
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const day = xToDay(localX(e), extent, width);
    if (drag.mode === 'create') setDraft(normalizeRange(drag.anchor, day, extent));
    else if (drag.mode === 'move') setDraft(shiftRange(drag.start, day - drag.grab, extent));
    else if (drag.mode === 'start') setDraft(normalizeRange(day, b, extent));
    else setDraft(normalizeRange(a, day, extent));
  };

  const finish = () => {
    // A click without a drag on the empty track selects nothing.
    const moved = draft && !(drag?.mode === 'create' && draft[0] === draft[1]);
    if (drag && draft && moved) onCommit(draft);
    setDrag(null);
    setDraft(null);
  };

  const onHandleKey = (which: 'start' | 'end') => (e: KeyboardEvent<HTMLDivElement>) => {
    let next: [number, number] | null = null;
    const [lo, hi] = extentDays(extent);
    if (e.key in HANDLE_KEYS) {
      const d = HANDLE_KEYS[e.key]!;
      next =
        which === 'start' ? [Math.min(Math.max(a + d, lo), b), b] : [a, Math.max(Math.min(b + d, hi), a)];
    } else if (e.key === 'Home') next = which === 'start' ? [lo, b] : [a, a];
    else if (e.key === 'End') next = which === 'start' ? [b, b] : [a, hi];
    if (next) {
      e.preventDefault();
      onCommit(next);
    }
  };

  return (
    <div className="time-brush" role="group" aria-label="Time range brush">
      <div
        ref={ref}
        className={`brush-track${drag ? ' is-dragging' : ''}`}
        style={{ height: HEIGHT }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={finish}
        onPointerCancel={finish}
        data-testid="brush-track"
      >
        {measured !== null && (
          <>
            <svg width={width} height={HEIGHT} aria-hidden="true" className="brush-overview">
              {bins.map((n, i) =>
                n > 0 ? (
                  <rect
                    key={i}
                    x={i * barWidth + 0.5}
                    width={Math.max(1, barWidth - 1)}
                    y={HEIGHT - 2 - (n / maxCount) * (HEIGHT - 8)}
                    height={(n / maxCount) * (HEIGHT - 8)}
                    fill="var(--brush-bar)"
                  />
                ) : null,
              )}
            </svg>
            <div className="brush-shade" style={{ left: 0, width: Math.max(0, xa) }} />
            <div className="brush-shade" style={{ left: xb, right: 0 }} />
            <div
              className="brush-window"
              data-window="true"
              style={{ left: xa, width: Math.max(2, xb - xa) }}
            />
            {(['start', 'end'] as const).map((which) => (
              <div
                key={which}
                role="slider"
                tabIndex={0}
                data-handle={which}
                className={`brush-handle brush-handle-${which}`}
                style={{ left: (which === 'start' ? xa : xb) - 6 }}
                aria-label={which === 'start' ? 'Range start' : 'Range end'}
                aria-valuemin={Math.floor(extentDays(extent)[0] / DAY_MS)}
                aria-valuemax={Math.floor(extentDays(extent)[1] / DAY_MS)}
                aria-valuenow={Math.floor((which === 'start' ? a : b) / DAY_MS)}
                aria-valuetext={formatDay(which === 'start' ? a : b)}
                onKeyDown={onHandleKey(which)}
              />
            ))}
          </>
        )}
      </div>
      <div className="brush-ticks" aria-hidden="true">
        {measured !== null &&
          ticks(Math.max(2, Math.floor(width / 90))).map((t) => (
            <span key={t} style={{ left: timeToX(t, extent, width) }}>
              {formatTick(t)}
            </span>
          ))}
      </div>
    </div>
  );
}
