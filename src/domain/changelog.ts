import type { ChangelogEntry } from './schema';

/** Compares dotted version strings numerically part by part ("2.10.0" > "2.9.1"); non-numbers compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (c !== 0) return Math.sign(c);
  }
  return 0;
}

/** The changelog entries after `fromVersion` up to and including `toVersion`, newest first. */
export function changelogBetween(
  changelog: ReadonlyArray<ChangelogEntry> | undefined,
  fromVersion: string,
  toVersion: string,
): ChangelogEntry[] {
  return (changelog ?? [])
    .filter((e) => compareVersions(e.version, fromVersion) > 0 && compareVersions(e.version, toVersion) <= 0)
    .sort((a, b) => compareVersions(b.version, a.version));
}
