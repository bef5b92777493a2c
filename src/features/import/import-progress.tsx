import type { ReadProgress } from './import-engine';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Shown only for reads slower than a second, so small files never flash a bar. */
export function ImportProgress({ name, progress }: { name: string; progress: ReadProgress | null }) {
  const percent =
    progress && progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;
  return (
    <div className="import-progress">
      <div className="import-progress-body">
        <span aria-hidden="true">Reading {name}…</span>
        <span
          role="progressbar"
          aria-label={`Reading ${name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={
            progress
              ? `${percent}% (${megabytes(progress.loaded)} of ${megabytes(progress.total)})`
              : 'starting'
          }
          className="progress"
        >
          <span className="progress-fill" style={{ width: `${percent}%` }} />
        </span>
      </div>
    </div>
  );
}
