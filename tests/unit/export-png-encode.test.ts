import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng, filterRows } from '../../src/features/export/png-encode';

// Reads a PNG back with Node's zlib and undoes the Up filter: proves the file is well formed and lossless.
async function decode(blob: Blob) {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  expect([...bytes.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const view = new DataView(bytes.buffer);
  const chunks: { type: string; data: Uint8Array }[] = [];
  for (let at = 8; at < bytes.length;) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...bytes.slice(at + 4, at + 8));
    const data = bytes.slice(at + 8, at + 8 + len);
    const crc = view.getUint32(at + 8 + len);
    expect((crc32(data, crc32(bytes.slice(at + 4, at + 8))) ^ 0xffffffff) >>> 0).toBe(crc);
    chunks.push({ type, data });
    at += 12 + len;
  }
  expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const ihdr = new DataView(chunks[0]!.data.buffer);
  const width = ihdr.getUint32(0);
  const height = ihdr.getUint32(4);
  const raw = inflateSync(chunks[1]!.data);
  const stride = width * 3;
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(2);
    for (let i = 0; i < stride; i++) {
      const up = y > 0 ? rgb[(y - 1) * stride + i]! : 0;
      rgb[y * stride + i] = (raw[y * (stride + 1) + 1 + i]! + up) & 0xff;
    }
  }
  return { width, height, rgb };
}

describe('PNG encoder', () => {
  it('writes a valid PNG whose pixels read back exactly (alpha dropped)', async () => {
    const width = 7;
    const height = 5;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++)
      rgba.set([(i * 37) % 256, (i * 91) % 256, (255 - i * 13) % 256, 255], i * 4);
    const { width: w, height: h, rgb } = await decode(await encodePng(rgba, width, height));
    expect([w, h]).toEqual([width, height]);
    for (let i = 0; i < width * height; i++) {
      expect([...rgb.slice(i * 3, i * 3 + 3)]).toEqual([...rgba.slice(i * 4, i * 4 + 3)]);
    }
  });

  it('filters each row against the row above', () => {
    const rgba = new Uint8Array([10, 20, 30, 255, 15, 25, 35, 255]);
    expect([...filterRows(rgba, 1, 2)]).toEqual([2, 10, 20, 30, 2, 5, 5, 5]);
  });

  it('computes the standard CRC-32', () => {
    expect((crc32(new TextEncoder().encode('123456789')) ^ 0xffffffff) >>> 0).toBe(0xcbf43926);
  });
});
