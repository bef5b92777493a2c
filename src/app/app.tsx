import { useDataset } from '../data/use-dataset';
import { useUrlSync } from '../state/use-url-sync';
import { StanceChartPanel } from '../features/chart/stance-chart-panel';
import { ErrorView, LoadingView } from './status-views';

export function App() {
  useUrlSync();
  const query = useDataset();
  const title = query.data?.title ?? 'Stance Tracker';
  return (
    <div className="app">
      <header className="app-header">
        <p className="brand">Stance Tracker</p>
        <h1>{title}</h1>
      </header>
      <main className="app-main">
        {query.isPending ? (
          <LoadingView />
        ) : query.isError ? (
          <ErrorView error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        ) : (
          <StanceChartPanel dataset={query.data} />
        )}
      </main>
    </div>
  );
}
