import { startTransition, useEffect, useState } from 'react';

/**
 * `value`, caught up once the browser is idle after it changed (within `timeoutMs`), and rendered as
 * a transition, in slices that yield: for parts of the page that may lag a frame behind a change the
 * reader is watching elsewhere. Null until the first catch-up. Where the browser has no idle callback
 * (jsdom, Safari), the catch-up is an ordinary transition right after the change.
 */
export function useIdleValue<T>(value: T, timeoutMs = 200): T | null {
  const [shown, setShown] = useState<T | null>(null);
  useEffect(() => {
    const catchUp = () => startTransition(() => setShown(() => value));
    if (typeof requestIdleCallback !== 'function') {
      catchUp();
      return;
    }
    const id = requestIdleCallback(catchUp, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }, [value, timeoutMs]);
  return shown;
}

/**
 * False on a component's first render, true once the browser has been idle since (useIdleValue): for
 * controls that may appear a moment after what the reader is waiting for, the chart.
 */
export function useReadyWhenIdle(): boolean {
  return useIdleValue(true) !== null;
}
