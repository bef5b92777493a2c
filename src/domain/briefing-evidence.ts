import type { Observation, Source } from './schema';
import { summarize, type ViewSeries } from './series';
import type { DatasetMeta, PlacedObservation } from './dataset-index';
import type { ViewFilters } from './view-filters';
import { detectViewPivots, type Pivot, type PivotOptions } from './analysis/pivots';
import { summarySentence } from './summary-text';

// What the briefing pack (slide notes, PDF brief) cites as evidence for a view: which observations,
// in which order. Pure, so a unit test can hold every quote against the dataset.

/** One cited observation with what a reader needs to check it: who said it, when, where. */
export interface EvidenceQuote {
  id: string;
  actor: string;
  speaker: string;
  /** As written in the data: YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  score: number;
  /** Verbatim from the dataset; empty when the observation has none (its summary is cited instead). */
  quote: string;
  summary: string;
  sourceId: string | null;
  source: Pick<Source, 'title' | 'outlet' | 'url'> | null;
}

export interface PivotEvidence {
  actor: string;
  date: string;
  before: number;
  after: number;
  delta: number;
  /** The nearest observation before the change and the nearest after it (ones with a quote first). */
  quoteBefore: EvidenceQuote | null;
  quoteAfter: EvidenceQuote | null;
}

export interface ActorEvidence {
  actor: string;
  /** The observation furthest from 0 (the later one on a tie). */
  extreme: EvidenceQuote;
  /** The last observation in the view; null when it is the extreme one. */
  latest: EvidenceQuote | null;
}

export interface BriefingEvidence {
  /** 'pivots' when the view's pivots are drawn and at least one was found; else one entry per actor. */
  mode: 'pivots' | 'actors';
  /** Largest shift first, as the Analysis panel lists them. */
  pivots: PivotEvidence[];
  actors: ActorEvidence[];
  /** The Summary panel's sentence per plotted actor. */
  summaries: Array<{ actor: string; color: string; sentence: string }>;
  /** Sources of the plotted observations (every cited one among them), in the dataset's order. */
  sources: Source[];
}

function cite(dataset: DatasetMeta, names: Map<string, string>, o: Observation): EvidenceQuote {
  const src = o.sourceId ? dataset.sources.find((s) => s.id === o.sourceId) : undefined;
  return {
    id: o.id,
    actor: names.get(o.actor) ?? o.actor,
    speaker: o.speaker,
    date: o.date,
    score: o.score,
    quote: o.quote,
    summary: o.summary,
    sourceId: o.sourceId,
    source: src ? { title: src.title, outlet: src.outlet, url: src.url } : null,
  };
}

const hasQuote = (o: Observation) => o.quote.trim().length > 0;

/** The nearest of `side` (nearest first) that has a quote, else the nearest one. */
function nearest(side: Observation[]): Observation | null {
  return side.find(hasQuote) ?? side[0] ?? null;
}

/** Per actor: the most extreme and the latest observation, preferring ones that carry a quote. */
function actorEvidence(points: PlacedObservation[]): { extreme: Observation; latest: Observation } | null {
  if (points.length === 0) return null;
  const quoted = points.filter((p) => hasQuote(p.obs));
  const pool = quoted.length ? quoted : points;
  let extreme = pool[0]!.obs;
  for (const p of pool) if (Math.abs(p.obs.score) >= Math.abs(extreme.score)) extreme = p.obs;
  return { extreme, latest: pool[pool.length - 1]!.obs };
}

/**
 * The evidence behind a view. `pivots` are the detector settings when the chart draws pivots (the
 * Analysis section open with markers on); null when it does not, and then each actor's most extreme
 * and latest observation are cited instead, as they are when no pivot is found.
 */
export function buildBriefingEvidence(
  dataset: DatasetMeta,
  filters: ViewFilters,
  pivots: Pick<PivotOptions, 'sensitivity' | 'minSegment'> | null,
  /** The query layer's answers for these filters: the view, and its observations per actor when pivots are drawn. */
  answers: { view: ViewSeries; byActor?: Map<string, PlacedObservation[]> },
): BriefingEvidence {
  const { view, byActor } = answers;
  const hidden = new Set(filters.hidden);
  const series = view.series.filter((s) => !hidden.has(s.actor.id));
  const names = new Map(dataset.actors.map((a) => [a.id, a.name]));
  const byId = new Map<string, Observation>();
  if (byActor) for (const list of byActor.values()) for (const p of list) byId.set(p.id, p.obs);

  const found: Pivot[] =
    pivots && byActor ? detectViewPivots(byActor, pivots).filter((p) => !hidden.has(p.actor)) : [];
  const pivotEvidence = found.map((p): PivotEvidence => {
    const ev = p.evidence.map((id) => byId.get(id)).filter((o): o is Observation => o !== undefined);
    const before = nearest(ev.slice(0, p.evidenceSplit).reverse());
    const after = nearest(ev.slice(p.evidenceSplit));
    return {
      actor: names.get(p.actor) ?? p.actor,
      date: p.date,
      before: p.before,
      after: p.after,
      delta: p.delta,
      quoteBefore: before && cite(dataset, names, before),
      quoteAfter: after && cite(dataset, names, after),
    };
  });

  const actors: ActorEvidence[] = [];
  if (pivotEvidence.length === 0) {
    for (const s of series) {
      const picked = actorEvidence(s.points);
      if (!picked) continue;
      actors.push({
        actor: s.actor.name,
        extreme: cite(dataset, names, picked.extreme),
        latest: picked.latest.id === picked.extreme.id ? null : cite(dataset, names, picked.latest),
      });
    }
  }

  const summaries = summarize({ range: view.range, series }).map((s) => ({
    actor: s.actor.name,
    color: s.actor.color,
    sentence: summarySentence(s, dataset.scale),
  }));

  const sourceIds = new Set<string>();
  for (const s of series) for (const p of s.points) if (p.obs.sourceId) sourceIds.add(p.obs.sourceId);
  return {
    mode: pivotEvidence.length ? 'pivots' : 'actors',
    pivots: pivotEvidence,
    actors,
    summaries,
    sources: dataset.sources.filter((s) => sourceIds.has(s.id)),
  };
}

/** Every observation the evidence cites, in reading order (pivots, then actors). */
export function citedQuotes(ev: BriefingEvidence): EvidenceQuote[] {
  const out: EvidenceQuote[] = [];
  for (const p of ev.pivots) {
    if (p.quoteBefore) out.push(p.quoteBefore);
    if (p.quoteAfter) out.push(p.quoteAfter);
  }
  for (const a of ev.actors) {
    out.push(a.extreme);
    if (a.latest) out.push(a.latest);
  }
  return out;
}

/** Cuts text at a word boundary to at most `max` characters, marking the cut with "…". */
export function clipText(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
