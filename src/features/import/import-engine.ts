import { CsvStreamReader } from '../../lib/csv-read';
import {
  SNIFF_BYTES,
  describeEncoding,
  sniffEncoding,
  type SniffedEncoding,
  type TextEncoding,
} from '../../lib/text-encoding';
import type { Problem } from '../../domain/validate';
import { toCsvInput, type CsvRecords } from './csv-guess';
import { mapCsv, type CsvMapping } from './csv-mapping';
import { buildCsvPreview, type CsvPreview } from './csv-preview';
import { importJson } from './import-json';
import { fatalResult, type ImportResult } from './import-types';

// The work behind "Open dataset", free of React and of the worker, so the worker and the in-thread
// fallback run the same code: read a file in chunks (with progress), parse it, map a CSV.

/** Bigger files are refused before reading, with a message, rather than freezing or crashing the tab. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface ReadProgress {
  loaded: number;
  total: number;
}

export type ReadOutcome =
  | { kind: 'json'; name: string; result: ImportResult }
  | { kind: 'csv'; preview: CsvPreview }
  | { kind: 'error'; name: string; message: string };

export type FileKind = 'json' | 'csv';

/** By extension first; otherwise JSON when the text starts with { or [. */
export function detectKind(name: string, start: string): FileKind {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  return /^\uFEFF?\s*[{[]/.test(start) ? 'json' : 'csv';
}

/** The readable part of a Blob: a File in the browser, or anything with the same methods. */
export interface ReadableFile {
  name: string;
  size: number;
  stream?: () => ReadableStream<Uint8Array>;
  arrayBuffer: () => Promise<ArrayBuffer>;
}

const CHUNK = 1024 * 1024;

class NotUtf8Error extends Error {}

async function* byteChunks(file: ReadableFile): AsyncGenerator<Uint8Array> {
  if (typeof file.stream === 'function') {
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  }
  // jsdom's File has no stream(); read it whole and hand it on in slices so progress still moves.
  const all = new Uint8Array(await file.arrayBuffer());
  for (let i = 0; i < all.length; i += CHUNK) yield all.subarray(i, i + CHUNK);
}

/**
 * Decodes the file chunk by chunk: UTF-16 or UTF-8 as the first bytes tell (sniffEncoding), or the
 * encoding given (the Windows-1252 fallback for text that turned out not to be UTF-8).
 */
async function readText(
  file: ReadableFile,
  onText: (text: string) => void,
  onProgress: (p: ReadProgress) => void,
  fallback?: 'windows-1252',
): Promise<{ encoding: TextEncoding; by: SniffedEncoding['by'] }> {
  let decoder: TextDecoder | null = null;
  let used: { encoding: TextEncoding; by: SniffedEncoding['by'] } = { encoding: 'utf-8', by: 'default' };
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  const decode = (bytes: Uint8Array, stream: boolean) => {
    let text: string;
    try {
      text = decoder!.decode(bytes, { stream });
    } catch {
      throw new NotUtf8Error();
    }
    if (text) onText(text);
  };
  // The encoding is told from the first bytes, so they are held until there are enough to look at.
  const start = () => {
    const head = new Uint8Array(heldBytes);
    let at = 0;
    for (const h of held) {
      head.set(h, at);
      at += h.byteLength;
    }
    used = fallback ? { encoding: fallback, by: 'default' } : sniffEncoding(head);
    decoder = new TextDecoder(used.encoding, { fatal: used.encoding === 'utf-8' });
    decode(head, true);
  };
  let loaded = 0;
  let lastReport = 0;
  for await (const chunk of byteChunks(file)) {
    loaded += chunk.byteLength;
    if (decoder) decode(chunk, true);
    else {
      held.push(chunk);
      heldBytes += chunk.byteLength;
      if (heldBytes >= SNIFF_BYTES) start();
    }
    const now = Date.now();
    if (now - lastReport > 50) {
      lastReport = now;
      onProgress({ loaded, total: file.size });
    }
  }
  if (!decoder) start();
  decode(new Uint8Array(0), false);
  onProgress({ loaded: file.size, total: file.size });
  return used;
}

interface CsvTableState {
  name: string;
  records: CsvRecords;
  maxFields: number;
  problems: Problem[];
}

/** One import at a time: read a file, then (for CSV) map it as often as the user changes the mapping. */
export class ImportEngine {
  private table: CsvTableState | null = null;

  async read(file: ReadableFile, onProgress: (p: ReadProgress) => void = () => {}): Promise<ReadOutcome> {
    this.table = null;
    const name = file.name || 'dataset';
    if (file.size > MAX_FILE_BYTES) {
      return {
        kind: 'error',
        name,
        message: `${name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; files up to ${MAX_FILE_BYTES / 1024 / 1024} MB can be opened.`,
      };
    }
    if (file.size === 0) return { kind: 'error', name, message: `${name} is empty (0 bytes).` };
    try {
      return await this.readAs(file, name, onProgress);
    } catch (err) {
      if (err instanceof NotUtf8Error) {
        const outcome = await this.readAs(file, name, onProgress, 'windows-1252');
        const note = `${name} is not UTF-8 text; it was read as Windows-1252. Check accented letters.`;
        if (outcome.kind === 'csv') outcome.preview.notices.push(note);
        if (outcome.kind === 'json') outcome.result.notices.push(note);
        return outcome;
      }
      const reason = err instanceof Error ? err.message : String(err);
      return { kind: 'error', name, message: `${name} could not be read (${reason}).` };
    }
  }

  private async readAs(
    file: ReadableFile,
    name: string,
    onProgress: (p: ReadProgress) => void,
    fallback?: 'windows-1252',
  ): Promise<ReadOutcome> {
    let kind: FileKind | null = null;
    const parts: string[] = [];
    let csv: CsvStreamReader | null = null;
    const rows: string[][] = [];
    const lines: number[] = [];
    const used = await readText(
      file,
      (text) => {
        if (kind === null) kind = detectKind(name, text.slice(0, 64));
        if (kind === 'json') {
          parts.push(text);
          return;
        }
        csv ??= new CsvStreamReader({ unguardFormulas: true });
        const out = csv.push(text);
        for (let i = 0; i < out.rows.length; i++) {
          rows.push(out.rows[i]!);
          lines.push(out.lines[i]!);
        }
      },
      onProgress,
      fallback,
    );
    if (kind === 'json') return { kind: 'json', name, result: importJson(parts.join('')) };
    const reader: CsvStreamReader = csv ?? new CsvStreamReader({ unguardFormulas: true });
    const rest = reader.finish();
    rows.push(...rest.rows);
    lines.push(...rest.lines);
    if (rows.length === 0 || rows.every((r) => r.every((c) => c.trim() === ''))) {
      return { kind: 'error', name, message: `${name} holds no values, only empty fields or lines.` };
    }
    const problems: Problem[] = reader.problems.map((p) => ({ path: `line ${p.line}`, message: p.message }));
    const records = { rows, lines };
    const preview = buildCsvPreview({
      name,
      encoding: describeEncoding(used.encoding, used.by),
      delimiter: reader.delimiter,
      records,
      problems,
    });
    this.table = { name, records, maxFields: preview.maxFields, problems };
    return { kind: 'csv', preview };
  }

  /** Applies a mapping to the CSV read last. */
  map(mapping: CsvMapping, today?: string): ImportResult {
    if (!this.table) return fatalResult('No CSV file is open to map; open the file again.');
    const { records, maxFields, name } = this.table;
    const result = mapCsv(toCsvInput(records, mapping.firstRowIsData, maxFields), mapping, { name, today });
    return { ...result, problems: [...this.table.problems, ...result.problems] };
  }
}
