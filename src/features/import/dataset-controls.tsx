import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { ImportProgress } from './import-progress';
import type { ActiveDatasetResult } from '../../data/use-active-dataset';
import { useImportFlow } from './use-import-flow';
import './import.css';

// The dialogs load when an import needs them, not with the page.
const CsvMappingDialog = lazy(() =>
  import('./csv-mapping-dialog').then((m) => ({ default: m.CsvMappingDialog })),
);
const ImportProblemsDialog = lazy(() =>
  import('./import-problems').then((m) => ({ default: m.ImportProblemsDialog })),
);
const ImportFailedDialog = lazy(() =>
  import('./import-problems').then((m) => ({ default: m.ImportFailedDialog })),
);

const ACCEPT = '.json,.csv,.tsv,.txt,application/json,text/csv,text/tab-separated-values';

/** Which dataset is open, and the way back to the bundled one. */
export function DatasetBadge({
  active,
}: {
  active: Pick<
    ActiveDatasetResult,
    'origin' | 'backToBundled' | 'retrying' | 'ignoredDataParam' | 'isPending'
  >;
}) {
  const { origin } = active;
  const kindLabel = origin.kind === 'url' ? 'From the web' : origin.kind === 'file' ? 'From a file' : null;
  return (
    <div className="dataset-badge" role="group" aria-label="Open dataset">
      <span className="dataset-badge-label">
        Dataset:{' '}
        <strong title={origin.label} className={`dataset-origin dataset-origin-${origin.kind}`}>
          {origin.label}
        </strong>
        {kindLabel && <span className="muted"> ({kindLabel})</span>}
      </span>
      {active.isPending && origin.kind === 'url' && (
        <span className="muted" role="status">
          {active.retrying
            ? ` Retrying (attempt ${active.retrying.attempt + 1}) after: ${active.retrying.reason}`
            : ' Loading…'}
        </span>
      )}
      {origin.kind !== 'bundled' && (
        <button type="button" onClick={() => void active.backToBundled()}>
          Back to bundled dataset
        </button>
      )}
      {active.ignoredDataParam && (
        <p className="import-warning" role="status">
          The link’s data address was ignored: it is not an http(s) URL or a plain relative path, so the
          bundled dataset is shown.
        </p>
      )}
    </div>
  );
}

/** Files dragged anywhere over the page can be dropped to open them. */
function useFileDrop(onFile: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const onFileRef = useRef(onFile);
  useEffect(() => {
    onFileRef.current = onFile;
  }, [onFile]);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // Without preventDefault the browser would navigate to the dropped file instead.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) onFileRef.current(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}

/**
 * The header's dataset controls: the badge, "Open dataset" (button and drag-and-drop), and the
 * dialogs of an import in progress.
 */
export function DatasetControls({ active }: { active: ActiveDatasetResult }) {
  const flow = useImportFlow(active.openDataset);
  const input = useRef<HTMLInputElement>(null);
  const dragging = useFileDrop(flow.openFile);
  const { state } = flow;
  // "Opened x.csv: …" is about the file: going back to the bundled dataset (or to a link's) ends it.
  const notice = active.origin.kind === 'file' ? flow.notice : null;
  const backToBundled = () => {
    flow.dismissNotice();
    return active.backToBundled();
  };

  return (
    <div className="dataset-controls">
      <DatasetBadge active={{ ...active, backToBundled }} />
      <div className="dataset-actions">
        <button type="button" onClick={() => input.current?.click()} disabled={state.step === 'reading'}>
          Open dataset
        </button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          className="visually-hidden"
          aria-label="Open dataset file (JSON or CSV)"
          // The visible button opens it; hidden from assistive tech so "Open dataset" is announced once.
          aria-hidden="true"
          tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so choosing the same file again still fires a change.
            e.target.value = '';
            if (file) flow.openFile(file);
          }}
        />
      </div>
      {state.step === 'reading' && state.slow && (
        <ImportProgress name={state.name} progress={state.progress} />
      )}
      {notice && (
        <p className="import-notice" role="status">
          {notice}{' '}
          <button type="button" className="link-button" onClick={flow.dismissNotice}>
            Dismiss
          </button>
        </p>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop a JSON or CSV file to open it</p>
        </div>
      )}
      <Suspense fallback={null}>
        {state.step === 'mapping' && (
          <CsvMappingDialog
            key={state.preview.name}
            preview={state.preview}
            busy={state.busy}
            slow={state.slow}
            onOpen={flow.applyMapping}
            onCancel={flow.cancel}
          />
        )}
        {state.step === 'review' && (
          <ImportProblemsDialog
            name={state.name}
            kind={state.kind}
            result={state.result}
            onOpenValid={flow.openValid}
            onEditMapping={state.preview ? flow.editMapping : null}
            onCancel={flow.cancel}
          />
        )}
        {state.step === 'failed' && (
          <ImportFailedDialog name={state.name} message={state.message} onClose={flow.cancel} />
        )}
      </Suspense>
    </div>
  );
}
