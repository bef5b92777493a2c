import { indexDataset, type LoadedDataset } from '../domain/dataset-index';
import type { Dataset } from '../domain/schema';

/**
 * The dataset the user opened from a file, kept so a reload shows it again. Kept as the engine's
 * columns: cloning typed arrays into IndexedDB is a copy of bytes, where a million-field object graph
 * held the page for seconds.
 */
export interface StoredDataset {
  loaded: LoadedDataset;
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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const hasMetaLists = (d: Record<string, unknown>) =>
  d.schemaVersion === 1 && Array.isArray(d.actors) && Array.isArray(d.themes);

/**
 * A kept record as the app reads it, or null for a foreign or damaged shape. A light check: the
 * record was validated when opened. Records from before columns (`dataset`, objects) are indexed here.
 */
function readRecord(v: unknown): StoredDataset | null {
  if (!isObject(v) || typeof v.label !== 'string') return null;
  const savedAt = typeof v.savedAt === 'string' ? v.savedAt : '';
  const { loaded, dataset } = v;
  if (isObject(loaded) && isObject(loaded.meta) && isObject(loaded.columns)) {
    const { meta, columns } = loaded;
    const n = columns.count;
    const sized = (a: unknown) => ArrayBuffer.isView(a) && (a as Int32Array).length === n;
    if (
      !hasMetaLists(meta) ||
      typeof n !== 'number' ||
      !['day', 'actor', 'theme', 'flags', 'score'].every((k) => sized(columns[k]))
    )
      return null;
    return { loaded: loaded as unknown as LoadedDataset, label: v.label, savedAt };
  }
  if (isObject(dataset) && hasMetaLists(dataset) && Array.isArray(dataset.observations)) {
    const index = indexDataset(dataset as unknown as Dataset);
    return { loaded: { meta: index.meta, columns: index.columns }, label: v.label, savedAt };
  }
  return null;
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
        const record = readRecord(value);
        if (record) return record;
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
