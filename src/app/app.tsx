import { lazy, Suspense, useDeferredValue } from 'react';
import { DatasetControls } from '../features/import/dataset-controls';
import { SavedViewsMenu } from '../features/saved-views/saved-views-menu';
import { useActiveDataset } from '../data/use-active-dataset';
import { StanceSourceContext } from '../data/stance-queries';
import { useUrlSync } from '../state/use-url-sync';
import { useUiStore } from '../state/ui-store';
import { PageNav } from './page-nav';
import { Explorer } from './explorer';
import { ErrorView, LoadingView } from './status-views';

// Loaded on demand: the codebook and its renderer are not needed for the first paint.
const MethodologyView = lazy(() =>
  import('../features/methodology/methodology-view').then((m) => ({ default: m.MethodologyView })),
);

export function App() {
  useUrlSync();
  const dataParam = useUiStore((s) => s.dataParam);
  const clearDataParam = useUiStore((s) => s.clearDataParam);
  // Filters name actors and themes of the previous dataset; a newly opened one starts from the defaults.
  const onDatasetReplaced = useUiStore((s) => s.resetFilters);
  const query = useActiveDataset({
    dataUrl: dataParam.url,
    ignoredDataParam: dataParam.ignored,
    clearDataParam,
    onDatasetReplaced,
  });
  const page = useUiStore((s) => s.page);
  // A dataset that has just arrived is drawn in a background render that yields to the browser every
  // few milliseconds (React's transition), not in one long task; the page keeps the loading view, or
  // the dataset it showed, until that render is done.
  const source = useDeferredValue(query.data ?? null, null);
  const title = source?.meta.title ?? 'Stance Tracker';
  return (
    <StanceSourceContext.Provider value={source}>
      <div className="app">
        <header className="app-header">
          <p className="brand">Stance Tracker</p>
          <h1>{title}</h1>
          <PageNav />
          <div className="header-tools">
            <DatasetControls active={query} />
            {source && <SavedViewsMenu dataset={source.meta} />}
          </div>
        </header>
        <main className="app-main">
          {query.isError ? (
            <ErrorView error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
          ) : !source ? (
            <LoadingView />
          ) : page === 'methodology' ? (
            <Suspense fallback={<LoadingView label="Loading the methodology…" />}>
              <MethodologyView dataset={source.meta} />
            </Suspense>
          ) : (
            <Explorer dataset={source.meta} />
          )}
        </main>
      </div>
    </StanceSourceContext.Provider>
  );
}
