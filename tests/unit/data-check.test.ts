// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BUNDLED_TARGETS,
  checkDataset,
  densestEventWindow,
  evaluateTargets,
  foldForQuoteMatch,
  formatCoverageTable,
  formatProblem,
  formatTargets,
  MAX_QUOTE_LENGTH,
  MAX_WEB_QUOTE_WORDS,
} from '../../scripts/lib/data-check';
import { ACTOR_IDS, datasetSchema, type Dataset, type Observation } from '../../src/domain/schema';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url).href), '../..');
const bundledPath = join(repoRoot, 'public/data/stances.json');
const bundledText = readFileSync(bundledPath, 'utf8');
const bundled = datasetSchema.parse(JSON.parse(bundledText));

const sourceTexts: Record<string, string> = Object.fromEntries(
  bundled.sources.flatMap((s) => (s.file ? [[s.file, readFileSync(join(repoRoot, s.file), 'utf8')]] : [])),
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

function targetProblemLines(raw: unknown): string[] {
  return checkDataset(raw, sourceTexts, BUNDLED_TARGETS).problems.map(formatProblem);
}

/** Index of the first observation whose source is a web report (no bundled file). */
function webIndex(d: Dataset, from = 0): number {
  const web = new Set(d.sources.filter((s) => s.file === undefined).map((s) => s.id));
  const i = d.observations.findIndex((o, k) => k >= from && o.sourceId !== null && web.has(o.sourceId));
  if (i < 0) throw new Error('no web-sourced observation');
  return i;
}

const idAt = (index: number) => obsAt(bundled, index).id;

describe('bundled dataset', () => {
  it('passes every check, coverage targets included, with zero problems', () => {
    const { problems, targets } = checkDataset(JSON.parse(bundledText), sourceTexts, BUNDLED_TARGETS);
    expect(problems).toEqual([]);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.every((t) => t.ok)).toBe(true);
  });

  it('covers the required actors, sources and kinds', () => {
    const { coverage } = checkDataset(JSON.parse(bundledText), sourceTexts);
    expect(coverage.total).toBeGreaterThanOrEqual(400);
    for (const actor of ACTOR_IDS) {
      expect(coverage.byActor[actor] ?? 0, actor).toBeGreaterThanOrEqual(25);
    }
    // Every source is cited: by an observation, or (a few reports) only by a key event.
    const cited = new Set([...Object.keys(coverage.bySource), ...bundled.events.map((e) => e.sourceId)]);
    expect([...cited].sort()).toEqual(bundled.sources.map((s) => s.id).sort());
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

  it('reports a web source without URL, outlet or publication date', () => {
    const copy = brokenCopy((d) => {
      const s = d.sources.find((x) => x.file === undefined);
      if (!s) throw new Error('no web source');
      s.url = null;
      s.outlet = '';
      s.published = null;
    });
    const id = (copy as Dataset).sources.find((x) => x.file === undefined)?.id;
    const lines = problemLines(copy);
    expect(lines).toEqual([
      `source ${id}: url: a web source needs the URL of the report`,
      `source ${id}: outlet: a web source needs the outlet that published it`,
      `source ${id}: published: a web source needs its publication date (YYYY-MM-DD, or YYYY-MM when the day is not shown)`,
    ]);
  });

  it('reports a web quote longer than 40 words', () => {
    const i = webIndex(bundled);
    const long = Array.from({ length: MAX_WEB_QUOTE_WORDS + 1 }, (_, k) => `word${k}`).join(' ');
    const lines = problemLines(
      brokenCopy((d) => {
        obsAt(d, i).quote = long;
      }),
    );
    expect(lines).toEqual([
      `observation ${idAt(i)}: quote: is ${MAX_WEB_QUOTE_WORDS + 1} words; a quote from a web source may have at most ${MAX_WEB_QUOTE_WORDS} (the speaker's words only)`,
    ]);
  });

  it('reports two observations with the same actor, date and quote', () => {
    const i = webIndex(bundled);
    const j = webIndex(bundled, i + 1);
    const lines = problemLines(
      brokenCopy((d) => {
        const a = obsAt(d, i);
        const b = obsAt(d, j);
        Object.assign(b, { actor: a.actor, date: a.date, datePrecision: a.datePrecision, quote: a.quote });
      }),
    );
    expect(lines).toEqual([
      `observation ${idAt(j)}: quote: repeats observation ${idAt(i)} (same actor, date and quote): code one statement or act once`,
    ]);
  });

  it('reports high confidence on a date that was looked up', () => {
    const i = bundled.observations.findIndex((o) => o.confidence !== 'high');
    const lines = problemLines(
      brokenCopy((d) => {
        const o = obsAt(d, i);
        o.confidence = 'high';
        o.dateNote = 'Date looked up: another report gives the day.';
      }),
    );
    expect(lines).toEqual([
      `observation ${idAt(i)}: confidence: cannot be "high" when the dateNote says the date was looked up in another report (codebook §5: medium)`,
    ]);
  });

  it('reports each coverage target the data misses', () => {
    const lines = targetProblemLines(
      brokenCopy((d) => {
        // China loses its actions; Trump loses April 2026 and 2019; events drop to 39.
        d.observations = d.observations.filter(
          (o) =>
            !(o.actor === 'china' && o.kind === 'action') &&
            !(o.actor === 'trump' && (o.date.startsWith('2026-04') || o.date.startsWith('2019'))),
        );
        d.events = d.events.slice(0, BUNDLED_TARGETS.minEvents - 1);
      }),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^coverage: china: needs ≥ 25, both kinds, has \d+ \(\d+ statements, 0 actions\)$/,
      ),
    );
    expect(lines).toContain('coverage: trump 2026-04: needs ≥ 1 day-dated, has 0');
    expect(lines).toContain('coverage: trump 2019: needs ≥ 2 day-dated, has 0');
    expect(lines).toContain(`coverage: events: needs ≥ 40, has ${BUNDLED_TARGETS.minEvents - 1}`);
    expect(lines.every((l) => l.startsWith('coverage: ') || l.includes('eventId: unknown event'))).toBe(true);
  });

  it('reports too few observations and an actor below its minimum', () => {
    const lines = targetProblemLines(
      brokenCopy((d) => {
        let nato = 0;
        d.observations = d.observations.filter((o) => o.actor !== 'nato' || nato++ < 24);
        const keep = new Set(d.observations.slice(0, 399).map((o) => o.id));
        d.observations = d.observations.filter((o) => keep.has(o.id));
      }),
    );
    expect(lines).toContain('coverage: observations: needs ≥ 400, has 399');
    expect(lines).toContainEqual(
      expect.stringMatching(/^coverage: nato: needs ≥ 25, both kinds, has 2[0-4] /),
    );
  });

  it('reports more key events in an 18-month window than the event lane can show', () => {
    const densest = densestEventWindow(bundled.events, BUNDLED_TARGETS.eventWindowMonths)!;
    const inside = bundled.events.find((e) => e.date === densest.to)!;
    const extra = BUNDLED_TARGETS.maxEventsPerWindow + 1 - densest.count;
    const lines = targetProblemLines(
      brokenCopy((d) => {
        // Copies of an event inside the densest window, under new ids: one more than the lane allows.
        for (let i = 0; i < extra; i++) d.events.push({ ...inside, id: `evt-extra-${i}` });
      }),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^coverage: events in any 18 months: needs ≤ 25, has ${BUNDLED_TARGETS.maxEventsPerWindow + 1} \\(\\d{4}-\\d{2}-\\d{2} to ${densest.to}\\)$`,
        ),
      ),
    );
    expect(lines.every((l) => l.startsWith('coverage: events in any 18 months'))).toBe(true);
  });

  it('finds the densest window of key events, both ends inclusive, partial dates from their first day', () => {
    const at = (...dates: string[]) => dates.map((date) => ({ date }));
    expect(densestEventWindow([], 18)).toBeNull();
    // Exactly 18 months apart: one view shows both.
    expect(densestEventWindow(at('2024-01-01', '2025-07-01'), 18)).toEqual({
      count: 2,
      from: '2024-01-01',
      to: '2025-07-01',
    });
    expect(densestEventWindow(at('2024-01-01', '2025-07-02'), 18)?.count).toBe(1);
    // Out of order, with a month and a year: 2025-07 counts from 1 July, 2024 from 1 January.
    expect(densestEventWindow(at('2026-01-10', '2024', '2025-07', '2025-07-02', '2019-05-05'), 18)).toEqual({
      count: 3,
      from: '2024-07-10',
      to: '2026-01-10',
    });
  });

  it('prints the targets as a table with an ok column', () => {
    const rows = evaluateTargets(bundled, BUNDLED_TARGETS);
    const table = formatTargets(rows);
    expect(table.split('\n')[0]).toMatch(/^target\s+required\s+actual/);
    expect(table).toMatch(/^trump 2025-01\s+≥ 1 day-dated\s+\d+\s+ok$/m);
    expect(rows.map((r) => r.target)).toContain('events');
    expect(table).toMatch(
      /^events in any 18 months\s+≤ 25\s+\d+ \(\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\)\s+ok$/m,
    );
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
    expect(r.stdout).toContain('Coverage targets:');
    expect(r.stdout).toMatch(/^trump 2026-05\s+≥ 1 day-dated\s+\d+\s+ok$/m);
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
