import { useEffect, useState } from 'react';
import type { ViewFilters } from '../domain/view-filters';
import {
  mergeSearch,
  parseDataParam,
  parseFilters,
  parsePage,
  withoutDataParam,
  type DataParam,
  type Page,
} from './url-codec';
import { useUiStore } from './ui-store';

// The only code that touches the address bar (location and history); url-codec.ts turns its
// parameters into state and back.

// Changes closer together than this (a brush drag, typing a date) replace one history entry.
const COALESCE_MS = 600;

function readAddress(): void {
  const { search } = window.location;
  const store = useUiStore.getState();
  store.replaceFilters(parseFilters(search));
  store.setPage(parsePage(search));
  store.setDataParam(parseDataParam(search));
}

/** The `?data=` parameter of the address the page opened with, read before the app renders (main.tsx). */
export function initialDataParam(): DataParam {
  return parseDataParam(window.location.search);
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

    const unsubscribe = useUiStore.subscribe((state, prev) => {
      const dataDropped =
        state.dataParam !== prev.dataParam && state.dataParam.url === null && !state.dataParam.ignored;
      if (applyingUrl || (state.filters === prev.filters && state.page === prev.page && !dataDropped)) return;
      const { pathname, search, hash } = window.location;
      const next = mergeSearch(dataDropped ? withoutDataParam(search) : search, state.filters, state.page);
      if (next === search) return;
      const url = `${pathname}${next}${hash}`;
      // A link corrected (ids the dataset lacks dropped) or `?data=` dropped for another dataset is the
      // same entry, not a step Back could return to.
      if (dataDropped || (state.unknownIds !== prev.unknownIds && state.unknownIds !== null)) {
        window.history.replaceState(window.history.state, '', url);
        return;
      }
      const now = Date.now();
      // Changing page is always its own history entry, so Back returns to the explorer.
      if (state.page === prev.page && now - lastPush < COALESCE_MS)
        window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      lastPush = now;
    });

    const onPopState = () => {
      applyingUrl = true;
      readAddress();
      applyingUrl = false;
      lastPush = 0;
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPopState);
    };
  }, []);
}
