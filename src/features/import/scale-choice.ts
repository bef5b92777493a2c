import type { CsvMapping } from './csv-mapping';
import { parseNumberWith, parseTypedNumber, type NumberRule } from './number-rule';
import { knownScale, rangeText, type HigherMeans, type ScaleId, type ScaleRecognition } from './score-scales';

// The mapping dialog's scale step as plain state and transitions, so the rules (a known scale fills
// the range and direction; editing either makes it "Other"; nothing is declared until chosen) are
// unit-tested apart from React.

export interface ScaleState {
  numberRule: NumberRule;
  scale: ScaleId | 'custom' | null;
  /** As typed; parsed leniently (either decimal mark) when applied. */
  minText: string;
  maxText: string;
  higherMeans: HigherMeans | null;
}

const text = (v: number) => (Number.isFinite(v) ? String(v) : '');

export function scaleStateOf(
  fields: Pick<CsvMapping, 'numberRule' | 'scale' | 'scoreMin' | 'scoreMax' | 'higherMeans'>,
): ScaleState {
  return {
    numberRule: fields.numberRule,
    scale: fields.scale,
    minText: text(fields.scoreMin),
    maxText: text(fields.scoreMax),
    higherMeans: fields.higherMeans,
  };
}

/** The mapping with the scale step's state in it (an unreadable range stays NaN, which checkMapping names). */
export function withScale(mapping: CsvMapping, state: ScaleState): CsvMapping {
  return {
    ...mapping,
    numberRule: state.numberRule,
    scale: state.scale,
    scoreMin: parseTypedNumber(state.minText) ?? Number.NaN,
    scoreMax: parseTypedNumber(state.maxText) ?? Number.NaN,
    higherMeans: state.higherMeans,
  };
}

/** A known scale fills range and direction (a direction it does not fix must be chosen); "Other" keeps what is typed. */
export function chooseScale(state: ScaleState, id: ScaleId | 'custom' | null): ScaleState {
  const known = knownScale(id);
  if (!known) return { ...state, scale: id };
  return {
    ...state,
    scale: known.id,
    minText: String(known.min),
    maxText: String(known.max),
    higherMeans: known.higherMeans,
  };
}

/** Typing a range is stating a scale of one's own. */
export function editRange(state: ScaleState, which: 'min' | 'max', value: string): ScaleState {
  return { ...state, scale: 'custom', [which === 'min' ? 'minText' : 'maxText']: value };
}

/** A direction against a known scale's definition makes it "Other"; a scale without one keeps its id. */
export function chooseDirection(state: ScaleState, higherMeans: HigherMeans): ScaleState {
  const fixed = knownScale(state.scale)?.higherMeans;
  const scale = fixed && fixed !== higherMeans ? 'custom' : state.scale;
  return { ...state, scale, higherMeans };
}

export interface SampleCheck {
  /** Sampled values read as numbers by the rule. */
  read: number;
  /** Up to three sampled values the rule does not read, quoted for the dialog. */
  unreadable: string[];
  unreadableCount: number;
  /** Read values outside the declared range. */
  outside: number;
}

/** How the sampled score values fare under the rule and declared range, for the dialog to say before Open. */
export function checkSample(values: readonly string[], state: ScaleState): SampleCheck {
  const min = parseTypedNumber(state.minText);
  const max = parseTypedNumber(state.maxText);
  const out: SampleCheck = { read: 0, unreadable: [], unreadableCount: 0, outside: 0 };
  for (const v of values) {
    const parsed = parseNumberWith(v, state.numberRule);
    if (!parsed.ok) {
      out.unreadableCount++;
      if (out.unreadable.length < 3) out.unreadable.push(`"${v.trim().slice(0, 20)}"`);
      continue;
    }
    out.read++;
    if (min !== null && max !== null && (parsed.value < min || parsed.value > max)) out.outside++;
  }
  return out;
}

/** One sentence on how the scale was (or was not) recognised from the column's name and values. */
export function recognitionText(columnName: string, recognition: ScaleRecognition): string {
  const col = `"${columnName.slice(0, 40)}"`;
  switch (recognition.kind) {
    case 'recognised':
      if (recognition.ownExport)
        return `Recognised: this app’s own CSV export, whose ${col} column is on −3…+3 (${recognition.inside.toLocaleString('en')} of ${recognition.checked.toLocaleString('en')} sampled values are).`;
      return `Recognised from the column name ${col} and its values (${recognition.inside.toLocaleString('en')} of ${recognition.checked.toLocaleString('en')} sampled values on ${rangeText(recognition.scale.min, recognition.scale.max)}).`;
    case 'ambiguous':
      return `The name and values of ${col} fit more than one known scale (${recognition.candidates
        .map((s) => rangeText(s.min, s.max))
        .join(', ')}): choose the one the file uses.`;
    case 'values-disagree':
      return `${col} is a name used for ${recognition.scale.label}, but only ${recognition.inside.toLocaleString('en')} of ${recognition.checked.toLocaleString('en')} sampled values are on it: choose the scale, or state its range.`;
    case 'no-values':
      return `${col} has no values the number rule reads, so its scale cannot be recognised: choose it, or state its range.`;
    case 'unknown-name':
      return `${col} does not name a known scale, and the range is never guessed from the values: choose the scale, or state its range and direction.`;
  }
}
