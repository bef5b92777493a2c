import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSearch, parseFilters, readDataParam, serializeFilters } from '../../src/state/url-codec';
import {
  DEFAULT_FILTERS,
  SMOOTHINGS,
  KIND_FILTERS,
  toggleInSelection,
  type ViewFilters,
} from '../../src/domain/view-filters';

describe('url codec', () => {
  it('reads the documented example', () => {
    expect(
      parseFilters(
        '?actors=trump,russia&themes=sanctions&kind=action&from=2025-02-01&to=2025-08-31&smooth=30',
      ),
    ).toEqual({
      ...DEFAULT_FILTERS,
      actors: ['trump', 'russia'],
      themes: ['sanctions'],
      kind: 'action',
      from: '2025-02-01',
      to: '2025-08-31',
      rangeIsDefault: false,
      smooth: 30,
    });
  });

  it('tells the dataset default range (no dates) from an explicit "all dates" (range=all)', () => {
    expect(parseFilters('').rangeIsDefault).toBe(true);
    expect(parseFilters('?range=all')).toMatchObject({ rangeIsDefault: false, from: null, to: null });
    expect(serializeFilters({ ...DEFAULT_FILTERS, rangeIsDefault: false })).toBe('range=all');
    // While the range is the default, the dates it holds are the dataset's and stay out of the link.
    expect(serializeFilters({ ...DEFAULT_FILTERS, from: '2025-01-01' })).toBe('');
    expect(parseFilters('?from=2025-03-01').rangeIsDefault).toBe(false);
  });

  it('writes nothing for the default view and keeps commas readable', () => {
    expect(serializeFilters(DEFAULT_FILTERS)).toBe('');
    expect(serializeFilters({ ...DEFAULT_FILTERS, actors: ['trump', 'russia'], smooth: 0 })).toBe(
      'actors=trump,russia&smooth=0',
    );
  });

  it('distinguishes "no actors" (empty list) from "all actors" (absent)', () => {
    expect(parseFilters('?actors=').actors).toEqual([]);
    expect(parseFilters('').actors).toBeNull();
    expect(serializeFilters({ ...DEFAULT_FILTERS, actors: [] })).toBe('actors=');
  });

  it.each([
    ['?kind=deeds', 'kind', DEFAULT_FILTERS.kind],
    ['?smooth=7', 'smooth', DEFAULT_FILTERS.smooth],
    ['?smooth=abc', 'smooth', DEFAULT_FILTERS.smooth],
    ['?from=2025-02-30', 'from', null],
    ['?to=yesterday', 'to', null],
    ['?actors=<script>alert(1)</script>', 'actors', null],
    ['?events=maybe', 'events', DEFAULT_FILTERS.events],
    ['?actors=' + 'a'.repeat(10_000), 'actors', null],
    ['?%E0%A4%A=1&actors=%ZZ', 'actors', null],
  ] as const)('falls back to the default for bad parameter #%#', (search, key, expected) => {
    expect(parseFilters(search)[key]).toEqual(expected);
  });

  it('keeps the valid ids of a partly garbled list and drops duplicates', () => {
    expect(parseFilters('?actors=trump,<b>,trump,russia').actors).toEqual(['trump', 'russia']);
  });

  it('swaps a reversed date range', () => {
    const f = parseFilters('?from=2025-08-31&to=2025-02-01');
    expect([f.from, f.to]).toEqual(['2025-02-01', '2025-08-31']);
  });

  it('keeps unrelated parameters such as data= when merging', () => {
    expect(mergeSearch('?data=x.json&smooth=0', { ...DEFAULT_FILTERS, kind: 'action' })).toBe(
      '?data=x.json&kind=action',
    );
    expect(mergeSearch('?smooth=0', DEFAULT_FILTERS)).toBe('');
  });

  it('accepts only http(s) or plain relative data URLs', () => {
    expect(readDataParam('?data=https://example.org/d.json')).toBe('https://example.org/d.json');
    expect(readDataParam('?data=data/other.json')).toBe('data/other.json');
    expect(readDataParam('?data=javascript:alert(1)')).toBeNull();
    expect(readDataParam('?data=//evil.example/x.json')).toBeNull();
    expect(readDataParam('?data=')).toBeNull();
  });

  const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/);
  const day = fc
    .date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const filtersArb: fc.Arbitrary<ViewFilters> = fc
    .record({
      actors: fc.option(fc.uniqueArray(id, { maxLength: 8 }), { nil: null }),
      themes: fc.option(fc.uniqueArray(id, { maxLength: 8 }), { nil: null }),
      kind: fc.constantFrom(...KIND_FILTERS),
      from: fc.option(day, { nil: null }),
      to: fc.option(day, { nil: null }),
      smooth: fc.constantFrom(...SMOOTHINGS),
      events: fc.boolean(),
      hidden: fc.uniqueArray(id, { maxLength: 4 }),
      highConfidence: fc.boolean(),
      weighted: fc.boolean(),
    })
    .chain((f) =>
      // A default range carries no dates in the URL; a chosen one may be open on both ends (range=all).
      fc.boolean().map((rangeIsDefault) => {
        const ordered = f.from && f.to && f.from > f.to ? { ...f, from: f.to, to: f.from } : f;
        return rangeIsDefault
          ? { ...ordered, from: null, to: null, rangeIsDefault }
          : { ...ordered, rangeIsDefault };
      }),
    );

  it('round-trips every valid view unchanged (property)', () => {
    fc.assert(
      fc.property(filtersArb, (f) => {
        expect(parseFilters(`?${serializeFilters(f)}`)).toEqual(f);
      }),
    );
  });

  it('never throws on arbitrary input and always returns a usable view (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const f = parseFilters(s);
        expect(KIND_FILTERS).toContain(f.kind);
        expect(SMOOTHINGS).toContain(f.smooth);
      }),
    );
  });
});

describe('toggleInSelection', () => {
  const all = ['a', 'b', 'c'];
  it('turns "all" into all-but-one and back to null', () => {
    const without = toggleInSelection(null, 'b', all);
    expect(without).toEqual(['a', 'c']);
    expect(toggleInSelection(without, 'b', all)).toBeNull();
  });
});

describe('pages in the URL', () => {
  it('reads view=methodology and treats anything else as the explorer', async () => {
    const { parsePage } = await import('../../src/state/url-codec');
    expect(parsePage('?view=methodology')).toBe('methodology');
    expect(parsePage('?view=admin')).toBe('explorer');
    expect(parsePage('')).toBe('explorer');
  });

  it('writes the page after the filters and keeps other parameters', () => {
    expect(mergeSearch('?data=x.json', { ...DEFAULT_FILTERS, kind: 'action' }, 'methodology')).toBe(
      '?data=x.json&kind=action&view=methodology',
    );
    expect(mergeSearch('?view=methodology', DEFAULT_FILTERS, 'explorer')).toBe('');
  });
});
