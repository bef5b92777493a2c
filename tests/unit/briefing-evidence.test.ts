import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/data/fetch-dataset';
import type { Dataset, Observation } from '../../src/domain/schema';
import { DEFAULT_FILTERS, type ViewFilters } from '../../src/domain/view-filters';
import { buildBriefingEvidence, citedQuotes, clipText } from '../../src/domain/briefing-evidence';
import { byActorOf, viewOf } from './view-of';
import { buildViewSeries } from '../../src/domain/series';
import { indexDataset } from '../../src/domain/dataset-index';
import { toSeriesQuery } from '../../src/domain/series-query';
import { detectViewPivots } from '../../src/domain/analysis/pivots';
import { briefContent, slideNotes, BRIEF_QUOTE_CHARS } from '../../src/features/export/briefing-text';
import { paperForLocale } from '../../src/lib/paper-size';

const answersOf = (d: Dataset, f: ViewFilters) => ({ view: viewOf(d, f), byActor: byActorOf(d, f) });

const raw: unknown = JSON.parse(readFileSync('public/data/stances.json', 'utf8'));
const dataset: Dataset = parseDataset(raw, 'bundled');
// The dataset as written on disk, untouched by parsing: the quotes are compared against this.
const onDisk = new Map(
  (raw as { observations: Array<{ id: string; quote: string; speaker: string }> }).observations.map((o) => [
    o.id,
    o,
  ]),
);

// A fixed view: Trump and Russia, 2024-07 to 2025-12, 30-day line.
const filters: ViewFilters = {
  ...DEFAULT_FILTERS,
  actors: ['trump', 'russia'],
  from: '2024-07-01',
  to: '2025-12-31',
  rangeIsDefault: false,
};
const settings = { sensitivity: 3 as const, minSegment: 1 };

/** Ids of the observations the view plots (after the legend's hidden actors are left out). */
function viewIds(f: ViewFilters): Set<string> {
  const view = buildViewSeries(indexDataset(dataset), toSeriesQuery(f, dataset));
  return new Set(
    view.series.filter((s) => !f.hidden.includes(s.actor.id)).flatMap((s) => s.points.map((p) => p.obs.id)),
  );
}

const obsById = new Map(dataset.observations.map((o) => [o.id, o]));

describe('buildBriefingEvidence with pivots drawn', () => {
  const ev = buildBriefingEvidence(dataset, filters, settings, answersOf(dataset, filters));
  const pivots = detectViewPivots(byActorOf(dataset, filters), settings);

  it('cites the view’s pivots, largest first, with the nearest quote before and after each', () => {
    expect(pivots.length).toBeGreaterThan(0);
    expect(ev.mode).toBe('pivots');
    expect(ev.pivots.map((p) => [p.date, p.delta])).toEqual(pivots.map((p) => [p.date, p.delta]));
    for (const [i, p] of pivots.entries()) {
      const e = ev.pivots[i]!;
      // Every observation in the bundled dataset has a quote, so the nearest ones are cited.
      expect(e.quoteBefore?.id).toBe(p.evidence[p.evidenceSplit - 1]);
      expect(e.quoteAfter?.id).toBe(p.evidence[p.evidenceSplit]);
      const before = obsById.get(e.quoteBefore!.id)!;
      const after = obsById.get(e.quoteAfter!.id)!;
      // Before is on or before the pivot's date, after is the observation the pivot is dated by.
      expect(before.date <= p.date).toBe(true);
      expect(after.date).toBe(p.date);
    }
    expect(Math.abs(ev.pivots[0]!.delta)).toBeGreaterThanOrEqual(Math.abs(ev.pivots.at(-1)!.delta));
    expect(ev.actors).toEqual([]);
  });

  it('cites only observations of the view, each quote and speaker verbatim from the file', () => {
    const ids = viewIds(filters);
    const quotes = citedQuotes(ev);
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    for (const q of quotes) {
      expect(ids.has(q.id), q.id).toBe(true);
      expect(q.quote).toBe(onDisk.get(q.id)!.quote);
      expect(q.speaker).toBe(onDisk.get(q.id)!.speaker);
    }
  });

  it('puts every cited quote, whole, with its speaker and date in the slide notes', () => {
    const notes = slideNotes(ev, dataset, '2026-11-30');
    for (const q of citedQuotes(ev)) {
      expect(notes).toContain(`“${onDisk.get(q.id)!.quote.trim()}”`);
      expect(notes).toContain(`${q.speaker}, ${q.date}`);
    }
    // Every quote-looking span in the notes is one of the view's observations' quotes.
    const quoted = [...notes.matchAll(/“([^”]*)”/g)].map((m) => m[1]!);
    const viewQuotes = new Set([...viewIds(filters)].map((id) => onDisk.get(id)!.quote.trim()));
    for (const text of quoted) expect(viewQuotes.has(text), text).toBe(true);
    expect(notes).toContain(`${dataset.title} v${dataset.version}`);
  });

  it('prints each quote in the brief verbatim, or a verbatim start cut at a word with "…"', () => {
    const content = briefContent(ev, dataset, '2026-11-30');
    const quotes = content.items.flatMap((i) => i.quotes);
    expect(quotes.length).toBe(citedQuotes(ev).length);
    const viewQuotes = [...viewIds(filters)].map((id) => onDisk.get(id)!.quote.trim());
    for (const q of quotes) {
      const body = q.text.slice(1, -1);
      if (body.endsWith('…')) {
        const start = body.slice(0, -1);
        expect(start.length).toBeLessThanOrEqual(BRIEF_QUOTE_CHARS);
        expect(viewQuotes.some((v) => v.startsWith(start) && v.length > start.length)).toBe(true);
      } else {
        expect(viewQuotes).toContain(body);
      }
    }
    // The sources of the cited quotes lead the list (it is cut to fit the page), then the rest.
    const citedSources = new Set(citedQuotes(ev).map((q) => q.sourceId));
    const lead = content.sources.slice(0, citedSources.size).map((s) => s.text);
    const expected = dataset.sources.filter((s) => citedSources.has(s.id));
    expect(new Set(lead)).toEqual(
      new Set(
        expected.map((s) => (s.outlet ? `${s.title} (${s.outlet})` : s.title) + (s.url ? `, ${s.url}` : '')),
      ),
    );
    expect(content.sources).toHaveLength(ev.sources.length);
    expect(content.colophon).toContain(`${dataset.title}, version ${dataset.version}`);
    expect(content.colophon).toContain('2026-11-30');
  });

  it('leaves out the pivots of actors hidden via the legend', () => {
    const hidden = { ...filters, hidden: ['russia'] };
    const e = buildBriefingEvidence(dataset, hidden, settings, answersOf(dataset, hidden));
    expect(e.pivots.every((p) => p.actor !== 'Russia')).toBe(true);
    for (const q of citedQuotes(e)) expect(obsById.get(q.id)!.actor).toBe('trump');
  });
});

describe('buildBriefingEvidence without pivots', () => {
  const ev = buildBriefingEvidence(dataset, filters, null, answersOf(dataset, filters));

  it('cites, per plotted actor, the most extreme observation (the latest on a tie) and the latest one', () => {
    expect(ev.mode).toBe('actors');
    expect(ev.pivots).toEqual([]);
    const view = buildViewSeries(indexDataset(dataset), toSeriesQuery(filters, dataset));
    expect(view.series).toHaveLength(2);
    expect(ev.actors.map((a) => a.actor)).toEqual(view.series.map((s) => s.actor.name));
    for (const s of view.series) {
      const a = ev.actors.find((x) => x.actor === s.actor.name)!;
      const obs: Observation[] = s.points.map((p) => p.obs);
      const top = Math.max(...obs.map((o) => Math.abs(o.score)));
      const lastTop = obs.filter((o) => Math.abs(o.score) === top).at(-1)!;
      expect(a.extreme.id).toBe(lastTop.id);
      const latest = obs.at(-1)!;
      expect(a.latest?.id ?? a.extreme.id).toBe(latest.id);
    }
  });

  it('cites only the view’s observations, quotes verbatim, in the notes and the brief', () => {
    const ids = viewIds(filters);
    const notes = slideNotes(ev, dataset, '2026-11-30');
    for (const q of citedQuotes(ev)) {
      expect(ids.has(q.id)).toBe(true);
      expect(q.quote).toBe(onDisk.get(q.id)!.quote);
      expect(notes).toContain(`“${q.quote.trim()}”`);
    }
  });

  it('says so when nothing matches', () => {
    const none = { ...filters, from: '1990-01-01', to: '1990-02-01' };
    const empty = buildBriefingEvidence(dataset, none, settings, answersOf(dataset, none));
    expect(citedQuotes(empty)).toEqual([]);
    expect(slideNotes(empty, dataset, '2026-11-30')).toContain('No observations match the current filters.');
  });
});

describe('clipText', () => {
  it('keeps short text and cuts long text at a word, marking the cut', () => {
    expect(clipText('  short  ', 20)).toBe('short');
    const cut = clipText('one two three four five six seven', 20);
    expect(cut).toBe('one two three four…');
    expect(cut.length).toBeLessThanOrEqual(20);
  });
});

describe('paperForLocale', () => {
  it('gives Letter to the regions that use it and A4 to the rest', () => {
    expect(paperForLocale('en-US')).toBe('letter');
    expect(paperForLocale('en-CA')).toBe('letter');
    expect(paperForLocale('fr-CA')).toBe('letter');
    expect(paperForLocale('es-MX')).toBe('letter');
    expect(paperForLocale('en-GB')).toBe('a4');
    expect(paperForLocale('de-DE')).toBe('a4');
    expect(paperForLocale('zh-Hant-TW')).toBe('a4');
    expect(paperForLocale('en')).toBe('a4');
    expect(paperForLocale(undefined)).toBe('a4');
  });
});
