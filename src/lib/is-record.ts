/** A plain object read from JSON or storage (not null, not an array), whose fields are still unknown. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
