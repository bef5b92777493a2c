import { useId } from 'react';
import { toCsv } from '../../lib/csv-write';
import { downloadText } from '../../lib/download';
import { PROBLEMS_SHOWN, problemText, type ImportResult } from './import-types';
import { ModalDialog } from '../../ui/modal-dialog';

/** "broken.csv" → "broken-skipped-rows.csv" */
export function skippedFileName(name: string): string {
  const stem =
    name
      .replace(/\.[a-z0-9]+$/i, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'dataset';
  return `${stem}-skipped-rows.csv`;
}

export function ProblemList({ problems }: { problems: ImportResult['problems'] }) {
  const rest = problems.length - PROBLEMS_SHOWN;
  return (
    <>
      <ul className="problem-list" aria-label="Problems">
        {problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
          <li key={i}>{problemText(p)}</li>
        ))}
      </ul>
      {rest > 0 && <p>…and {rest.toLocaleString('en')} more.</p>}
    </>
  );
}

/** What is wrong with a file, and what can still be done: open the valid part, download what was left out. */
export function ImportProblemsDialog({
  name,
  kind,
  result,
  onOpenValid,
  onEditMapping,
  onCancel,
}: {
  name: string;
  kind: 'json' | 'csv';
  result: ImportResult;
  onOpenValid: () => void;
  onEditMapping: (() => void) | null;
  onCancel: () => void;
}) {
  const id = useId();
  const noun = kind === 'csv' ? 'rows' : 'observations';
  const valid = result.dataset?.observations.length ?? 0;
  const summary = result.fatal
    ? result.fatal
    : `${result.skippedCount.toLocaleString('en')} of ${result.total.toLocaleString('en')} ${noun} in ${name} have problems and were left out; the other ${valid.toLocaleString('en')} can be opened.`;
  const download = () => {
    downloadText(
      toCsv([result.skipped.header, ...result.skipped.rows], { guardFormulas: true }),
      skippedFileName(name),
      'text/csv',
    );
  };
  return (
    <ModalDialog
      labelledBy={`${id}-title`}
      describedBy={`${id}-summary`}
      onCancel={onCancel}
      className="problems-dialog"
    >
      <h2 id={`${id}-title`}>{result.fatal ? `${name} could not be opened` : `Problems in ${name}`}</h2>
      <p id={`${id}-summary`} role="alert">
        {summary}
      </p>
      {result.notices.map((n) => (
        <p key={n} className="import-warning">
          {n}
        </p>
      ))}
      {result.problems.length > 0 && (
        <>
          <h3 className="problems-count">
            {result.problems.length.toLocaleString('en')} problem{result.problems.length === 1 ? '' : 's'}
          </h3>
          <ProblemList problems={result.problems} />
        </>
      )}
      <div className="dialog-actions">
        {result.dataset && (
          <button type="button" className="primary" onClick={onOpenValid}>
            Open the {valid.toLocaleString('en')} valid {noun}
          </button>
        )}
        {result.skipped.rows.length > 0 && (
          <button type="button" onClick={download}>
            Download skipped rows (CSV)
          </button>
        )}
        {onEditMapping && (
          <button type="button" onClick={onEditMapping}>
            Change the mapping
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {result.dataset ? 'Cancel' : 'Close'}
        </button>
      </div>
    </ModalDialog>
  );
}

/** A file that could not even be read (too big, empty, no header). */
export function ImportFailedDialog({
  name,
  message,
  onClose,
}: {
  name: string;
  message: string;
  onClose: () => void;
}) {
  const id = useId();
  return (
    <ModalDialog
      labelledBy={`${id}-title`}
      describedBy={`${id}-summary`}
      onCancel={onClose}
      className="problems-dialog"
    >
      <h2 id={`${id}-title`}>{name} could not be opened</h2>
      <p id={`${id}-summary`} role="alert">
        {message}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
