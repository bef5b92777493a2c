import { useLayoutEffect, type RefObject } from 'react';

const LAYER = 'g[class^="recharts-zIndex-layer"]:not([tabindex])';

/**
 * Recharts 3.11 renders its z-index layers as portal <g>s; React listens for focus on portal
 * containers and Chromium then makes those <g>s Tab stops (empty ones, with no name). Marking them
 * tabindex="-1" takes them out of the Tab order, also for layers Recharts adds later.
 */
export function useUntabbableLayers(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const patch = () => root.querySelectorAll(LAYER).forEach((g) => g.setAttribute('tabindex', '-1'));
    patch();
    if (typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(patch);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ref]);
}
