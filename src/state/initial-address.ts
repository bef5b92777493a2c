import { parseDataParam, parseFilters, type DataParam } from './url-codec';

// What the page's entry (main.tsx) reads from the address before the app's code has loaded, apart from
// use-url-sync.ts (which pulls in the store), so the entry stays small.

/** The `?data=` parameter of the address the page opened with. */
export function initialDataParam(): DataParam {
  return parseDataParam(window.location.search);
}

/** The actors the address selects (null: the default, every actor): the ones the first chart draws. */
export function initialActors(): string[] | null {
  return parseFilters(window.location.search).actors;
}
