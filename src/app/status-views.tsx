import { DatasetError } from '../domain/dataset-error';

export function LoadingView({ label = 'Loading dataset…' }: { label?: string }) {
  return (
    <div className="status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function ErrorView({
  error,
  onRetry,
  retrying,
}: {
  error: Error;
  onRetry: () => void;
  retrying: boolean;
}) {
  const problems = error instanceof DatasetError ? error.problems : [];
  return (
    <div className="status status-error" role="alert">
      <h2>The dataset could not be opened</h2>
      <p>{error.message}</p>
      {problems.length > 0 && (
        <details>
          <summary>
            {problems.length} problem{problems.length === 1 ? '' : 's'} found
          </summary>
          <ul className="problem-list">
            {problems.slice(0, 50).map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
          {problems.length > 50 && <p>…and {problems.length - 50} more.</p>}
        </details>
      )}
      <button type="button" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
