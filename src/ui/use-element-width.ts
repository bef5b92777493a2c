import { startTransition, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Measures an element's width so charts get an explicit size (jsdom has no layout: there the fallback
 * stays). With `waitForMeasure` the width is null until the first measurement: a chart that waits for
 * it is computed and drawn once, at its real width, instead of once at the fallback and again when
 * measured. That measurement is the ResizeObserver's first report, which comes with the page's own
 * first layout, so the page paints around an empty box and the chart follows in its own task, rather
 * than one long task forcing a layout of the whole page halfway through the first render.
 */
export function useElementWidth<T extends HTMLElement>(
  fallback: number,
): readonly [RefObject<T | null>, number];
export function useElementWidth<T extends HTMLElement>(
  fallback: number,
  options: { waitForMeasure: true },
): readonly [RefObject<T | null>, number | null];
export function useElementWidth<T extends HTMLElement>(fallback: number, options?: { waitForMeasure: true }) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(options?.waitForMeasure ? null : fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      setWidth((current) => (w > 0 ? w : (current ?? fallback)));
    };
    if (typeof ResizeObserver === 'undefined') {
      measure();
      return;
    }
    if (!options?.waitForMeasure) measure();
    // What a new width redraws (a whole chart) renders in slices that yield to the browser.
    const ro = new ResizeObserver(() => startTransition(measure));
    ro.observe(el);
    return () => ro.disconnect();
    // The fallback only matters before the first measurement.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return [ref, width] as const;
}
