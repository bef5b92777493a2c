import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportEngine, type ReadableFile } from '../../src/features/import/import-engine';
import { sniffEncoding } from '../../src/lib/text-encoding';
import { previewLayout } from '../../src/features/import/csv-preview';

// Excel's "Unicode text" export: UTF-16 little-endian with a byte-order mark, tab-separated, CRLF.
const FIXTURE = readFileSync('tests/fixtures/excel-unicode-text.txt');
// Decoding drops the byte-order mark; the cases below add it back where they need one.
const TEXT = new TextDecoder('utf-16le').decode(FIXTURE);
const BOM = '\uFEFF';

function utf16be(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) >> 8;
    out[2 * i + 1] = text.charCodeAt(i) & 0xff;
  }
  return out;
}

/** A file whose stream hands out tiny chunks, so code units and the BOM are split across chunks. */
function chunkedFile(name: string, bytes: Uint8Array, size = 3): ReadableFile {
  return {
    name,
    size: bytes.byteLength,
    arrayBuffer: async () => bytes.slice().buffer,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
          controller.close();
        },
      }),
  };
}

async function preview(file: ReadableFile) {
  const outcome = await new ImportEngine().read(file);
  if (outcome.kind !== 'csv') throw new Error(`expected a CSV, got ${JSON.stringify(outcome)}`);
  const p = outcome.preview;
  return { ...p, ...previewLayout(p, p.guess.firstRowIsData) };
}

describe('sniffEncoding', () => {
  it('goes by the byte-order mark', () => {
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8', by: 'bom' });
    expect(sniffEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toEqual({ encoding: 'utf-16le', by: 'bom' });
    expect(sniffEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toEqual({ encoding: 'utf-16be', by: 'bom' });
  });

  it('tells UTF-16 without a byte-order mark by its zero bytes, and leaves UTF-8 alone', () => {
    const le = FIXTURE.subarray(2);
    expect(sniffEncoding(le)).toEqual({ encoding: 'utf-16le', by: 'nul-pattern' });
    expect(sniffEncoding(utf16be(TEXT))).toEqual({ encoding: 'utf-16be', by: 'nul-pattern' });
    expect(sniffEncoding(new TextEncoder().encode(TEXT))).toEqual({
      encoding: 'utf-8',
      by: 'default',
    });
    expect(sniffEncoding(new Uint8Array([0x61]))).toEqual({ encoding: 'utf-8', by: 'default' });
  });
});

describe('reading UTF-16 and UTF-8 files', () => {
  const header = ['Date', 'Actor', 'Score', 'Theme', 'Kind', 'Speaker', 'Quote'];

  it('opens Excel\'s "Unicode text" (UTF-16 LE with a BOM) whole, Cyrillic and curly quotes intact', async () => {
    const p = await preview(chunkedFile('excel-unicode-text.txt', FIXTURE));
    expect(p.encoding).toBe('UTF-16 (little-endian), from its byte-order mark');
    expect(p.delimiter).toBe('\t');
    expect(p.header).toEqual(header);
    expect(p.rowCount).toBe(5);
    expect(p.rows.map((r) => r[5])).toContain('Володимир Зеленський');
    expect(p.rows.map((r) => r[6])).toContain('"Идея сама по себе правильная", but with conditions');
  });

  it.each([
    ['UTF-16 BE with a BOM', utf16be(BOM + TEXT), 'UTF-16 (big-endian), from its byte-order mark'],
    [
      'UTF-16 LE without a BOM',
      FIXTURE.subarray(2),
      'UTF-16 (little-endian) without a byte-order mark, told by its zero bytes',
    ],
    [
      'UTF-16 BE without a BOM',
      utf16be(TEXT),
      'UTF-16 (big-endian) without a byte-order mark, told by its zero bytes',
    ],
    ['UTF-8 with a BOM', new TextEncoder().encode(BOM + TEXT), 'UTF-8, from its byte-order mark'],
    ['UTF-8 without a BOM', new TextEncoder().encode(TEXT), 'UTF-8'],
  ])('reads the same table from %s', async (_, bytes, encoding) => {
    for (const size of [1, 3, 1 << 20]) {
      const p = await preview(chunkedFile('unicode.txt', new Uint8Array(bytes), size));
      expect(p.encoding).toBe(encoding);
      expect(p.header).toEqual(header);
      expect(p.rows[1]?.[5]).toBe('Володимир Зеленський');
    }
  });
});
