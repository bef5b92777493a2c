import { useId, useMemo, useState } from 'react';
import { ModalDialog } from '../../ui/modal-dialog';
import { columnValues, guessScale } from './csv-guess';
import { MAPPING_FIELDS, checkMapping, type CsvMapping, type MappedColumn } from './csv-mapping';
import { guessLayout, previewLayout, type CsvPreview } from './csv-preview';
import { problemText } from './import-types';
import { MappingPreviewTable } from './mapping-preview-table';
import { scaleStateOf, withScale, type ScaleState } from './scale-choice';
import { ScoreScaleFieldset } from './score-scale-fieldset';

const DELIMITER_NAMES = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' } as const;

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Step two of opening a CSV: is the first row a header, which column is what, and how to read the score. */
export function CsvMappingDialog({
  preview,
  busy,
  slow,
  onOpen,
  onCancel,
}: {
  preview: CsvPreview;
  busy: boolean;
  slow: boolean;
  onOpen: (mapping: CsvMapping) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [mapping, setMapping] = useState<CsvMapping>(preview.guess);
  const [scale, setScale] = useState<ScaleState>(() => scaleStateOf(preview.guess));
  const layout = useMemo(
    () => previewLayout(preview, mapping.firstRowIsData),
    [preview, mapping.firstRowIsData],
  );
  const effective = useMemo(() => withScale(mapping, scale), [mapping, scale]);
  const issues = checkMapping(effective, layout.header);
  const scoreValues = useMemo(() => columnValues(layout.sample, mapping.score), [layout, mapping.score]);
  const scoreName = mapping.score === null ? null : (layout.header[mapping.score] ?? null);

  const setFirstRowIsData = (firstRowIsData: boolean) => {
    // Another layout names the columns anew, so the whole guess is made again.
    const guess = guessLayout(preview, firstRowIsData);
    setMapping(guess);
    setScale(scaleStateOf(guess));
  };
  const setColumn = (key: MappedColumn, value: string) => {
    const column = value === '' ? null : Number(value);
    setMapping((m) => ({ ...m, [key]: column }));
    if (key === 'score') {
      // Another score column is read and recognised afresh: its scale is its own.
      const name = column === null ? '' : (layout.header[column] ?? '');
      setScale(
        scaleStateOf(guessScale(name, columnValues(layout.sample, column), undefined, layout.header).fields),
      );
    }
  };
  const columnLabel = (h: string, i: number) => {
    if (!mapping.firstRowIsData) return h || `(column ${i + 1})`;
    const sample = (layout.rows[0]?.[i] ?? '').trim();
    return sample ? `${h} (e.g. ${sample.length > 24 ? `${sample.slice(0, 24)}…` : sample})` : `${h} (empty)`;
  };

  return (
    <ModalDialog
      labelledBy={`${id}-title`}
      describedBy={`${id}-summary`}
      onCancel={onCancel}
      className="mapping-dialog"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!issues.length && !busy) onOpen(effective);
        }}
      >
        <h2 id={`${id}-title`}>Map the columns of {preview.name}</h2>
        <p id={`${id}-summary`}>
          {layout.rowCount.toLocaleString('en')} rows and {layout.header.length} columns, separated by{' '}
          {DELIMITER_NAMES[preview.delimiter]}. Text encoding: {preview.encoding}. Choose the columns for
          date, actor and score, and the score&apos;s scale; the rest is optional.
        </p>
        {[...preview.notices, ...preview.problems.map(problemText)].map((n) => (
          <p key={n} className="import-warning">
            {n}
          </p>
        ))}
        <fieldset className="mapping-layout">
          <legend>The first row of the file</legend>
          <label>
            <input
              type="radio"
              name={`${id}-layout`}
              checked={!mapping.firstRowIsData}
              onChange={() => setFirstRowIsData(false)}
            />{' '}
            holds column names
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-layout`}
              checked={mapping.firstRowIsData}
              onChange={() => setFirstRowIsData(true)}
            />{' '}
            is data (the file has no header; columns are numbered)
          </label>
          {preview.firstRowLooksLikeData && (
            <p className="muted">
              The first row holds numbers or dates where a header would have names, so it is read as data.
            </p>
          )}
        </fieldset>
        {layout.shortRows > 0 && (
          <p className="import-warning">
            {plural(layout.shortRows, 'row')} {layout.shortRows === 1 ? 'has' : 'have'} fewer fields than the{' '}
            {mapping.firstRowIsData ? 'widest row' : 'header'}: the missing fields are read as empty, unless
            the date, actor or score column is among them (then the row is listed as a problem).
          </p>
        )}
        <div className="mapping-grid">
          {MAPPING_FIELDS.map((f) => (
            <div key={f.key} className="mapping-field">
              <label htmlFor={`${id}-${f.key}`}>
                {f.label}
                {f.required ? ' (required)' : ''}
              </label>
              <select
                id={`${id}-${f.key}`}
                value={mapping[f.key] ?? ''}
                onChange={(e) => setColumn(f.key, e.target.value)}
              >
                <option value="">{f.required ? '— choose a column —' : '— none —'}</option>
                {layout.header.map((h, i) => (
                  <option key={i} value={i}>
                    {columnLabel(h, i)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        <ScoreScaleFieldset
          columnName={scoreName}
          header={layout.header}
          values={scoreValues}
          state={scale}
          onChange={setScale}
        />
        <MappingPreviewTable name={preview.name} layout={layout} mapping={effective} />
        {issues.length > 0 && (
          <ul className="mapping-issues" aria-label="Before opening">
            {issues.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        )}
        {busy && slow && (
          <div
            role="progressbar"
            aria-label={`Building the dataset from ${preview.name}`}
            className="progress progress-indeterminate"
          />
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={issues.length > 0 || busy}>
            {busy ? 'Opening…' : 'Open'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
