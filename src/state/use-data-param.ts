import { useCallback, useEffect, useState } from 'react';
import { hasIgnoredDataParam, readDataParam, withoutDataParam } from './url-codec';

export interface DataParam {
  /** The usable `?data=` URL, or null. */
  dataUrl: string | null;
  /** The address had a `data` parameter that was not a usable URL, so the bundled dataset opened instead. */
  ignoredDataParam: boolean;
  /** Drops `?data=` from the address, keeping every other parameter. */
  clearDataParam: () => void;
}

/** The `?data=` parameter of the address, kept current on Back/Forward. */
export function useDataParam(): DataParam {
  const [dataUrl, setDataUrl] = useState(() => readDataParam(window.location.search));
  const [ignoredDataParam, setIgnoredDataParam] = useState(() => hasIgnoredDataParam(window.location.search));

  useEffect(() => {
    const onPopState = () => {
      setDataUrl(readDataParam(window.location.search));
      setIgnoredDataParam(hasIgnoredDataParam(window.location.search));
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const clearDataParam = useCallback(() => {
    const { pathname, search, hash } = window.location;
    const next = withoutDataParam(search);
    if (next !== search) window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
    setDataUrl(null);
    setIgnoredDataParam(false);
  }, []);

  return { dataUrl, ignoredDataParam, clearDataParam };
}
