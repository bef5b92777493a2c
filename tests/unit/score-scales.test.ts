import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectNumberRule, parseNumberWith, parseTypedNumber } from '../../src/features/import/number-rule';
import { KNOWN_SCALES, rangeText, recognizeScale, rescale } from '../../src/features/import/score-scales';
import {
  checkSample,
  chooseDirection,
  chooseScale,
  editRange,
  recognitionText,
  scaleStateOf,
  withScale,
  type ScaleState,
} from '../../src/features/import/scale-choice';
import type { CsvMapping } from '../../src/features/import/csv-mapping';

describe('number rule', () => {
  it.each([
    ['2.5', 'point', 2.5],
    ['+2', 'point', 2],
    ['−1', 'point', -1],
    [' 3.0 ', 'point', 3],
    ['-.5', 'point', -0.5],
    ['2,5', 'comma', 2.5],
    ['-1,25', 'comma', -1.25],
    ['7', 'comma', 7],
    ['1e3', 'point-exponent', 1000],
    ['2.5E-2', 'point-exponent', 0.025],
  ] as const)('reads %j by the %s rule as %d', (raw, rule, value) => {
    expect(parseNumberWith(raw, rule)).toEqual({ ok: true, value });
  });

  it.each([
    ['2,5', 'point', '"2,5" has a decimal comma, but this file\'s numbers use a decimal point'],
    ['2.5', 'comma', '"2.5" has a decimal point, but this file\'s numbers use a decimal comma'],
    [
      '1e3',
      'point',
      '"1e3" is in exponent form, which is read only when Numbers is "Decimal point, exponents allowed"',
    ],
    [
      '1e3',
      'comma',
      '"1e3" is in exponent form, which is read only when Numbers is "Decimal point, exponents allowed"',
    ],
    ['1,000.5', 'point', '"1,000.5" is not a number'],
    ['abc', 'point-exponent', '"abc" is not a number'],
    ['', 'point', 'is empty'],
    ['1e999', 'point-exponent', '"1e999" is too large'],
  ] as const)('does not read %j by the %s rule, and says why', (raw, rule, message) => {
    expect(parseNumberWith(raw, rule)).toEqual({ ok: false, message });
  });

  it('detects a decimal comma only when more values have one than have a decimal point', () => {
    expect(detectNumberRule(['+2', '1', '2,5', '1e3', '-1,5'])).toEqual({
      rule: 'comma',
      comma: 2,
      point: 0,
    });
    expect(detectNumberRule(['2.5', '2,5'])).toEqual({ rule: 'point', comma: 1, point: 1 });
    expect(detectNumberRule(['1', '2', 'x'])).toEqual({ rule: 'point', comma: 0, point: 0 });
  });

  it('reads what a person types into the range boxes with either mark', () => {
    expect(parseTypedNumber('-10')).toBe(-10);
    expect(parseTypedNumber('0,5')).toBe(0.5);
    expect(parseTypedNumber('−3')).toBe(-3);
    expect(parseTypedNumber('')).toBeNull();
    expect(parseTypedNumber('ten')).toBeNull();
  });
});

describe('recognizeScale: from the column name AND its values', () => {
  const range = (lo: number, hi: number, n = 50) =>
    Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

  it('recognises GDELT Goldstein and AvgTone, and this app’s −3…+3', () => {
    expect(recognizeScale('GoldsteinScale', range(-10, 10))).toMatchObject({
      kind: 'recognised',
      scale: { id: 'goldstein' },
    });
    expect(recognizeScale('AvgTone', [...range(-8, 6), -19])).toMatchObject({
      kind: 'recognised',
      scale: { id: 'avgtone', min: -10, max: 10 },
      checked: 51,
      inside: 50,
    });
    expect(recognizeScale('Score', [2, 1, 2.5, -1.5, 0])).toMatchObject({
      kind: 'recognised',
      scale: { id: 'stance' },
    });
    expect(recognizeScale('polarity', range(-1, 1))).toMatchObject({
      kind: 'recognised',
      scale: { id: 'signed-unit' },
    });
    expect(recognizeScale('likert7', [1, 4, 7, 6])).toMatchObject({
      kind: 'recognised',
      scale: { id: 'likert7' },
    });
  });

  it('asks when the name and values fit several scales (1, 2, 3 are on −3…+3 and on Likert 1…5 and 1…7)', () => {
    const r = recognizeScale('score', [1, 2, 3, 2]);
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous')
      expect(r.candidates.map((s) => s.id)).toEqual(['stance', 'likert5', 'likert7']);
  });

  it('never recognises a scale from values alone, nor a name whose values are off it', () => {
    expect(recognizeScale('Column 31', range(-10, 10))).toEqual({ kind: 'unknown-name' });
    expect(recognizeScale('score', range(0, 100))).toMatchObject({ kind: 'values-disagree' });
    expect(recognizeScale('GoldsteinScale', [])).toEqual({ kind: 'no-values' });
  });

  it('tolerates a few outliers (listed as problems later), not many', () => {
    const ok = [...Array.from({ length: 19 }, () => -2), 1000];
    expect(recognizeScale('score', ok)).toMatchObject({ kind: 'recognised', scale: { id: 'stance' } });
    const bad = [...Array.from({ length: 8 }, () => -2), 1000, 2000];
    expect(recognizeScale('score', bad)).toMatchObject({ kind: 'values-disagree' });
  });

  it('has the scales the issue names, each with a range and names', () => {
    expect(KNOWN_SCALES.map((s) => [s.id, rangeText(s.min, s.max), s.higherMeans])).toEqual([
      ['goldstein', '−10…+10', 'conciliatory'],
      ['avgtone', '−10…+10', 'conciliatory'],
      ['stance', '−3…+3', 'hawkish'],
      ['unit', '0…1', null],
      ['signed-unit', '−1…+1', null],
      ['likert5', '1…5', null],
      ['likert7', '1…7', null],
    ]);
  });
});

describe('rescale', () => {
  it('maps Goldstein −10…+10 (higher = cooperative) to +3…−3: score = −0.3 × Goldstein', () => {
    expect(rescale(10, -10, 10, 'conciliatory')).toBe(-3);
    expect(rescale(-10, -10, 10, 'conciliatory')).toBe(3);
    expect(rescale(3, -10, 10, 'conciliatory')).toBe(-0.9);
    expect(Object.is(rescale(0, -10, 10, 'conciliatory'), 0)).toBe(true);
  });

  it('keeps the sign for a hawkish 0…100 scale', () => {
    expect(rescale(0, 0, 100, 'hawkish')).toBe(-3);
    expect(rescale(50, 0, 100, 'hawkish')).toBe(0);
    expect(rescale(100, 0, 100, 'hawkish')).toBe(3);
  });

  it('is linear and inside −3…+3 for any value in range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('hawkish' as const, 'conciliatory' as const),
        (min, width, t, dir) => {
          const v = rescale(min + t * width, min, min + width, dir);
          expect(v).toBeGreaterThanOrEqual(-3);
          expect(v).toBeLessThanOrEqual(3);
          expect(v).toBeCloseTo(dir === 'hawkish' ? -3 + 6 * t : 3 - 6 * t, 6);
        },
      ),
    );
  });
});

describe('the scale step of the dialog', () => {
  const undeclared: ScaleState = {
    numberRule: 'point',
    scale: null,
    minText: '',
    maxText: '',
    higherMeans: null,
  };
  const mapping = { date: 0, actor: 1, score: 2 } as CsvMapping;

  it('a known scale fills range and direction; a Likert scale leaves the direction to the user', () => {
    expect(chooseScale(undeclared, 'goldstein')).toEqual({
      numberRule: 'point',
      scale: 'goldstein',
      minText: '-10',
      maxText: '10',
      higherMeans: 'conciliatory',
    });
    const likert = chooseScale({ ...undeclared, higherMeans: 'hawkish' }, 'likert5');
    expect(likert).toMatchObject({ minText: '1', maxText: '5', higherMeans: null });
    expect(chooseDirection(likert, 'conciliatory')).toMatchObject({
      scale: 'likert5',
      higherMeans: 'conciliatory',
    });
  });

  it('editing the range, or the direction of a scale that fixes it, makes the scale "Other"', () => {
    const goldstein = chooseScale(undeclared, 'goldstein');
    expect(editRange(goldstein, 'min', '-100')).toMatchObject({
      scale: 'custom',
      minText: '-100',
      maxText: '10',
    });
    expect(chooseDirection(goldstein, 'hawkish')).toMatchObject({ scale: 'custom', higherMeans: 'hawkish' });
    expect(chooseDirection(goldstein, 'conciliatory')).toMatchObject({ scale: 'goldstein' });
  });

  it('applies the state to the mapping, an unreadable range as NaN', () => {
    const m = withScale(mapping, {
      ...undeclared,
      scale: 'custom',
      minText: '0,5',
      maxText: 'x',
      higherMeans: 'hawkish',
    });
    expect(m).toMatchObject({ scale: 'custom', scoreMin: 0.5, higherMeans: 'hawkish' });
    expect(m.scoreMax).toBeNaN();
    expect(
      scaleStateOf({
        numberRule: 'comma',
        scale: null,
        scoreMin: Number.NaN,
        scoreMax: Number.NaN,
        higherMeans: null,
      }),
    ).toEqual({
      ...undeclared,
      numberRule: 'comma',
    });
  });

  it('counts sampled values the rule does not read and values outside the range, before Open', () => {
    const state = chooseScale(undeclared, 'stance');
    expect(checkSample(['+2', '1', '2,5', '1e3', '30'], state)).toEqual({
      read: 3,
      unreadable: ['"2,5"', '"1e3"'],
      unreadableCount: 2,
      outside: 1,
    });
  });

  it('says in words how the scale was recognised, or why not', () => {
    expect(recognitionText('GoldsteinScale', recognizeScale('GoldsteinScale', [1, -2, 5]))).toBe(
      'Recognised from the column name "GoldsteinScale" and its values (3 of 3 sampled values on −10…+10).',
    );
    expect(recognitionText('Column 31', { kind: 'unknown-name' })).toBe(
      '"Column 31" does not name a known scale, and the range is never guessed from the values: choose the scale, or state its range and direction.',
    );
    expect(recognitionText('score', recognizeScale('score', [1, 2, 3]))).toBe(
      'The name and values of "score" fit more than one known scale (−3…+3, 1…5, 1…7): choose the one the file uses.',
    );
  });
});
