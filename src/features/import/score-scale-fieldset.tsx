import { useId, useMemo } from 'react';
import { guessScale } from './csv-guess';
import { NUMBER_RULES, parseNumberWith, parseTypedNumber, type NumberRule } from './number-rule';
import {
  checkSample,
  chooseDirection,
  chooseScale,
  editRange,
  recognitionText,
  type ScaleState,
} from './scale-choice';
import {
  FIT_SHARE,
  KNOWN_SCALES,
  knownScale,
  onScale,
  rangeText,
  type HigherMeans,
  type KnownScale,
  type ScaleId,
} from './score-scales';

const DIRECTIONS: ReadonlyArray<[HigherMeans, string]> = [
  ['hawkish', 'more hawkish (kept as is)'],
  ['conciliatory', 'more conciliatory or cooperative, as in GDELT’s Goldstein scale (flipped)'],
];

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * The scale step of mapping a CSV: the number rule, the score's scale (known, or stated by hand) and
 * its direction. Open stays disabled until all three are declared; nothing is taken from the values'
 * extremes. `values` are the score column's sampled cells.
 */
export function ScoreScaleFieldset({
  columnName,
  header,
  values,
  state,
  onChange,
}: {
  columnName: string | null;
  /** The file's column names: this app's own export is recognised by them. */
  header: readonly string[];
  values: readonly string[];
  state: ScaleState;
  onChange: (next: ScaleState) => void;
}) {
  const id = useId();
  const guess = useMemo(
    () => (columnName === null ? null : guessScale(columnName, values, state.numberRule, header)),
    [columnName, values, state.numberRule, header],
  );
  const sample = useMemo(() => checkSample(values, state), [values, state]);
  // Which known scales the read values fit, to point the user at them without choosing for them.
  const fitting = useMemo(() => {
    const read: number[] = [];
    for (const v of values) {
      const n = parseNumberWith(v, state.numberRule);
      if (n.ok) read.push(n.value);
    }
    const fits = (s: KnownScale) =>
      read.length > 0 && read.filter((v) => onScale(s, v)).length >= read.length * FIT_SHARE;
    return new Set(KNOWN_SCALES.filter(fits).map((s) => s.id));
  }, [values, state.numberRule]);
  const min = parseTypedNumber(state.minText);
  const max = parseTypedNumber(state.maxText);
  const detected = guess?.detected;

  return (
    <fieldset className="mapping-score">
      <legend>The score in the file</legend>
      <div className="mapping-field">
        <label htmlFor={`${id}-rule`}>Numbers are written with</label>
        <select
          id={`${id}-rule`}
          value={state.numberRule}
          aria-describedby={`${id}-rule-note`}
          onChange={(e) => onChange({ ...state, numberRule: e.target.value as NumberRule })}
        >
          {NUMBER_RULES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <div className="mapping-field mapping-scale-field">
        <label htmlFor={`${id}-scale`}>Scale</label>
        <select
          id={`${id}-scale`}
          value={state.scale ?? ''}
          aria-describedby={`${id}-scale-note`}
          onChange={(e) =>
            onChange(chooseScale(state, (e.target.value || null) as ScaleId | 'custom' | null))
          }
        >
          <option value="">— choose the scale —</option>
          {KNOWN_SCALES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
              {fitting.has(s.id) ? ' — the values fit' : ''}
            </option>
          ))}
          <option value="custom">Other: state the range below</option>
        </select>
      </div>
      <p id={`${id}-rule-note`} className="muted">
        {detected
          ? `Read once for the whole file. Sampled score values: ${plural(detected.comma, 'value')} with a decimal comma, ${plural(detected.point, 'value')} with a decimal point.`
          : 'Read once for the whole file.'}
      </p>
      <p id={`${id}-scale-note`} role="status">
        {columnName === null || !guess
          ? 'Choose the score column first.'
          : state.scale === null || state.scale === guess.fields.scale
            ? recognitionText(columnName, guess.recognition)
            : state.scale === 'custom'
              ? `Declared by you: ${min !== null && max !== null ? rangeText(min, max) : 'the range is not stated yet'}.`
              : `Declared by you: ${knownScale(state.scale)?.label ?? state.scale}.`}
      </p>
      <div className="mapping-field">
        <label htmlFor={`${id}-min`}>Lowest possible score</label>
        <input
          id={`${id}-min`}
          inputMode="decimal"
          value={state.minText}
          onChange={(e) => onChange(editRange(state, 'min', e.target.value))}
        />
      </div>
      <div className="mapping-field">
        <label htmlFor={`${id}-max`}>Highest possible score</label>
        <input
          id={`${id}-max`}
          inputMode="decimal"
          value={state.maxText}
          onChange={(e) => onChange(editRange(state, 'max', e.target.value))}
        />
      </div>
      <fieldset className="mapping-direction">
        <legend>Higher scores mean</legend>
        {DIRECTIONS.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name={`${id}-direction`}
              value={value}
              checked={state.higherMeans === value}
              onChange={() => onChange(chooseDirection(state, value))}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      {(sample.unreadableCount > 0 || sample.outside > 0) && (
        <p className="import-warning">
          {sample.unreadableCount > 0 &&
            `${plural(sample.unreadableCount, 'sampled value')} ${sample.unreadableCount === 1 ? 'is' : 'are'} not read as ${sample.unreadableCount === 1 ? 'a number' : 'numbers'} by this rule (${sample.unreadable.join(', ')}). `}
          {sample.outside > 0 &&
            min !== null &&
            max !== null &&
            `${plural(sample.outside, 'sampled value')} ${sample.outside === 1 ? 'is' : 'are'} outside ${rangeText(min, max)}. `}
          Such rows are listed as problems when you open the file, never stretched to fit.
        </p>
      )}
      <p className="muted">
        Scores are rescaled linearly to −3 (conciliatory) … +3 (hawkish); the original value is kept and shown
        with the evidence.
      </p>
    </fieldset>
  );
}
