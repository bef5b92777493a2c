import { isRecord } from '../../lib/is-record';

// Saved views live in localStorage under a versioned key. Anything found there that cannot be read
// (broken JSON, an unknown or newer version, a malformed entry) is copied to a set-aside key and
// reported to the caller — never thrown, never silently overwritten.

export const SAVED_VIEWS_KEY = 'stance-tracker:saved-views:v1';
/** Prefix of the keys unreadable data is moved to; each gets a unique suffix so nothing set aside is overwritten. */
export const SET_ASIDE_PREFIX = 'stance-tracker:saved-views:set-aside:';
/** Keys of earlier formats, read once and migrated. */
export const LEGACY_KEYS = ['stance-tracker:saved-views'] as const;
export const CURRENT_VERSION = 1;
export const MAX_VIEWS = 200;

export interface SavedView {
  id: string;
  name: string;
  createdAt: string;
  /** The view's URL search string (filters), as the URL codec writes it. */
  query: string;
  title: string;
  datasetId: string;
  datasetVersion: string;
}

// Hand-written checks rather than zod: the header reads saved views at start-up, before any schema loads.
const str = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;

/** A stored entry as a SavedView, or null when any field is missing, mistyped or too long. */
export function readSavedView(item: unknown): SavedView | null {
  if (!isRecord(item)) return null;
  const { id, name, createdAt, query, title, datasetId, datasetVersion } = item;
  if (
    !str(id, 1, 80) ||
    !str(name, 1, 120) ||
    !str(createdAt, 0, 40) ||
    !str(query, 0, 4000) ||
    !str(title, 0, 200) ||
    !str(datasetId, 0, 200) ||
    !str(datasetVersion, 0, 40)
  )
    return null;
  return { id, name, createdAt, query, title, datasetId, datasetVersion };
}

export interface StoredViews {
  version: 1;
  views: SavedView[];
}

export interface LoadResult {
  views: SavedView[];
  /** Sentences for the user: what was set aside or could not be stored, and where. */
  notices: string[];
  /** False when writing would destroy data that could not be set aside; saving is then refused. */
  writable: boolean;
}

export type MigrateResult =
  | { ok: true; views: SavedView[]; setAside: unknown[]; migratedFrom: number | null }
  | { ok: false; reason: string };

/** The pre-versioned shape (a bare array of { name, query }), as an early build wrote it. */
function readLegacyView(
  item: unknown,
): { name: string; query: string; title?: string; createdAt?: string } | null {
  if (!isRecord(item)) return null;
  const { name, query, title, createdAt } = item;
  if (!str(name, 1, 120) || !str(query, 0, 4000)) return null;
  if (title !== undefined && !str(title, 0, 200)) return null;
  if (createdAt !== undefined && !str(createdAt, 0, 40)) return null;
  return {
    name,
    query,
    ...(title !== undefined ? { title } : {}),
    ...(createdAt !== undefined ? { createdAt } : {}),
  };
}

let idCounter = 0;
export function newViewId(): string {
  idCounter += 1;
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now()}-${idCounter}`;
  return `view-${random}`;
}

/**
 * Brings whatever was stored (already JSON-parsed) to the current shape. Views that cannot be read
 * are returned in `setAside`; a value that cannot be read at all gives `ok: false` with the reason.
 */
export function migrate(raw: unknown): MigrateResult {
  if (Array.isArray(raw)) {
    const views: SavedView[] = [];
    const setAside: unknown[] = [];
    for (const item of raw) {
      const legacy = readLegacyView(item);
      if (legacy) {
        views.push({
          id: newViewId(),
          name: legacy.name,
          createdAt: legacy.createdAt ?? '',
          query: legacy.query,
          title: legacy.title ?? legacy.name,
          datasetId: '',
          datasetVersion: '',
        });
      } else {
        setAside.push(item);
      }
    }
    return { ok: true, views, setAside, migratedFrom: 0 };
  }
  if (!isRecord(raw)) return { ok: false, reason: 'it is not a list of views' };
  if (raw.version !== CURRENT_VERSION) {
    const v = typeof raw.version === 'number' ? raw.version : NaN;
    return {
      ok: false,
      reason:
        Number.isFinite(v) && v > CURRENT_VERSION
          ? `it was saved by a newer version of the app (format ${v})`
          : 'its format is unknown',
    };
  }
  if (!Array.isArray(raw.views)) return { ok: false, reason: 'it has no list of views' };
  const views: SavedView[] = [];
  const setAside: unknown[] = [];
  const ids = new Set<string>();
  for (const item of raw.views) {
    const parsed = readSavedView(item);
    if (parsed && !ids.has(parsed.id)) {
      ids.add(parsed.id);
      views.push(parsed);
    } else {
      setAside.push(item);
    }
  }
  return { ok: true, views, setAside, migratedFrom: null };
}

/** localStorage, or null where reading it throws (some sandboxed frames and privacy modes). */
export function safeLocalStorage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

/** Copies a value to a fresh set-aside key; returns the key, or null if storage refused. */
function setAsideValue(storage: Storage, text: string): string | null {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (let n = 0; n < 100; n++) {
    const key = `${SET_ASIDE_PREFIX}${stamp}${n ? `-${n}` : ''}`;
    try {
      if (storage.getItem(key) !== null) continue;
      storage.setItem(key, text);
      return key;
    } catch {
      return null;
    }
  }
  return null;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Reads the saved views. Unreadable data is moved to a set-aside key (with a notice naming it) so
 * the next save cannot overwrite it; if even that fails, the original is left untouched.
 */
export function loadSavedViews(storage: Storage | null = safeLocalStorage()): LoadResult {
  if (!storage)
    return {
      views: [],
      notices: ['Saved views cannot be stored in this browser (storage is blocked).'],
      writable: false,
    };
  const notices: string[] = [];
  let text: string | null;
  let key: string = SAVED_VIEWS_KEY;
  try {
    text = storage.getItem(SAVED_VIEWS_KEY);
    if (text === null) {
      for (const legacy of LEGACY_KEYS) {
        text = storage.getItem(legacy);
        if (text !== null) {
          key = legacy;
          break;
        }
      }
    }
  } catch {
    return { views: [], notices: ['Saved views could not be read (storage is blocked).'], writable: false };
  }
  if (text === null) return { views: [], notices, writable: true };

  let raw: unknown;
  let result: MigrateResult;
  try {
    raw = JSON.parse(text);
    result = migrate(raw);
  } catch {
    result = { ok: false, reason: 'it is not valid JSON' };
  }

  if (!result.ok) {
    const aside = setAsideValue(storage, text);
    if (aside === null) {
      return {
        views: [],
        notices: [
          `Your saved views could not be read (${result.reason}) and were left untouched; new views cannot be saved until storage has room.`,
        ],
        writable: false,
      };
    }
    try {
      storage.removeItem(key);
    } catch {
      // The copy exists; a leftover original is harmless because it will be set aside again.
    }
    return {
      views: [],
      notices: [
        `Your saved views could not be read (${result.reason}). They were set aside under "${aside}", not deleted.`,
      ],
      writable: true,
    };
  }

  if (result.setAside.length) {
    const aside = setAsideValue(storage, JSON.stringify(result.setAside));
    const n = result.setAside.length;
    if (!aside) {
      // The bad entries could not be copied, so nothing may be written over them.
      notices.push(
        `${plural(n, 'saved view', 'saved views')} could not be read and ${n === 1 ? 'is' : 'are'} not shown.`,
      );
      return { views: result.views, notices, writable: false };
    }
    notices.push(
      `${plural(n, 'saved view', 'saved views')} could not be read and ${n === 1 ? 'was' : 'were'} set aside under "${aside}".`,
    );
  }
  if (result.migratedFrom !== null || key !== SAVED_VIEWS_KEY) {
    // An old format is migrated, and its original kept as it was, in case the migration misread it.
    const backup = setAsideValue(storage, text);
    if (!backup) return { views: result.views, notices, writable: false };
    const failed = writeSavedViews(result.views, storage);
    if (failed) return { views: result.views, notices: [...notices, failed], writable: false };
    if (key !== SAVED_VIEWS_KEY) {
      try {
        storage.removeItem(key);
      } catch {
        // Reading the old key again would only migrate the same views again.
      }
    }
    notices.push(
      `${plural(result.views.length, 'saved view was', 'saved views were')} updated to the current format; the old copy is kept under "${backup}".`,
    );
  } else if (result.setAside.length) {
    const failed = writeSavedViews(result.views, storage);
    if (failed) notices.push(failed);
  }
  return { views: result.views, notices, writable: true };
}

/** Writes the list; returns a sentence for the user when storage refused (full or blocked), else null. */
export function writeSavedViews(
  views: SavedView[],
  storage: Storage | null = safeLocalStorage(),
): string | null {
  if (!storage) return 'Saved views cannot be stored in this browser (storage is blocked).';
  const value: StoredViews = { version: CURRENT_VERSION, views: views.slice(0, MAX_VIEWS) };
  try {
    storage.setItem(SAVED_VIEWS_KEY, JSON.stringify(value));
    return null;
  } catch {
    return 'The view could not be saved: browser storage is full or blocked.';
  }
}

/**
 * Reads, changes and writes back in one step, so a view saved in another tab since this one loaded
 * is kept rather than overwritten.
 */
export function updateSavedViews(
  change: (views: SavedView[]) => SavedView[],
  storage: Storage | null = safeLocalStorage(),
): LoadResult {
  const current = loadSavedViews(storage);
  if (!current.writable) return current;
  const next = change(current.views);
  const failed = writeSavedViews(next, storage);
  return failed
    ? { ...current, notices: [...current.notices, failed] }
    : { views: next, notices: current.notices, writable: true };
}
