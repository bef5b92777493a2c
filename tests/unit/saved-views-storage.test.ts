import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  LEGACY_KEYS,
  SAVED_VIEWS_KEY,
  SET_ASIDE_PREFIX,
  loadSavedViews,
  migrate,
  updateSavedViews,
  writeSavedViews,
  type SavedView,
} from '../../src/features/saved-views/saved-views-storage';

/** A Storage in memory that can be told to refuse writes, like a full or blocked localStorage. */
class MemoryStorage implements Storage {
  data = new Map<string, string>();
  refuseWrites = false;
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.refuseWrites) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(key, value);
  }
}

const view = (over: Partial<SavedView> = {}): SavedView => ({
  id: 'view-1',
  name: 'Sanctions since July',
  createdAt: '2025-09-01T10:00:00.000Z',
  query: 'themes=sanctions&from=2025-07-01',
  title: 'Stance toward Russia',
  datasetId: 'stances',
  datasetVersion: '1.0.0',
  ...over,
});

const asideKeys = (s: MemoryStorage) => [...s.data.keys()].filter((k) => k.startsWith(SET_ASIDE_PREFIX));

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
});

describe('saved views storage', () => {
  it('round-trips views under the versioned key', () => {
    expect(writeSavedViews([view()], storage)).toBeNull();
    expect(JSON.parse(storage.getItem(SAVED_VIEWS_KEY)!)).toEqual({ version: 1, views: [view()] });
    expect(loadSavedViews(storage)).toEqual({ views: [view()], notices: [], writable: true });
  });

  it('sets broken JSON aside with a notice naming where, and saves fresh afterwards', () => {
    storage.setItem(SAVED_VIEWS_KEY, '{"version":1,"views":[');
    const result = loadSavedViews(storage);
    expect(result.views).toEqual([]);
    expect(result.notices[0]).toMatch(
      /^Your saved views could not be read \(it is not valid JSON\)\. They were set aside under "stance-tracker:saved-views:set-aside:.*", not deleted\.$/,
    );
    const [aside] = asideKeys(storage);
    expect(storage.getItem(aside!)).toBe('{"version":1,"views":[');
    expect(storage.getItem(SAVED_VIEWS_KEY)).toBeNull();
    updateSavedViews((v) => [...v, view()], storage);
    expect(storage.getItem(aside!)).toBe('{"version":1,"views":[');
  });

  it('sets aside data from a newer version instead of overwriting it', () => {
    storage.setItem(SAVED_VIEWS_KEY, JSON.stringify({ version: 2, views: [{ fancy: true }] }));
    const result = loadSavedViews(storage);
    expect(result.notices[0]).toContain('it was saved by a newer version of the app (format 2)');
    expect(asideKeys(storage)).toHaveLength(1);
  });

  it('keeps the good views and sets the malformed ones aside', () => {
    storage.setItem(
      SAVED_VIEWS_KEY,
      JSON.stringify({ version: 1, views: [view(), { id: 3 }, view({ id: 'view-2', name: '' })] }),
    );
    const result = loadSavedViews(storage);
    expect(result.views).toEqual([view()]);
    expect(result.notices[0]).toMatch(/^2 saved views could not be read and were set aside under "/);
    const aside = asideKeys(storage)[0]!;
    expect(JSON.parse(storage.getItem(aside)!)).toEqual([{ id: 3 }, view({ id: 'view-2', name: '' })]);
    expect((JSON.parse(storage.getItem(SAVED_VIEWS_KEY)!) as { views: unknown }).views).toEqual([view()]);
  });

  it('migrates the old unversioned list, keeping a copy of the original', () => {
    const legacy = JSON.stringify([{ name: 'Old', query: 'kind=action' }]);
    storage.setItem(LEGACY_KEYS[0], legacy);
    const result = loadSavedViews(storage);
    expect(result.views).toMatchObject([{ name: 'Old', query: 'kind=action', datasetId: '' }]);
    expect(result.notices[0]).toMatch(
      /^1 saved view was updated to the current format; the old copy is kept under "/,
    );
    expect(storage.getItem(LEGACY_KEYS[0])).toBeNull();
    expect(storage.getItem(asideKeys(storage)[0]!)).toBe(legacy);
    expect((JSON.parse(storage.getItem(SAVED_VIEWS_KEY)!) as { version: unknown }).version).toBe(1);
  });

  it('refuses to save over unreadable data it could not set aside', () => {
    storage.data.set(SAVED_VIEWS_KEY, 'not json');
    storage.refuseWrites = true;
    const result = updateSavedViews((v) => [...v, view()], storage);
    expect(result.writable).toBe(false);
    expect(result.notices[0]).toContain('left untouched');
    expect(storage.getItem(SAVED_VIEWS_KEY)).toBe('not json');
  });

  it('says so when storage is full', () => {
    storage.refuseWrites = true;
    expect(writeSavedViews([view()], storage)).toBe(
      'The view could not be saved: browser storage is full or blocked.',
    );
  });

  it('works with no storage at all', () => {
    expect(loadSavedViews(null).notices).toEqual([
      'Saved views cannot be stored in this browser (storage is blocked).',
    ]);
  });

  it('keeps views saved by another tab in the meantime', () => {
    writeSavedViews([view()], storage);
    const result = updateSavedViews((v) => [...v, view({ id: 'view-2', name: 'Mine' })], storage);
    expect(result.views.map((v) => v.name)).toEqual(['Sanctions since July', 'Mine']);
  });
});

describe('saved views properties', () => {
  it('never throws on anything stored, and never loses the stored text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const s = new MemoryStorage();
          s.setItem(SAVED_VIEWS_KEY, text);
          const result = loadSavedViews(s);
          expect(Array.isArray(result.views)).toBe(true);
          const kept = [...s.data.values()];
          // Either the text was readable as views (and is still stored or re-written), or a copy was set aside.
          const readable = migrate(
            (() => {
              try {
                return JSON.parse(text) as unknown;
              } catch {
                return Symbol('bad');
              }
            })(),
          );
          if (!readable.ok || readable.setAside.length > 0 || readable.migratedFrom !== null) {
            expect(
              kept.some((v) => v === text || v === JSON.stringify(readable.ok ? readable.setAside : null)),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('round-trips any valid list of views unchanged', () => {
    const arb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 80 }),
      name: fc.string({ minLength: 1, maxLength: 120 }),
      createdAt: fc.string({ maxLength: 40 }),
      query: fc.string({ maxLength: 200 }),
      title: fc.string({ maxLength: 200 }),
      datasetId: fc.string({ maxLength: 50 }),
      datasetVersion: fc.string({ maxLength: 40 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arb, { selector: (v) => v.id, maxLength: 10 }), (views) => {
        const s = new MemoryStorage();
        writeSavedViews(views, s);
        expect(loadSavedViews(s)).toEqual({ views, notices: [], writable: true });
      }),
      { numRuns: 200 },
    );
  });
});
