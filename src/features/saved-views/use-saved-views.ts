import { useCallback, useEffect, useState } from 'react';
import {
  SAVED_VIEWS_KEY,
  loadSavedViews,
  newViewId,
  safeLocalStorage,
  updateSavedViews,
  type SavedView,
} from './saved-views-storage';

export interface SavedViewsApi {
  views: SavedView[];
  notices: string[];
  save: (view: Omit<SavedView, 'id' | 'createdAt'>) => SavedView | null;
  rename: (id: string, name: string) => void;
  remove: (id: string) => SavedView | null;
  restore: (view: SavedView) => void;
  dismissNotices: () => void;
}

/** The saved views in localStorage, kept in step with other tabs through the storage event. */
export function useSavedViews(storage: Storage | null = safeLocalStorage()): SavedViewsApi {
  const [state, setState] = useState(() => loadSavedViews(storage));

  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === null || e.key === SAVED_VIEWS_KEY) {
        const next = loadSavedViews(storage);
        setState((s) => ({ ...next, notices: [...s.notices, ...next.notices] }));
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [storage]);

  const apply = useCallback(
    (change: (views: SavedView[]) => SavedView[]) => {
      const next = updateSavedViews(change, storage);
      setState((s) => ({ ...next, notices: [...new Set([...s.notices, ...next.notices])] }));
      return next;
    },
    [storage],
  );

  const save = useCallback(
    (input: Omit<SavedView, 'id' | 'createdAt'>) => {
      const view: SavedView = {
        ...input,
        name: input.name.trim().slice(0, 120) || 'Untitled view',
        id: newViewId(),
        createdAt: new Date().toISOString(),
      };
      const next = apply((views) => [view, ...views]);
      return next.views.some((v) => v.id === view.id) ? view : null;
    },
    [apply],
  );

  const rename = useCallback(
    (id: string, name: string) => {
      const clean = name.trim().slice(0, 120);
      if (!clean) return;
      apply((views) => views.map((v) => (v.id === id ? { ...v, name: clean } : v)));
    },
    [apply],
  );

  const remove = useCallback(
    (id: string) => {
      const removed = state.views.find((v) => v.id === id) ?? null;
      apply((views) => views.filter((v) => v.id !== id));
      return removed;
    },
    [apply, state.views],
  );

  const restore = useCallback(
    (view: SavedView) => {
      apply((views) => (views.some((v) => v.id === view.id) ? views : [view, ...views]));
    },
    [apply],
  );

  const dismissNotices = useCallback(() => setState((s) => ({ ...s, notices: [] })), []);

  return { views: state.views, notices: state.notices, save, rename, remove, restore, dismissNotices };
}
