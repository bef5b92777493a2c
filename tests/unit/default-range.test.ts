import { describe, expect, it } from 'vitest';
import { defaultRangeOf, lastDataDay, monthsBefore } from '../../src/domain/default-range';
import { changelogBetween, compareVersions } from '../../src/domain/changelog';

const obs = (...dates: string[]) => dates.map((date) => ({ date }));

describe('default range', () => {
  it('counts the last N months back from the latest observation, open-ended', () => {
    const observations = obs('2017', '2025-02-28', '2026-05-16', '2026-04');
    expect(defaultRangeOf({ observations, defaultView: { lastMonths: 18 } })).toEqual({
      from: '2024-11-16',
      to: null,
    });
  });

  it('moves with the data: a later observation moves the start', () => {
    const before = defaultRangeOf({ observations: obs('2026-05-16'), defaultView: { lastMonths: 18 } });
    const after = defaultRangeOf({
      observations: obs('2026-05-16', '2026-09-02'),
      defaultView: { lastMonths: 18 },
    });
    expect(before.from).toBe('2024-11-16');
    expect(after.from).toBe('2025-03-02');
  });

  it('keeps fixed from/to for datasets that give them, and everything when there is no default view', () => {
    expect(
      defaultRangeOf({ observations: obs('2025-01-01'), defaultView: { from: '2025-07-01', to: null } }),
    ).toEqual({
      from: '2025-07-01',
      to: null,
    });
    expect(defaultRangeOf({ observations: obs('2025-01-01') })).toEqual({ from: null, to: null });
  });

  it('reads a month or a year as its first day, and clamps to the end of shorter months', () => {
    expect(lastDataDay(obs('2025', '2025-03'))).toBe('2025-03-01');
    expect(lastDataDay([])).toBeNull();
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-08-31', 6)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
  });
});

describe('changelog', () => {
  const changelog = [
    { version: '1.0.0', date: '2026-11-25', added: ['first'], corrected: [] },
    { version: '2.0.0', date: '2026-11-30', added: ['many'], corrected: ['fixed'] },
    { version: '2.10.0', date: '2027-01', added: ['later'], corrected: [] },
  ];

  it('compares versions part by part as numbers', () => {
    expect(compareVersions('2.10.0', '2.9.1')).toBe(1);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0', '2.0.0')).toBe(-1);
  });

  it('lists the entries after the saved version up to the open one, newest first', () => {
    expect(changelogBetween(changelog, '1.0.0', '2.10.0').map((e) => e.version)).toEqual(['2.10.0', '2.0.0']);
    expect(changelogBetween(changelog, '1.0.0', '2.0.0').map((e) => e.version)).toEqual(['2.0.0']);
    expect(changelogBetween(changelog, '2.0.0', '2.0.0')).toEqual([]);
    expect(changelogBetween(undefined, '1.0.0', '2.0.0')).toEqual([]);
  });
});
