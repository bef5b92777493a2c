import { useEffect } from 'react';
import { mergeSearch, parseFilters, parsePage } from './url-codec';
import { useUiStore } from './ui-store';

// Changes closer together than this (a brush drag, typing a date) replace one history entry.
const COALESCE_MS = 600;

/**
 * Mirrors the store's filters and page to the URL both ways: load and Back/Forward read the URL into the
 * store; store changes push a history entry. Call once, high in the tree.
 */
export function useUrlSync(): void {
  useEffect(() => {
    const store = useUiStore.getState();
    store.replaceFilters(parseFilters(window.location.search));
    store.setPage(parsePage(window.location.search));
    let lastPush = 0;
    let applyingUrl = false;

    const unsubscribe = useUiStore.subscribe((state, prev) => {
      if (applyingUrl || (state.filters === prev.filters && state.page === prev.page)) return;
      const search = mergeSearch(window.location.search, state.filters, state.page);
      if (search === window.location.search) return;
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      const now = Date.now();
      // Changing page is always its own history entry, so Back returns to the explorer.
      if (state.page === prev.page && now - lastPush < COALESCE_MS)
        window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      lastPush = now;
    });

    const onPopState = () => {
      applyingUrl = true;
      useUiStore.getState().replaceFilters(parseFilters(window.location.search));
      useUiStore.getState().setPage(parsePage(window.location.search));
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
