import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dataset } from '../../domain/schema';
import type { CsvMapping } from './csv-mapping';
import type { ImportSession } from './import-client';
import { useImportConfig } from './import-config';
import type { CsvPreview } from './csv-preview';
import type { ReadProgress } from './import-engine';
import type { ImportResult } from './import-types';

/** The steps of opening a file, one at a time. */
export type ImportFlowState =
  | { step: 'idle' }
  | { step: 'reading'; name: string; progress: ReadProgress | null; slow: boolean }
  | { step: 'mapping'; preview: CsvPreview; busy: boolean; slow: boolean }
  | { step: 'review'; name: string; kind: 'json' | 'csv'; result: ImportResult; preview: CsvPreview | null }
  | { step: 'failed'; name: string; message: string };

export interface ImportFlow {
  state: ImportFlowState;
  /** A sentence about the last import (opened, or kept only until reload), for a status line. */
  notice: string | null;
  openFile: (file: File) => void;
  applyMapping: (mapping: CsvMapping) => void;
  /** From the problems panel: open what is valid. */
  openValid: () => void;
  /** From the problems panel of a CSV: back to the mapping dialog. */
  editMapping: () => void;
  cancel: () => void;
  dismissNotice: () => void;
}

function describeOpened(name: string, dataset: Dataset, skipped: number): string {
  const n = dataset.observations.length.toLocaleString('en');
  const actors = dataset.actors.length;
  const left = skipped ? `; ${skipped.toLocaleString('en')} left out` : '';
  return `Opened ${name}: ${n} observation${dataset.observations.length === 1 ? '' : 's'}, ${actors} actor${actors === 1 ? '' : 's'}${left}.`;
}

/**
 * Drives "Open dataset": read (worker, progress after a delay), map a CSV, review problems, open.
 * `onOpen` makes the dataset active and resolves to a notice when it could not be kept.
 */
export function useImportFlow(
  onOpen: (dataset: Dataset, label: string) => Promise<string | null>,
): ImportFlow {
  const { createSession, progressDelayMs } = useImportConfig();
  const [state, setState] = useState<ImportFlowState>({ step: 'idle' });
  const [notice, setNotice] = useState<string | null>(null);
  const session = useRef<ImportSession | null>(null);
  const run = useRef(0);

  const endSession = useCallback(() => {
    session.current?.dispose();
    session.current = null;
  }, []);
  useEffect(() => endSession, [endSession]);

  const finish = useCallback(
    (name: string, result: ImportResult) => {
      const dataset = result.dataset;
      if (!dataset) return;
      endSession();
      setState({ step: 'idle' });
      const opened = describeOpened(name, dataset, result.skippedCount);
      setNotice([opened, ...result.notices].join(' '));
      void onOpen(dataset, name).then((kept) => {
        if (kept) setNotice([opened, ...result.notices, kept].join(' '));
      });
    },
    [endSession, onOpen],
  );

  const openFile = useCallback(
    (file: File) => {
      endSession();
      const id = ++run.current;
      const current = createSession();
      session.current = current;
      setNotice(null);
      setState({ step: 'reading', name: file.name, progress: null, slow: false });
      // Quick reads finish without a progress bar flashing up; slow ones show it after the delay.
      const timer = setTimeout(() => {
        setState((s) => (run.current === id && s.step === 'reading' ? { ...s, slow: true } : s));
      }, progressDelayMs);
      current
        .read(file, (progress) =>
          setState((s) => (run.current === id && s.step === 'reading' ? { ...s, progress } : s)),
        )
        .then((outcome) => {
          if (run.current !== id) return;
          if (outcome.kind === 'error') {
            endSession();
            setState({ step: 'failed', name: outcome.name, message: outcome.message });
          } else if (outcome.kind === 'csv') {
            setState({ step: 'mapping', preview: outcome.preview, busy: false, slow: false });
          } else if (outcome.result.dataset && outcome.result.problems.length === 0) {
            finish(outcome.name, outcome.result);
          } else {
            setState({
              step: 'review',
              name: outcome.name,
              kind: 'json',
              result: outcome.result,
              preview: null,
            });
          }
        })
        .catch((err: unknown) => {
          if (run.current !== id) return;
          endSession();
          setState({
            step: 'failed',
            name: file.name,
            message: `${file.name} could not be read (${err instanceof Error ? err.message : String(err)}).`,
          });
        })
        .finally(() => clearTimeout(timer));
    },
    [createSession, endSession, finish, progressDelayMs],
  );

  const applyMapping = useCallback(
    (mapping: CsvMapping) => {
      if (state.step !== 'mapping' || !session.current) return;
      const { preview } = state;
      const id = ++run.current;
      setState({ step: 'mapping', preview, busy: true, slow: false });
      const timer = setTimeout(() => {
        setState((s) => (run.current === id && s.step === 'mapping' ? { ...s, slow: true } : s));
      }, progressDelayMs);
      session.current
        .map(mapping)
        .then((result) => {
          if (run.current !== id) return;
          if (result.dataset && result.problems.length === 0)
            finish(preview.name, { ...result, notices: [...preview.notices, ...result.notices] });
          else
            setState({
              step: 'review',
              name: preview.name,
              kind: 'csv',
              result,
              preview: { ...preview, guess: mapping },
            });
        })
        .catch((err: unknown) => {
          if (run.current !== id) return;
          setState({
            step: 'failed',
            name: preview.name,
            message: `${preview.name} could not be mapped (${err instanceof Error ? err.message : String(err)}).`,
          });
        })
        .finally(() => clearTimeout(timer));
    },
    [finish, progressDelayMs, state],
  );

  const openValid = useCallback(() => {
    if (state.step === 'review' && state.result.dataset) finish(state.name, state.result);
  }, [finish, state]);

  const editMapping = useCallback(() => {
    if (state.step === 'review' && state.preview)
      setState({ step: 'mapping', preview: state.preview, busy: false, slow: false });
  }, [state]);

  const cancel = useCallback(() => {
    run.current++;
    endSession();
    setState({ step: 'idle' });
  }, [endSession]);

  const dismissNotice = useCallback(() => setNotice(null), []);

  return { state, notice, openFile, applyMapping, openValid, editMapping, cancel, dismissNotice };
}
