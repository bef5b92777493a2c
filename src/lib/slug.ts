// Ids from free text, shared by the importer and saved views (no schema, so the page can use it cheaply).

/** FNV-1a: a stable 32-bit hash for ids and version stamps. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A schema-valid id from any value: "Donald Trump" → "donald-trump"; non-Latin text gets a hash. */
export function slugify(value: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return slug || `x-${hash32(value).toString(16)}`;
}
