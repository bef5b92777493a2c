import { useId, useMemo, useState } from 'react';
import {
  MAPPING_FIELDS,
  checkMapping,
  mapCsv,
  parseNumber,
  type CsvMapping,
  type HigherMeans,
  type MappedColumn,
} from './csv-mapping';
import type { CsvPreview } from './import-engine';
import { problemText } from './import-types';
import { ModalDialog } from '../../ui/modal-dialog';

const DELIMITER_NAMES = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' } as const;

function formatScore(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r > 0 ? `+${r}` : r < 0 ? `−${Math.abs(r)}` : '0';
}

/** The first rows as they will be read with the current mapping, so a flipped sign shows before opening. */
function PreviewTable({ preview, mapping }: { preview: CsvPreview; mapping: CsvMapping }) {
  const mapped = useMemo(() => {
    if (checkMapping(mapping, preview.header).length) return null;
    const lines = preview.rows.map((_, i) => preview.lines[i] ?? i + 2);
    return mapCsv({ header: preview.header, rows: preview.rows, lines }, mapping, {
      name: preview.name,
      today: '2000-01-01',
    });
  }, [mapping, preview]);
  const byLine = new Map(mapped?.dataset?.observations.map((o) => [o.id, o]) ?? []);
  const actorName = new Map(mapped?.dataset?.actors.map((a) => [a.id, a.name]) ?? []);
  const themeLabel = new Map(mapped?.dataset?.themes.map((t) => [t.id, t.label]) ?? []);
  const problemsByRow = new Map<number, string[]>();
  for (const p of mapped?.problems ?? []) {
    const m = /^row (\d+)/.exec(p.path);
    if (!m) continue;
    const list = problemsByRow.get(Number(m[1])) ?? [];
    list.push(problemText(p).replace(/^row \d+: /, ''));
    problemsByRow.set(Number(m[1]), list);
  }
  return (
    <div className="mapping-preview">
      <table>
        <caption>
          First {preview.rows.length} of {preview.rowCount.toLocaleString('en')} rows, as they will be read
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Date</th>
            <th scope="col">Actor</th>
            <th scope="col">Score in file</th>
            <th scope="col">Stance (−3…+3)</th>
            <th scope="col">Theme</th>
            <th scope="col">Kind</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((_, i) => {
            const line = preview.lines[i] ?? i + 2;
            const o = byLine.get(`row-${line}`);
            const problems = problemsByRow.get(line);
            return (
              <tr key={line}>
                <th scope="row">{line}</th>
                {o ? (
                  <>
                    <td>{o.date}</td>
                    <td>
                      {actorName.get(o.actor) ?? o.actor}
                      {mapping.groupBy !== null && <span className="muted"> ({o.speaker})</span>}
                    </td>
                    <td>{o.originalScore}</td>
                    <td>{formatScore(o.score)}</td>
                    <td>{themeLabel.get(o.theme) ?? o.theme}</td>
                    <td>{o.kind}</td>
                  </>
                ) : (
                  <td colSpan={6} className="problem-cell">
                    {problems?.join('; ') ?? 'Choose the required columns to see this row.'}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Step two of opening a CSV: which column is what, and how to read the score. */
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
  const [minText, setMinText] = useState(String(preview.guess.scoreMin));
  const [maxText, setMaxText] = useState(String(preview.guess.scoreMax));
  const effective: CsvMapping = {
    ...mapping,
    scoreMin: parseNumber(minText) ?? Number.NaN,
    scoreMax: parseNumber(maxText) ?? Number.NaN,
  };
  const issues = checkMapping(effective, preview.header);
  const setColumn = (key: MappedColumn, value: string) =>
    setMapping((m) => ({ ...m, [key]: value === '' ? null : Number(value) }));

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
          {preview.rowCount.toLocaleString('en')} rows and {preview.header.length} columns, separated by{' '}
          {DELIMITER_NAMES[preview.delimiter]}. Text encoding: {preview.encoding}. Choose the columns for
          date, actor and score; the rest are optional.
        </p>
        {[...preview.notices, ...preview.problems.map(problemText)].map((n) => (
          <p key={n} className="import-warning">
            {n}
          </p>
        ))}
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
                {preview.header.map((h, i) => (
                  <option key={i} value={i}>
                    {h || `(column ${i + 1})`}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        <fieldset className="mapping-score">
          <legend>The score in the file</legend>
          <div className="mapping-field">
            <label htmlFor={`${id}-min`}>Lowest possible score</label>
            <input
              id={`${id}-min`}
              inputMode="decimal"
              value={minText}
              onChange={(e) => setMinText(e.target.value)}
            />
          </div>
          <div className="mapping-field">
            <label htmlFor={`${id}-max`}>Highest possible score</label>
            <input
              id={`${id}-max`}
              inputMode="decimal"
              value={maxText}
              onChange={(e) => setMaxText(e.target.value)}
            />
          </div>
          <fieldset className="mapping-direction">
            <legend>Higher scores mean</legend>
            {(
              [
                ['hawkish', 'more hawkish (kept as is)'],
                ['conciliatory', 'more conciliatory or cooperative, as in GDELT’s Goldstein scale (flipped)'],
              ] as [HigherMeans, string][]
            ).map(([value, label]) => (
              <label key={value}>
                <input
                  type="radio"
                  name={`${id}-direction`}
                  value={value}
                  checked={mapping.higherMeans === value}
                  onChange={() => setMapping((m) => ({ ...m, higherMeans: value }))}
                />{' '}
                {label}
              </label>
            ))}
          </fieldset>
          <p className="muted">
            Scores are rescaled linearly to −3 (conciliatory) … +3 (hawkish); the original value is kept and
            shown with the evidence.
          </p>
        </fieldset>
        <PreviewTable preview={preview} mapping={effective} />
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
