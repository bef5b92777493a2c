import { DatasetControls } from '../features/import/dataset-controls';
import { useActiveDataset } from '../features/import/use-active-dataset';
import { SavedViewsMenu } from '../features/saved-views/saved-views-menu';
import { useUrlSync } from '../state/use-url-sync';
import { Explorer } from './explorer';
import { ErrorView, LoadingView } from './status-views';

export function App() {
  useUrlSync();
  const query = useActiveDataset();
  const title = query.data?.title ?? 'Stance Tracker';
  return (
    <div className="app">
      <header className="app-header">
        <p className="brand">Stance Tracker</p>
        <h1>{title}</h1>
        <div className="header-tools">
          <DatasetControls active={query} />
          {query.data && <SavedViewsMenu dataset={query.data} />}
        </div>
      </header>
      <main className="app-main">
        {query.isPending ? (
          <LoadingView />
        ) : query.isError ? (
          <ErrorView error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        ) : (
          <Explorer dataset={query.data} />
        )}
      </main>
    </div>
  );
}
