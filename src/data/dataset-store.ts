import type { Dataset } from '../domain/schema';

/** The dataset the user opened from a file, kept so a reload shows it again. */
export interface StoredDataset {
  dataset: Dataset;
  /** The file name, shown in the header badge. */
  label: string;
  savedAt: string;
}

/** Where the opened dataset is kept; every method resolves (never rejects) except save, whose failure the UI reports. */
export interface DatasetStore {
  load(): Promise<StoredDataset | null>;
  save(record: StoredDataset): Promise<void>;
  clear(): Promise<void>;
}

const DB_NAME = 'stance-tracker';
const DB_VERSION = 1;
const STORE = 'opened-dataset';
const KEY = 'active';

function isStored(v: unknown): v is StoredDataset {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  const d = r.dataset as Record<string, unknown> | undefined;
  // A light check: the record was validated when opened; this only guards against an old or foreign shape.
  return (
    typeof r.label === 'string' &&
    typeof d === 'object' &&
    d !== null &&
    d.schemaVersion === 1 &&
    Array.isArray(d.observations) &&
    Array.isArray(d.actors) &&
    Array.isArray(d.themes)
  );
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

async function withStore<T>(
  factory: IDBFactory,
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb(factory);
  try {
    const tx = db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    const [result] = await Promise.all([request(run(tx.objectStore(STORE))), done]);
    return result;
  } finally {
    db.close();
  }
}

/** IndexedDB holds datasets of many megabytes, which localStorage (about 5 MB, strings only) cannot. */
export function createIndexedDbStore(factory: IDBFactory | undefined = globalThis.indexedDB): DatasetStore {
  if (!factory) return createNoopStore();
  return {
    async load() {
      try {
        const value: unknown = await withStore(factory, 'readonly', (s) => s.get(KEY));
        if (value === undefined) return null;
        if (isStored(value)) return value;
        await withStore(factory, 'readwrite', (s) => s.delete(KEY)).catch(() => undefined);
        return null;
      } catch {
        return null;
      }
    },
    async save(record) {
      await withStore(factory, 'readwrite', (s) => s.put(record, KEY));
    },
    async clear() {
      try {
        await withStore(factory, 'readwrite', (s) => s.delete(KEY));
      } catch {
        // Nothing stored or storage unavailable: either way there is nothing left to clear.
      }
    },
  };
}

/** For browsers without IndexedDB (some private modes): the dataset stays open until the page reloads. */
export function createNoopStore(): DatasetStore {
  return {
    load: async () => null,
    save: async () => {
      throw new Error('this browser does not allow storing data');
    },
    clear: async () => {},
  };
}

/** A store in memory, for tests: survives a re-render of the app the way IndexedDB survives a reload. */
export function createMemoryStore(
  initial: StoredDataset | null = null,
): DatasetStore & { current: StoredDataset | null } {
  const store = {
    current: initial,
    load: async () => store.current,
    save: async (record: StoredDataset) => {
      store.current = structuredClone(record);
    },
    clear: async () => {
      store.current = null;
    },
  };
  return store;
}
