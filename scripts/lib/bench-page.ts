// Page-side helpers of the benchmark, injected as a string: tsx rewrites functions passed to
// page.evaluate (it adds a __name helper that does not exist in the page).

/**
 * `window.__benchDrawn(selector, count, quietMs)`: resolves with the time (ms since navigation) of the
 * paint after the chart's last change, counted from when `count` elements match `selector` until no
 * change inside a <figure> for `quietMs`.
 *
 * `window.__benchSettle(el, figureSelector)`: clicks `el` and resolves with the time in ms from the
 * click to the paint after the LAST change of the chart, once the chart has been quiet for
 * `quietMs` (a change that arrives in a later task, e.g. a deferred render, still counts), or -1 when
 * nothing changed at all.
 */
export const SETTLE_SCRIPT = `
window.__benchSettle = (el, figureSelector, quietMs) => new Promise((resolve) => {
  const figure = document.querySelector(figureSelector);
  if (!el || !figure) throw new Error('no control or chart');
  const t0 = performance.now();
  let lastPaint = -1;
  let pending = 0;
  let quietTimer = 0;
  const finish = () => {
    if (pending > 0) { quietTimer = setTimeout(finish, quietMs); return; }
    mo.disconnect();
    resolve(lastPaint < 0 ? -1 : lastPaint - t0);
  };
  const mo = new MutationObserver(() => {
    pending++;
    // The next frame's paint: rAF runs before it, a task queued from rAF runs after it.
    requestAnimationFrame(() => setTimeout(() => {
      lastPaint = Math.max(lastPaint, performance.now());
      pending--;
    }, 0));
    clearTimeout(quietTimer);
    quietTimer = setTimeout(finish, quietMs);
  });
  mo.observe(figure, { subtree: true, childList: true, attributes: true, characterData: true });
  quietTimer = setTimeout(finish, quietMs);
  el.click();
});
window.__benchDrawn = (selector, count, quietMs) => new Promise((resolve) => {
  let reached = false;
  let lastPaint = -1;
  let pending = 0;
  let quietTimer = 0;
  const stamp = () => {
    pending++;
    requestAnimationFrame(() => setTimeout(() => {
      lastPaint = Math.max(lastPaint, performance.now());
      pending--;
    }, 0));
  };
  const finish = () => {
    if (pending > 0) { quietTimer = setTimeout(finish, quietMs); return; }
    mo.disconnect();
    resolve(lastPaint);
  };
  const mo = new MutationObserver((records) => {
    if (!reached) {
      if (document.querySelectorAll(selector).length < count) return;
      reached = true;
    } else if (!records.some((r) => r.target.nodeType === 1 ? r.target.closest('figure') : r.target.parentElement?.closest('figure'))) {
      return;
    }
    stamp();
    clearTimeout(quietTimer);
    quietTimer = setTimeout(finish, quietMs);
  });
  mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
});
window.__benchLongTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__benchLongTasks.push(e.duration);
}).observe({ type: 'longtask', buffered: true });
`;

export interface BenchWindow {
  /** Started by the init script: ms from navigation to the paint after the chart's last change. */
  __benchLoad: Promise<number>;
  __benchDrawn: (selector: string, count: number, quietMs: number) => Promise<number>;
  __benchSettle: (el: Element, figureSelector: string, quietMs: number) => Promise<number>;
  __benchLongTasks: number[];
}
