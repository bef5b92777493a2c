import { useCallback, useMemo, useSyncExternalStore } from 'react';

/** Whether a CSS media query matches, kept live; false where matchMedia is missing (jsdom). */
export function useMediaQuery(query: string): boolean {
  // One list per query, kept: React reads the snapshot on every render of the page, and a new list per
  // read (and a new subscription per render) showed up in each filter change's profile.
  const list = useMemo(
    () => (typeof window.matchMedia === 'function' ? window.matchMedia(query) : null),
    [query],
  );
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!list) return () => {};
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [list],
  );
  return useSyncExternalStore(
    subscribe,
    () => list?.matches ?? false,
    () => false,
  );
}
