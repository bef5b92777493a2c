import { useEffect, useState } from 'react';
import type { ViewFilters } from '../domain/view-filters';
import {
  mergeSearch,
  parseDataParam,
  parseFilters,
  parsePage,
  withoutDataParam,
  type Page,
} from './url-codec';
import { useUiStore } from './ui-store';

// With initial-address.ts (what the page's entry reads before the app loads), the only code that
// touches the address bar (location and history); url-codec.ts turns its parameters into state and back.

// Changes closer together than this (a brush drag, typing a date) replace one history entry.
const COALESCE_MS = 600;

function readAddress(): void {
  const { search } = window.location;
  const store = useUiStore.getState();
  store.replaceFilters(parseFilters(search));
  store.setPage(parsePage(search));
  store.setDataParam(parseDataParam(search));
}

/** A link to one of the app's pages that keeps the current view (and `?data=`). */
export function pageHref(page: Page, filters: ViewFilters): string {
  return `${window.location.pathname}${mergeSearch(window.location.search, filters, page)}`;
}

/**
 * Mirrors the store's filters, page and `?data=` to the URL both ways: load and Back/Forward read the
 * URL into the store; store changes push a history entry (or replace it: coalesced changes, ids the
 * dataset lacks dropped from a link, `?data=` dropped when another dataset opens). Call once, at the
 * top of the app, before anything reads the store.
 */
export function useUrlSync(): void {
  // Read during the first render, not in an effect: which dataset loads depends on `?data=`, and the
  // query must not start on the bundled one first.
  useState(readAddress);

  useEffect(() => {
    let lastPush = 0;
    let applyingUrl = false;
    // A filter change is written to the address when the page is next idle, not inside the click:
    // pushState costs milliseconds, and the chart should reach the screen first. Changes made before
    // the write land in one entry (they are closer together than COALESCE_MS anyway).
    let pending: { push: boolean } | null = null;
    let idleHandle: number | null = null;

    const write = (url: string, push: boolean) => {
      if (push) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    };
    const targetUrl = (search: string) => {
      const { filters, page } = useUiStore.getState();
      const next = mergeSearch(search, filters, page);
      return next === window.location.search
        ? null
        : `${window.location.pathname}${next}${window.location.hash}`;
    };
    const flush = () => {
      if (idleHandle !== null) cancelIdleCallback(idleHandle);
      idleHandle = null;
      const p = pending;
      pending = null;
      const url = p && targetUrl(window.location.search);
      if (p && url) write(url, p.push);
    };

    const unsubscribe = useUiStore.subscribe((state, prev) => {
      const dataDropped =
        state.dataParam !== prev.dataParam && state.dataParam.url === null && !state.dataParam.ignored;
      if (applyingUrl || (state.filters === prev.filters && state.page === prev.page && !dataDropped)) return;
      const now = Date.now();
      const corrected = state.unknownIds !== prev.unknownIds && state.unknownIds !== null;
      if (
        state.page === prev.page &&
        !dataDropped &&
        !corrected &&
        typeof requestIdleCallback === 'function'
      ) {
        if (!pending) {
          pending = { push: now - lastPush >= COALESCE_MS };
          idleHandle = requestIdleCallback(flush, { timeout: 200 });
        }
        lastPush = now;
        return;
      }
      flush();
      const { search } = window.location;
      const url = targetUrl(dataDropped ? withoutDataParam(search) : search);
      if (!url) return;
      // A link corrected (ids the dataset lacks dropped) or `?data=` dropped for another dataset is the
      // same entry, not a step Back could return to.
      if (dataDropped || corrected) {
        window.history.replaceState(window.history.state, '', url);
        return;
      }
      // Changing page is always its own history entry, so Back returns to the explorer.
      write(url, state.page !== prev.page || now - lastPush >= COALESCE_MS);
      lastPush = now;
    });

    const onPopState = () => {
      // Back or Forward before an idle write: the address the user went to wins.
      if (idleHandle !== null) cancelIdleCallback(idleHandle);
      idleHandle = null;
      pending = null;
      applyingUrl = true;
      readAddress();
      applyingUrl = false;
      lastPush = 0;
    };
    window.addEventListener('popstate', onPopState);
    // Leaving or reloading before the idle write still keeps the view in the address.
    window.addEventListener('pagehide', flush);
    return () => {
      flush();
      unsubscribe();
      window.removeEventListener('popstate', onPopState);
      window.removeEventListener('pagehide', flush);
    };
  }, []);
}
