import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExportFileName, MAX_FILE_NAME, toFileNamePart } from '../../src/lib/file-name';

const SAFE = /^[A-Za-z0-9_-]+\.(png|svg|csv)$/;

describe('buildExportFileName', () => {
  it('names the actors, the range and the extension', () => {
    expect(
      buildExportFileName({ actors: ['trump', 'russia'], from: '2025-02-01', to: '2025-08-31', ext: 'png' }),
    ).toBe('stance_trump-russia_2025-02-01_2025-08-31.png');
  });

  it('says "all" when every actor is shown and adds a suffix before the extension', () => {
    expect(
      buildExportFileName({
        actors: null,
        from: '2025-01-01',
        to: '2025-12-31',
        ext: 'csv',
        suffix: 'series',
      }),
    ).toBe('stance_all_2025-01-01_2025-12-31_series.csv');
  });

  it('keeps only ASCII letters, digits, - and _ from ids with dots, accents and spaces', () => {
    const name = buildExportFileName({
      actors: ['eu.commission', 'Zelenskyy Україна', 'café'],
      from: null,
      to: null,
      ext: 'svg',
    });
    expect(name).toMatch(SAFE);
    expect(name).toBe('stance_eu-commission-Zelenskyy-cafe_undated_undated.svg');
  });

  it('replaces a long actor list by a count and caps the whole name', () => {
    const actors = Array.from({ length: 40 }, (_, i) => `actor-with-a-long-id-${i}`);
    const name = buildExportFileName({ actors, from: '2025-02-01', to: '2025-08-31', ext: 'png' });
    expect(name).toBe('stance_40-actors_2025-02-01_2025-08-31.png');
    const huge = buildExportFileName({
      actors: ['x'],
      from: '2025-02-01',
      to: '2025-08-31',
      ext: 'csv',
      suffix: 'y'.repeat(500),
    });
    expect(huge.length).toBeLessThanOrEqual(MAX_FILE_NAME);
    expect(huge).toMatch(SAFE);
  });

  it('ignores range values that are not ISO days (no path tricks through the name)', () => {
    expect(buildExportFileName({ actors: ['../../etc'], from: '2025/02/01', to: '../x', ext: 'png' })).toBe(
      'stance_etc_undated_undated.png',
    );
  });

  it('always yields a safe, bounded name for arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.option(fc.array(fc.string({ unit: 'binary' }), { maxLength: 12 }), { nil: null }),
        fc.option(fc.string(), { nil: null }),
        fc.option(fc.string(), { nil: null }),
        fc.constantFrom('png' as const, 'svg' as const, 'csv' as const),
        fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
        (actors, from, to, ext, suffix) => {
          const name = buildExportFileName({ actors, from, to, ext, suffix });
          expect(name).toMatch(SAFE);
          expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME);
          expect(name.startsWith('stance_')).toBe(true);
        },
      ),
    );
  });
});

describe('toFileNamePart', () => {
  it('drops accents, collapses runs of other characters to one "-" and trims the ends', () => {
    expect(toFileNamePart('  Élysée / Paris!! ')).toBe('Elysee-Paris');
    expect(toFileNamePart('"><script>')).toBe('script');
    expect(toFileNamePart('日本')).toBe('');
  });
});
