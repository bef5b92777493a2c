// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkDataset,
  foldForQuoteMatch,
  formatCoverageTable,
  formatProblem,
  MAX_QUOTE_LENGTH,
} from '../../scripts/lib/data-check';
import { ACTOR_IDS, datasetSchema, type Dataset, type Observation } from '../../src/domain/schema';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url).href), '../..');
const bundledPath = join(repoRoot, 'public/data/stances.json');
const bundledText = readFileSync(bundledPath, 'utf8');
const bundled = datasetSchema.parse(JSON.parse(bundledText));

const sourceTexts: Record<string, string> = Object.fromEntries(
  bundled.sources.map((s) => [s.file, readFileSync(join(repoRoot, s.file), 'utf8')]),
);

/** A deep copy of the bundled dataset as plain JSON, with `edit` applied. */
function brokenCopy(edit: (d: Dataset) => void): unknown {
  const copy = JSON.parse(bundledText) as Dataset;
  edit(copy);
  return copy;
}

function obsAt(d: Dataset, index: number): Observation {
  const o = d.observations[index];
  if (!o) throw new Error(`no observation at ${index}`);
  return o;
}

function problemLines(raw: unknown): string[] {
  return checkDataset(raw, sourceTexts).problems.map(formatProblem);
}

const idAt = (index: number) => obsAt(bundled, index).id;

describe('bundled dataset', () => {
  it('passes every check with zero problems', () => {
    const { problems } = checkDataset(JSON.parse(bundledText), sourceTexts);
    expect(problems).toEqual([]);
  });

  it('covers the required actors, sources and kinds', () => {
    const { coverage } = checkDataset(JSON.parse(bundledText), sourceTexts);
    expect(coverage.total).toBeGreaterThanOrEqual(70);
    for (const actor of ACTOR_IDS) {
      expect(coverage.byActor[actor] ?? 0, actor).toBeGreaterThanOrEqual(3);
    }
    expect(Object.keys(coverage.bySource).sort()).toEqual(bundled.sources.map((s) => s.id).sort());
    expect(coverage.byKind.statement).toBeGreaterThan(0);
    expect(coverage.byKind.action).toBeGreaterThan(0);
  });

  it('shows Trump accommodating Moscow in Feb–Mar 2025 and turning hard in Jul–Aug 2025', () => {
    const mean = (months: string[]) => {
      const scores = bundled.observations
        .filter((o) => o.actor === 'trump' && o.datePrecision !== 'year')
        .filter((o) => months.some((m) => o.date.startsWith(m)))
        .map((o) => o.score);
      expect(scores.length).toBeGreaterThan(0);
      return scores.reduce((a, b) => a + b, 0) / scores.length;
    };
    expect(mean(['2025-02', '2025-03'])).toBeLessThan(0);
    expect(mean(['2025-07', '2025-08'])).toBeGreaterThan(0);
  });

  it('keeps statements within ±2 and gives every event reference a defined event', () => {
    const events = new Set(bundled.events.map((e) => e.id));
    for (const o of bundled.observations) {
      if (o.kind === 'statement') expect(Math.abs(o.score), o.id).toBeLessThanOrEqual(2);
      if (o.eventId) expect(events.has(o.eventId), o.id).toBe(true);
    }
  });
});

describe('broken copies are reported by observation id and field', () => {
  it('reports a misquote', () => {
    const id = idAt(4);
    const lines = problemLines(
      brokenCopy((d) => {
        obsAt(d, 4).quote = 'Putin said he would withdraw from all of Ukraine tomorrow.';
      }),
    );
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^observation ${id}: quote: not found verbatim`)),
    ]);
  });

  it('reports an unknown actor', () => {
    const id = idAt(7);
    const lines = problemLines(
      brokenCopy((d) => {
        obsAt(d, 7).actor = 'martians';
      }),
    );
    expect(lines).toEqual([`observation ${id}: actor: unknown actor "martians"`]);
  });

  it('reports an impossible date (2025-02-30)', () => {
    const id = idAt(20);
    const lines = problemLines(
      brokenCopy((d) => {
        const o = obsAt(d, 20);
        o.date = '2025-02-30';
        o.datePrecision = 'day';
      }),
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.startsWith(`observation ${id}: date: `))).toBe(true);
    expect(lines.join('\n')).toMatch(/not a real calendar date/);
  });

  it('reports a score out of range (4)', () => {
    const id = idAt(30);
    const lines = problemLines(
      brokenCopy((d) => {
        obsAt(d, 30).score = 4;
      }),
    );
    expect(lines).toEqual([`observation ${id}: score: must be between -3 and 3`]);
  });

  it('reports a duplicate id', () => {
    const id = idAt(0);
    const lines = problemLines(
      brokenCopy((d) => {
        obsAt(d, 1).id = id;
      }),
    );
    expect(lines).toEqual([`observation ${id}: id: duplicate id "${id}"`]);
  });

  it('reports every fault when one copy has several', () => {
    const lines = problemLines(
      brokenCopy((d) => {
        obsAt(d, 1).id = obsAt(d, 0).id;
        obsAt(d, 4).quote = 'Words nobody wrote.';
        obsAt(d, 7).actor = 'martians';
        obsAt(d, 20).date = '2025-02-30';
        obsAt(d, 20).datePrecision = 'day';
        obsAt(d, 30).score = 4;
        obsAt(d, 40).score = 1.5;
        obsAt(d, 50).quote = 'x'.repeat(MAX_QUOTE_LENGTH + 1);
      }),
    ).join('\n');
    expect(lines).toContain(`observation ${idAt(0)}: id: duplicate id`);
    expect(lines).toContain(`observation ${idAt(4)}: quote: not found verbatim`);
    expect(lines).toContain(`observation ${idAt(7)}: actor: unknown actor "martians"`);
    expect(lines).toContain(`observation ${idAt(20)}: date:`);
    expect(lines).toContain(`observation ${idAt(30)}: score: must be between -3 and 3`);
    expect(lines).toContain(`observation ${idAt(40)}: score: must be an integer`);
    expect(lines).toContain(`observation ${idAt(50)}: quote: is ${MAX_QUOTE_LENGTH + 1} characters`);
  });

  it('reports a source whose file is missing, and unknown sources and events', () => {
    const lines = problemLines(
      brokenCopy((d) => {
        const s = d.sources[0];
        if (s) s.file = 'data/sources/missing.txt';
        obsAt(d, 10).sourceId = 'src-nowhere';
        obsAt(d, 11).eventId = 'evt-nowhere';
      }),
    ).join('\n');
    expect(lines).toContain(
      `source ${bundled.sources[0]?.id}: file: "data/sources/missing.txt" was not found`,
    );
    expect(lines).toContain(`observation ${idAt(10)}: sourceId: unknown source "src-nowhere"`);
    expect(lines).toContain(`observation ${idAt(11)}: eventId: unknown event "evt-nowhere"`);
  });

  it('does not throw on input that is not a dataset at all', () => {
    expect(problemLines(null).length).toBeGreaterThan(0);
    expect(problemLines({ observations: 'nope' }).length).toBeGreaterThan(0);
  });
});

describe('foldForQuoteMatch', () => {
  it('folds curly quotes and whitespace runs', () => {
    expect(foldForQuoteMatch('  “It’s\n  done,”\tshe said ')).toBe(`"It's done," she said`);
  });

  it('lets a quote with straight quotes match a source with curly ones', () => {
    const { problems } = checkDataset(
      brokenCopy((d) => {
        const o = d.observations.find((x) => x.quote.includes('’'));
        if (o) o.quote = o.quote.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
      }),
      sourceTexts,
    );
    expect(problems).toEqual([]);
  });
});

describe('formatCoverageTable', () => {
  it('prints one row per actor, one column per theme, with totals', () => {
    const table = formatCoverageTable(bundled);
    const lines = table.split('\n');
    expect(lines[0]).toContain('sanctions');
    expect(lines[0]).toContain('total');
    for (const a of bundled.actors) expect(table).toMatch(new RegExp(`^${a.id}\\s`, 'm'));
    const last = lines[lines.length - 1] ?? '';
    expect(last.trim().split(/\s+/).pop()).toBe(String(bundled.observations.length));
  });
});

describe('data:check CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'data-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (file?: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/data-check.ts', ...(file ? [file] : [])], {
      cwd: repoRoot,
      encoding: 'utf8',
    });

  it('exits 0 on the bundled dataset and prints the coverage table', () => {
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('actor \\ theme');
    expect(r.stdout).toMatch(/observations: \d+/);
  }, 60_000);

  it('exits non-zero on a broken file and lists each problem', () => {
    const file = join(dir, 'broken.json');
    const broken = brokenCopy((d) => {
      obsAt(d, 4).quote = 'Words nobody wrote.';
      obsAt(d, 30).score = 4;
    });
    writeFileSync(file, JSON.stringify(broken));
    const r = run(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`observation ${idAt(4)}: quote: not found verbatim`);
    expect(r.stderr).toContain(`observation ${idAt(30)}: score: must be between -3 and 3`);
  }, 60_000);
});
