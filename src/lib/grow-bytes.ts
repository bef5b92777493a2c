/**
 * `bytes` with room for `extra` more after the first `used`: the same array when they fit, else a copy
 * at least twice as large (so appending n bytes one by one costs O(n) in all).
 */
export function growBytes(bytes: Uint8Array, used: number, extra: number): Uint8Array {
  if (used + extra <= bytes.length) return bytes;
  let size = Math.max(1, bytes.length) * 2;
  while (size < used + extra) size *= 2;
  const next = new Uint8Array(size);
  next.set(bytes.subarray(0, used));
  return next;
}
