import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importJson } from '../../src/features/import/import-json';
import { problemText } from '../../src/features/import/import-types';
import { makeLargerFixture } from '../../mocks/fixtures/import-datasets';
import type { Dataset } from '../../src/domain/schema';

const fixture = makeLargerFixture(10);
const withObservations = (edit: (o: Dataset['observations'][number], i: number) => unknown): string =>
  JSON.stringify({ ...fixture, observations: fixture.observations.map(edit) });

describe('importJson', () => {
  it('opens a valid dataset unchanged', () => {
    const result = importJson(JSON.stringify(fixture));
    expect(result.fatal).toBeNull();
    expect(result.problems).toEqual([]);
    expect(result.dataset).toEqual(fixture);
  });

  it('says a truncated file ends too early', () => {
    const text = JSON.stringify(fixture);
    const result = importJson(text.slice(0, text.length / 2));
    expect(result.dataset).toBeNull();
    expect(result.fatal).toMatch(/^The file is not valid JSON: it ends too early .*It is probably truncated/);
  });

  it('names the wrong schemaVersion', () => {
    expect(importJson(JSON.stringify({ ...fixture, schemaVersion: 2 })).fatal).toBe(
      'The file has schemaVersion 2, but this app reads data contract v1 ("schemaVersion": 1).',
    );
    expect(importJson('{"title":"x"}').fatal).toMatch(/^The file has no schemaVersion/);
  });

  it('says an empty dataset or an empty file has nothing to open', () => {
    expect(importJson(JSON.stringify({ ...fixture, observations: [] })).fatal).toBe(
      'The dataset is empty: it holds no observations, so there is nothing to plot.',
    );
    expect(importJson('   ').fatal).toBe('The file is empty.');
    expect(importJson('[1,2]').fatal).toBe(
      'The file holds a JSON array, not a dataset object with "schemaVersion": 1.',
    );
  });

  it('lists a duplicate id and opens the first of the two', () => {
    const first = fixture.observations[0]!;
    const result = importJson(
      JSON.stringify({ ...fixture, observations: [...fixture.observations, { ...first, score: 3 }] }),
    );
    expect(result.problems.map(problemText)).toEqual([
      'observation fx-1: id: duplicate id "fx-1" (an earlier observation has it)',
    ]);
    expect(result.dataset?.observations).toHaveLength(fixture.observations.length);
    expect(result.dataset?.observations[0]).toEqual(first);
  });

  it('names 2025-02-30, out-of-range and non-numeric scores, unknown actors and a 1 MB quote', () => {
    const text = withObservations((o, i) => {
      if (i === 0) return { ...o, date: '2025-02-30', datePrecision: 'day' };
      if (i === 1) return { ...o, score: 7 };
      if (i === 2) return { ...o, score: 'high' };
      if (i === 3) return { ...o, actor: 'atlantis' };
      if (i === 4) return { ...o, quote: 'q'.repeat(1_048_576) };
      return o;
    });
    const ids = fixture.observations.map((o) => o.id);
    const result = importJson(text);
    expect(result.problems.map(problemText)).toEqual([
      `observation ${ids[0]}: date: is not a real calendar date (expected YYYY-MM-DD, YYYY-MM or YYYY)`,
      `observation ${ids[1]}: score: must be between -3 and 3`,
      `observation ${ids[2]}: score: must be a number`,
      `observation ${ids[3]}: actor: unknown actor "atlantis" (not in the actors list)`,
      `observation ${ids[4]}: quote: must be at most 5000 characters`,
    ]);
    expect(result.dataset?.observations.map((o) => o.id)).toEqual(ids.slice(5));
    expect(result.skippedCount).toBe(5);
    expect(result.total).toBe(ids.length);
    expect(result.skipped.header[0]).toBe('problem');
    expect(result.skipped.rows[1]?.[0]).toBe('score: must be between -3 and 3');
  });

  it('is fatal when every observation fails', () => {
    const result = importJson(withObservations((o) => ({ ...o, score: 99 })));
    expect(result.dataset).toBeNull();
    expect(result.fatal).toBe(`None of the ${fixture.observations.length} observations can be opened.`);
    expect(result.problems).toHaveLength(fixture.observations.length);
  });

  it('is fatal for a broken actor list, naming the field', () => {
    const result = importJson(
      JSON.stringify({ ...fixture, actors: [{ ...fixture.actors[0], color: 'red' }] }),
    );
    expect(result.fatal).toContain(`actor ${fixture.actors[0]!.id}: color: must be a hex color like #1f77b4`);
  });

  it("reports every fatal problem of a hostile file in one pass, with the observations' own", () => {
    const result = importJson(readFileSync('tests/fixtures/hostile-three-fatal.json', 'utf8'));
    expect(result.dataset).toBeNull();
    expect(result.problems.map(problemText)).toEqual([
      'actor russia: id: duplicate id "russia" (an earlier actor has it)',
      'source src-001: url: must start with http:// or https://',
      'event evt-hostile: sourceId: unknown source "src-missing" (not in the sources list)',
      'observation obs-003: date: is not a real calendar date (expected YYYY-MM-DD, YYYY-MM or YYYY)',
    ]);
    expect(result.fatal).toBe(
      'The file cannot be opened: it has 3 problems outside its observations (actor russia: id: duplicate id "russia" (an earlier actor has it); source src-001: url: must start with http:// or https://; event evt-hostile: sourceId: unknown source "src-missing" (not in the sources list)). All are listed, so they can be fixed in one go.',
    );
    // JSON's "__proto__" key is an own property, dropped by the schema; nothing leaks into Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says a field is missing rather than "Invalid input", and does not blame references to a broken entry', () => {
    const [first, ...rest] = fixture.sources;
    const { title: _title, ...untitled } = first!;
    const result = importJson(JSON.stringify({ ...fixture, title: undefined, sources: [untitled, ...rest] }));
    expect(result.problems.map(problemText)).toEqual([
      'title: is missing',
      `source ${first!.id}: title: is missing`,
    ]);
  });

  it('names a wrong schemaVersion first, then everything else', () => {
    const result = importJson(JSON.stringify({ ...fixture, schemaVersion: 2, actors: 'none', themes: [] }));
    expect(result.fatal).toBe(
      'The file has schemaVersion 2, but this app reads data contract v1 ("schemaVersion": 1). It also has 2 problems outside its observations (actors: must be a list of actors; themes: must list at least one theme). All are listed, so they can be fixed in one go.',
    );
    const listed = result.problems.map(problemText);
    expect(listed.slice(0, 3)).toEqual([
      'schemaVersion: must be 1 (this app reads data contract v1)',
      'actors: must be a list of actors',
      'themes: must list at least one theme',
    ]);
    // An empty themes list leaves every observation's theme unknown; an actors "list" that is not a list
    // is one problem, not one per observation.
    expect(listed.slice(3)).toEqual(
      fixture.observations.map(
        (o) => `observation ${o.id}: theme: unknown theme "${o.theme}" (not in the themes list)`,
      ),
    );
  });

  it('refuses source links that are not http(s)', () => {
    const result = importJson(
      JSON.stringify({
        ...fixture,
        sources: [{ ...fixture.sources[0], url: 'javascript:alert(1)' }, ...fixture.sources.slice(1)],
      }),
    );
    expect(result.dataset).toBeNull();
    expect(result.problems.map(problemText)).toContain(
      `source ${fixture.sources[0]!.id}: url: must start with http:// or https://`,
    );
  });

  it('keeps HTML and script in text fields as plain strings', () => {
    const result = importJson(JSON.stringify({ ...fixture, title: '<script>alert(1)</script>' }));
    expect(result.dataset?.title).toBe('<script>alert(1)</script>');
  });
});

describe('importJson properties', () => {
  it('never throws on any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const result = importJson(text);
          expect(result.dataset === null ? typeof result.fatal : 'object').toBe(
            result.dataset === null ? 'string' : 'object',
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws when fields of a valid dataset are replaced by random JSON', () => {
    const keys = [
      'title',
      'actors',
      'themes',
      'observations',
      'sources',
      'events',
      'scale',
      'updated',
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.jsonValue(),
        fc.nat(5),
        fc.jsonValue(),
        (key, value, obsIndex, obsValue) => {
          const obs = [...fixture.observations] as unknown[];
          obs[obsIndex] = obsValue;
          const result = importJson(JSON.stringify({ ...fixture, observations: obs, [key]: value }));
          expect(result.dataset !== null || result.fatal !== null).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips: a valid dataset comes back unchanged', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(fixture.observations, { minLength: 1 }),
        fc.string({ maxLength: 200 }),
        (observations, title) => {
          const data = { ...fixture, title: title || 'T', observations };
          expect(importJson(JSON.stringify(data)).dataset).toEqual(data);
        },
      ),
      { numRuns: 200 },
    );
  });
});
