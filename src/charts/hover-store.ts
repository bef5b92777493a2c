/**
 * A tiny external store for the hovered/focused point: the tooltip subscribes to it, so moving the
 * mouse re-renders only the tooltip, never the chart or the explorer around it.
 */
export interface HoverStore<T> {
  get: () => T | null;
  set: (value: T | null) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createHoverStore<T>(): HoverStore<T> {
  let value: T | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next) => {
      if (next === value) return;
      value = next;
      for (const l of listeners) l();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
