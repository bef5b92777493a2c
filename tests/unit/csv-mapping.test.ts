import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv-read';
import { checkMapping, mapCsv, type CsvMapping } from '../../src/features/import/csv-mapping';
import { guessMapping, toCsvInput } from '../../src/features/import/csv-guess';
import { problemText } from '../../src/features/import/import-types';
import { validateDataset } from '../../src/domain/validate';
import { baseMapping as base, mapOptions as opts, threeColumnMapping as three } from './csv-mapping-setup';
import gdeltCsv from '../fixtures/gdelt-events-2020-11-13_15-sample.csv?raw';

const HEADER = ['date', 'actor', 'score', 'theme', 'kind', 'quote'];

function mapText(text: string, mapping: CsvMapping = base) {
  return mapCsv(toCsvInput(parseCsv(text, { unguardFormulas: true })), mapping, opts);
}

describe('checkMapping', () => {
  it('names every missing declaration: columns, scale, range, direction', () => {
    const undeclared: CsvMapping = {
      ...base,
      score: null,
      scale: null,
      scoreMin: Number.NaN,
      scoreMax: Number.NaN,
      higherMeans: null,
    };
    expect(checkMapping(undeclared, HEADER)).toEqual([
      'Choose the column that holds the score.',
      'Choose the scale of the score, or "Other" to state its range: it is never guessed from the values.',
      'Say whether a higher score means more hawkish or more conciliatory.',
    ]);
    expect(checkMapping({ ...base, scale: 'custom', scoreMin: Number.NaN }, HEADER)).toEqual([
      'State the lowest and the highest possible score.',
    ]);
    expect(checkMapping({ ...base, scale: 'custom', scoreMin: 3, scoreMax: 3 }, HEADER)).toEqual([
      'The lowest possible score must be below the highest.',
    ]);
    expect(checkMapping({ ...base, groupBy: 1 }, HEADER)).toEqual([
      'Group actors by a column other than the actor column.',
    ]);
  });

  it('makes mapCsv refuse an undeclared scale rather than assume one', () => {
    expect(mapText('date,actor,score\n2025-01-01,A,1\n', { ...three, scale: null }).fatal).toBe(
      'Choose the scale of the score, or "Other" to state its range: it is never guessed from the values.',
    );
  });
});

describe('mapCsv', () => {
  it('builds a valid v1 dataset with derived actor and theme ids', () => {
    const result = mapText(
      'date,actor,score,theme,kind,quote\n2025-02-28,Donald Trump,-2,Diplomacy,statement,"We are talking, ""a lot"""\n2025-03,Congress,2,Sanctions,action,\n',
    );
    expect(result.fatal).toBeNull();
    expect(result.problems).toEqual([]);
    expect(result.notices).toEqual([]);
    const d = result.dataset!;
    expect(validateDataset(d).ok).toBe(true);
    expect(d.actors.map((a) => a.id).sort()).toEqual(['congress', 'donald-trump']);
    expect(d.themes.map((t) => t.id)).toEqual(['diplomacy', 'sanctions']);
    expect(d.observations[0]).toMatchObject({
      id: 'row-2',
      date: '2025-02-28',
      datePrecision: 'day',
      actor: 'donald-trump',
      speaker: 'Donald Trump',
      kind: 'statement',
      score: -2,
      originalScore: -2,
      confidence: 'medium',
      quote: 'We are talking, "a lot"',
    });
    expect(d.observations[1]).toMatchObject({ datePrecision: 'month', kind: 'action' });
    expect(d.scale.description).toBe(
      'score on −3…+3 (higher = more hawkish; declared as This app’s stance scale (−3…+3, higher = more hawkish)), rescaled to −3…+3.',
    );
  });

  it('leaves out only rows whose date, actor or score is wrong, each listed by row, field and reason', () => {
    const text = [
      'date,actor,score,theme,kind,quote',
      '2025-02-30,A,1,t,statement,',
      '2025-02-01,B,nope,t,statement,',
      '2025-02-01,C,9,t,statement,',
      '2025-02-01,,1,t,statement,',
      '2025-02-01,D,1e3,t,statement,',
      '2025-02-01,E,2,5,t,statement,oops',
      '2025-02-01,F,1,t,statement,fine',
    ].join('\n');
    const result = mapText(text);
    expect(result.problems.map(problemText)).toEqual([
      'row 2: date: "2025-02-30" is not a real calendar date',
      'row 3: score: "nope" is not a number',
      'row 4: score: "9" is outside the declared scale −3…+3 (the range is not stretched to fit it)',
      'row 5: actor: is empty',
      'row 6: score: "1e3" is in exponent form, which is read only when Numbers is "Decimal point, exponents allowed"',
      'row 7: has 7 fields, but the header has 6 (an extra column, or a stray quote or delimiter)',
    ]);
    expect(result.dataset?.observations.map((o) => o.actor)).toEqual(['f']);
    expect(result.skippedCount).toBe(6);
    expect(result.skipped.header).toEqual(['problem', ...HEADER]);
    expect(result.skipped.rows[0]).toEqual([
      'date: "2025-02-30" is not a real calendar date',
      '2025-02-30',
      'A',
      '1',
      't',
      'statement',
      '',
    ]);
  });

  it('never stretches the range for an outlier: the other scores keep their meaning', () => {
    const result = mapText('date,actor,score\n2025-01-01,A,+2\n2025-01-02,A,1\n2025-01-03,A,1000\n', three);
    expect(result.dataset?.observations.map((o) => o.score)).toEqual([2, 1]);
    expect(result.problems.map(problemText)).toEqual([
      'row 4: score: "1000" is outside the declared scale −3…+3 (the range is not stretched to fit it)',
    ]);
  });

  it('reads numbers by one rule per file: a decimal comma, or exponents, only when the rule says so', () => {
    const text = 'date;actor;score\n2025-01-01;A;2,5\n2025-01-02;A;-1.5\n2025-01-03;A;2e-1\n';
    const comma = mapText(text, { ...three, numberRule: 'comma' });
    expect(comma.dataset?.observations.map((o) => o.score)).toEqual([2.5]);
    expect(comma.problems.map(problemText)).toEqual([
      'row 3: score: "-1.5" has a decimal point, but this file\'s numbers use a decimal comma',
      'row 4: score: "2e-1" is in exponent form, which is read only when Numbers is "Decimal point, exponents allowed"',
    ]);
    const point = mapText(text, { ...three, numberRule: 'point' });
    expect(point.problems.map(problemText)[0]).toBe(
      'row 2: score: "2,5" has a decimal comma, but this file\'s numbers use a decimal point',
    );
    const exponent = mapText(text, { ...three, numberRule: 'point-exponent' });
    expect(exponent.dataset?.observations.map((o) => o.score)).toEqual([-1.5, 0.2]);
  });

  it('pads short rows when the missing fields are not needed, and says how many', () => {
    const text = 'date,actor,score,src\n2025-01-01,A,1,https://a.example\n2025-01-02,B,2\n2025-01-03,C\n';
    const result = mapText(text, { ...three, source: 3 });
    expect(result.dataset?.observations.map((o) => [o.actor, o.sourceId])).toEqual([
      ['a', 'src-1'],
      ['b', null],
    ]);
    expect(result.problems.map(problemText)).toEqual(['row 4: has 2 fields, but the header has 4: no score']);
    expect(result.notices).toEqual([
      '1 row had fewer fields than the header; the missing fields are not needed by the mapping, so they were read as empty.',
    ]);
  });

  it('ignores empty extra fields at the end of a row (Excel’s trailing delimiters), and says so', () => {
    const result = mapText('date,actor,score\n2025-01-01,A,1,,\n', three);
    expect(result.problems).toEqual([]);
    expect(result.notices).toEqual(['1 row ended in empty extra fields, which were ignored.']);
  });

  it('never lets an optional column reject a row: empty group, unknown kind, long text', () => {
    const long = 'x'.repeat(6000);
    const text = [
      'date,actor,country,score,kind,quote',
      '2025-01-01,POLICE,,1,verbal,',
      '2025-01-02,Trump,USA,1,maybe,',
      `2025-01-03,Trump,USA,1,deeds,${long}`,
    ].join('\n');
    const m = { ...three, actor: 1, groupBy: 2, score: 3, kind: 4, quote: 5 };
    const result = mapText(text, m);
    expect(result.problems).toEqual([]);
    const d = result.dataset!;
    expect(d.observations.map((o) => [o.actor, o.kind])).toEqual([
      ['none', 'statement'],
      ['usa', 'statement'],
      ['usa', 'action'],
    ]);
    expect(d.actors.find((a) => a.id === 'none')).toMatchObject({ name: '(no country)', group: '(none)' });
    expect(d.observations[2]?.quote).toHaveLength(5000);
    expect(d.observations[2]?.quote.endsWith('…')).toBe(true);
    expect(result.notices).toEqual([
      '1 row had no country value; they form the group "(none)".',
      '1 row had a kind that is neither statement nor action ("maybe"); they were read as statements.',
      '1 text longer than the data format allows (speaker 200, summary 1,000, quote 5,000 characters) was shortened, ending in "…".',
    ]);
  });

  it('names the source column when it differs from the role', () => {
    const m = {
      ...three,
      scale: 'goldstein' as const,
      scoreMin: -10,
      scoreMax: 10,
      higherMeans: 'conciliatory' as const,
    };
    const result = mapText('SQLDATE,Who,Goldstein\n20250230,x,1\n20250201,x,1\n', m);
    expect(result.problems.map(problemText)).toEqual([
      'row 2: date (SQLDATE): "20250230" is not a real calendar date',
    ]);
  });

  it('keeps HTML and script in text fields verbatim (they are rendered as text)', () => {
    const result = mapText(
      'date,actor,score,theme,kind,quote\n2025-01-01,<b>A</b>,1,<script>x</script>,statement,<img src=x onerror=alert(1)>\n',
    );
    expect(result.dataset?.actors[0]?.name).toBe('<b>A</b>');
    expect(result.dataset?.observations[0]?.quote).toBe('<img src=x onerror=alert(1)>');
  });

  it('is fatal, with a sentence, for a header with no rows and for a mapping missing a column', () => {
    expect(mapText('date,actor,score,theme,kind,quote\n').fatal).toBe(
      'The file has a header row but no data rows, so there is nothing to open.',
    );
    expect(mapText('a,b\n1,2\n', three).fatal).toBe('The score column is not in this file.');
    expect(mapText('date,actor,score\n2025-02-30,A,1\n', three).fatal).toBe(
      'None of the 1 rows can be opened with this mapping.',
    );
  });

  it('only keeps http(s) source links', () => {
    const result = mapText(
      'date,actor,score,src\n2025-01-01,A,1,javascript:alert(1)\n2025-01-01,A,1,https://example.org/a\n',
      { ...three, source: 3 },
    );
    expect(result.dataset?.sources.map((s) => s.url)).toEqual([null, 'https://example.org/a']);
  });
});

describe('mapCsv on real-shaped files', () => {
  it('the GDELT 2.0 sample: every row, per-country series, −0.3 × Goldstein, CAMEO themes', () => {
    const table = parseCsv(gdeltCsv);
    const input = toCsvInput(table);
    const mapping = guessMapping(input.header, input.rows.slice(0, 200));
    expect(mapping).toMatchObject({ scale: 'goldstein', higherMeans: 'conciliatory', numberRule: 'point' });
    const result = mapCsv(input, mapping, { name: 'gdelt.csv', today: '2025-09-01' });
    expect(table.problems).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.dataset?.observations).toHaveLength(2000);
    expect(result.dataset?.actors[0]).toMatchObject({ id: 'usa', group: 'USA' });
    const g = input.header.indexOf('GoldsteinScale');
    const byId = new Map(result.dataset!.observations.map((o) => [o.id, o]));
    input.rows.forEach((row, i) => {
      const o = byId.get(`row-${input.lines![i]}`)!;
      expect(o.originalScore).toBe(Number(row[g]));
      expect(o.score).toBeCloseTo(-0.3 * Number(row[g]), 9);
    });
    expect(result.dataset?.themes.find((t) => t.id === '04')?.label).toBe('04 Consult');
    expect(new Set(result.dataset!.observations.map((o) => o.kind))).toEqual(
      new Set(['statement', 'action']),
    );
  });

  it('the score column with decimal commas and outliers: the outliers listed, the rest on −3…+3 unchanged', () => {
    const text = readFileSync('tests/fixtures/score-outlier-decimal-comma.csv', 'utf8');
    const input = toCsvInput(parseCsv(text));
    const mapping = guessMapping(input.header, input.rows);
    expect(mapping).toMatchObject({
      numberRule: 'comma',
      scale: 'stance',
      scoreMin: -3,
      scoreMax: 3,
      higherMeans: 'hawkish',
    });
    const result = mapCsv(input, mapping, opts);
    expect(result.problems.map(problemText)).toEqual([
      'row 9: score: "1e3" is in exponent form, which is read only when Numbers is "Decimal point, exponents allowed"',
      'row 10: score: "30" is outside the declared scale −3…+3 (the range is not stretched to fit it)',
    ]);
    expect(result.dataset?.observations.map((o) => o.score)).toEqual([
      -2, -1.5, -2.5, 0.5, 2, 1, 2.5, -1, 0, 2,
    ]);
  });
});
