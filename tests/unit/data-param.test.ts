import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasIgnoredDataParam, readDataParam, withoutDataParam } from '../../src/state/url-codec';
import { retryTransient } from '../../src/data/use-active-dataset';
import { DatasetError } from '../../src/domain/dataset-error';

const hostile = fc.constantFrom(
  'javascript:alert(1)',
  ' JavaScript:alert(1)',
  'data:application/json,{}',
  'vbscript:x',
  'file:///etc/passwd',
  'blob:https://x/1',
  '//evil.example/x.json',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'x'.repeat(5000),
);

describe('the ?data= parameter (properties)', () => {
  it('never throws, and yields only null, an http(s) URL or a plain relative path', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          hostile.map((h) => `?data=${encodeURIComponent(h)}`),
        ),
        (search) => {
          const out = readDataParam(search);
          expect(typeof hasIgnoredDataParam(search)).toBe('boolean');
          if (out === null) return;
          expect(out.length).toBeLessThanOrEqual(4000);
          expect(/^https?:\/\//i.test(out) || (/^[\w./~-]+$/.test(out) && !out.startsWith('//'))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses every hostile value and says it ignored one', () => {
    fc.assert(
      fc.property(hostile, (h) => {
        const search = `?data=${encodeURIComponent(h)}`;
        expect(readDataParam(search)).toBeNull();
        expect(hasIgnoredDataParam(search)).toBe(true);
      }),
    );
  });

  it('round-trips any http(s) URL a user may paste', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        fc.pre(url.length < 1500);
        expect(readDataParam(`?data=${encodeURIComponent(url)}&kind=action`)).toBe(new URL(url).href);
      }),
      { numRuns: 300 },
    );
  });

  it('withoutDataParam drops data and keeps every other parameter in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('data', 'kind', 'actors', 'x'), fc.string()), { maxLength: 6 }),
        (pairs) => {
          const search = `?${new URLSearchParams(pairs).toString()}`;
          const out = new URLSearchParams(withoutDataParam(search));
          expect([...out.keys()]).toEqual(pairs.map(([k]) => k).filter((k) => k !== 'data'));
          expect(out.has('data')).toBe(false);
        },
      ),
    );
  });
});

describe('retryTransient', () => {
  it('retries network failures, timeouts and 5xx twice, never a 404 or a bad file', () => {
    const e = (kind: ConstructorParameters<typeof DatasetError>[0], status?: number) =>
      new DatasetError(kind, 'x', { status });
    expect(retryTransient(0, e('network'))).toBe(true);
    expect(retryTransient(1, e('timeout'))).toBe(true);
    expect(retryTransient(0, e('http', 503))).toBe(true);
    expect(retryTransient(2, e('http', 503))).toBe(false);
    expect(retryTransient(0, e('http', 404))).toBe(false);
    expect(retryTransient(0, e('json'))).toBe(false);
    expect(retryTransient(0, e('schema'))).toBe(false);
  });
});
