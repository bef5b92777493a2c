import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeAnalysisDataset } from '../../mocks/fixtures/analysis-dataset';
import { toTime } from '../../src/domain/dates';

// The headless CLI, run as a user runs it (`npm run analyze -- …` is `tsx scripts/analyze.ts …`).
function analyze(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface CliPivot {
  actor: string;
  date: string;
  before: number;
  after: number;
  delta: number;
  evidence: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
const fixtureFile = join(dir, 'fixture.json');
writeFileSync(fixtureFile, JSON.stringify(makeAnalysisDataset()));

describe('npm run analyze', () => {
  it('--pivots prints {actor, date, before, after, delta, evidence} for one actor of a given file', () => {
    const r = analyze('--pivots', '--data', fixtureFile, '--actor', 'hawk');
    expect(r.code).toBe(0);
    const pivots = JSON.parse(r.stdout) as CliPivot[];
    expect(pivots.map((p) => [p.actor, p.date, Math.sign(p.delta)])).toEqual([
      ['hawk', '2025-02-14', -1],
      ['hawk', '2025-07-15', 1],
    ]);
    for (const p of pivots) {
      expect(Object.keys(p).sort()).toEqual(['actor', 'after', 'before', 'date', 'delta', 'evidence']);
      expect(p.delta).toBeCloseTo(p.after - p.before, 1);
      const ids = new Set(makeAnalysisDataset().observations.map((o) => o.id));
      for (const id of p.evidence) expect(ids.has(id)).toBe(true);
    }
  });

  it('--pivots on the bundled data lists Trump’s summer 2025 turn against Moscow; the early-2025 turn needs --sensitivity 5', () => {
    const trumpPivots = (...args: string[]) => {
      const r = analyze('--pivots', '--actor', 'trump', ...args);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as CliPivot[];
    };
    const within = (p: CliPivot, from: string, to: string) => {
      const t = toTime(p.date, p.date.length === 7 ? 'month' : 'day');
      return t >= Date.parse(`${from}T00:00:00Z`) && t <= Date.parse(`${to}T00:00:00Z`);
    };
    // Default settings: the hawkish turn lands between the Hague summit and the 14 July announcement.
    expect(trumpPivots().some((p) => p.delta > 0 && within(p, '2025-06-20', '2025-07-14'))).toBe(true);
    // Since 2.1.0 the January 2025 threats stand between accommodating transition remarks, so they read as a
    // short stretch; only the most sensitive setting cuts at the turn toward Moscow, which the coded record
    // starts on 25 January, before the 12 February call (docs/analysis.md).
    expect(
      trumpPivots('--sensitivity', '5').some((p) => p.delta < 0 && within(p, '2025-01-20', '2025-02-25')),
    ).toBe(true);
  });

  it('--gap, --alignment and --diff print their readings', () => {
    const gap = JSON.parse(analyze('--gap', '--data', fixtureFile, '--actor', 'hawk').stdout) as {
      reading: string;
    }[];
    expect(gap[0]!.reading).toMatch(/^Words more (conciliatory|hawkish) than deeds by \d\.\d points, /);
    const pairs = JSON.parse(analyze('--alignment', '--data', fixtureFile).stdout) as {
      a: string;
      b: string;
      status: string;
    }[];
    expect(pairs.find((p) => p.a === 'hawk' && p.b === 'echo')?.status).toBe('ok');
    const older = join(dir, 'older.json');
    const base = makeAnalysisDataset();
    writeFileSync(
      older,
      JSON.stringify({ ...base, version: '1.0.0', observations: base.observations.slice(1) }),
    );
    const diff = JSON.parse(analyze('--diff', older, '--data', fixtureFile).stdout) as {
      added: { id: string }[];
    };
    expect(diff.added.map((a) => a.id)).toEqual([base.observations[0]!.id]);
  });

  it('explains bad input and exits non-zero', () => {
    const unknown = analyze('--pivots', '--data', fixtureFile, '--actor', 'nobody');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown actor "nobody"');
    expect(analyze('--data', fixtureFile).stderr).toContain('--pivots');
    const missing = analyze('--pivots', '--data', join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
  });
});
