import type { Dataset, Source } from '../../domain/schema';
import { formatScore } from '../../domain/format-score';
import {
  citedQuotes,
  clipText,
  type BriefingEvidence,
  type EvidenceQuote,
} from '../../domain/briefing-evidence';

// The briefing pack's words: the slide's speaker notes and the lines of the PDF brief, from the
// evidence the domain selected. Pure, so the unit test reads exactly what the files carry.

/** "Title (Outlet), https://…" — a source as one reference; the URL when the dataset has one. */
export function sourceReference(s: Pick<Source, 'title' | 'outlet' | 'url'>): string {
  const name = s.outlet ? `${s.title} (${s.outlet})` : s.title;
  return s.url ? `${name}, ${s.url}` : name;
}

/** "Speaker, 2024-03-02 (score +2)": who said it and when. */
export function quoteByline(q: EvidenceQuote): string {
  const who = q.speaker.trim() || q.actor;
  return `${who}, ${q.date} (score ${formatScore(q.score)})`;
}

/** The quote in curly quotes, or the coder's summary when the observation has no quote. */
export function quoteText(q: EvidenceQuote, maxChars = Infinity): string {
  if (q.quote.trim()) return `“${Number.isFinite(maxChars) ? clipText(q.quote, maxChars) : q.quote.trim()}”`;
  return `[no quote recorded; summary: ${Number.isFinite(maxChars) ? clipText(q.summary, maxChars) : q.summary.trim()}]`;
}

export function quoteSource(q: EvidenceQuote): string {
  return q.source ? `Source: ${sourceReference(q.source)}` : 'Source: none recorded';
}

/** "Russia, from 2024-03-02: mean −1.2 → +1.5 (+2.7)". */
export function pivotHeading(p: BriefingEvidence['pivots'][number]): string {
  return `${p.actor}, from ${p.date}: mean ${formatScore(p.before)} → ${formatScore(p.after)} (${formatScore(p.delta)})`;
}

export const ACTORS_HEADING = 'Most extreme and latest observation per actor';
export const PIVOTS_HEADING = 'Pivots in view (largest shift first), with the quote before and after each';

function quoteLines(label: string, q: EvidenceQuote): string[] {
  return [`   ${label} — ${quoteByline(q)}: ${quoteText(q)}`, `   ${quoteSource(q)}`];
}

/** The slide's speaker notes: the evidence behind what the slide shows, quotes verbatim. */
export function slideNotes(
  ev: BriefingEvidence,
  dataset: Pick<Dataset, 'title' | 'version'>,
  generatedOn: string,
): string {
  const lines: string[] = [];
  if (ev.mode === 'pivots') {
    lines.push(`${PIVOTS_HEADING}:`, '');
    ev.pivots.forEach((p, i) => {
      lines.push(`${i + 1}. ${pivotHeading(p)}`);
      if (p.quoteBefore) lines.push(...quoteLines('Before', p.quoteBefore));
      if (p.quoteAfter) lines.push(...quoteLines('After', p.quoteAfter));
      lines.push('');
    });
  } else if (ev.actors.length) {
    lines.push(`${ACTORS_HEADING}:`, '');
    for (const a of ev.actors) {
      lines.push(a.actor);
      lines.push(...quoteLines('Most extreme', a.extreme));
      if (a.latest) lines.push(...quoteLines('Latest', a.latest));
      lines.push('');
    }
  } else {
    lines.push('No observations match the current filters.', '');
  }
  if (ev.summaries.length) {
    lines.push('Summary:');
    for (const s of ev.summaries) lines.push(`${s.actor}: ${s.sentence}`);
    lines.push('');
  }
  lines.push(`Generated ${generatedOn} from ${dataset.title} v${dataset.version}.`);
  return lines.join('\n');
}

/** One cited quote as the brief prints it: a label, the byline, the (possibly clipped) quote and its source. */
export interface BriefQuote {
  label: string;
  byline: string;
  text: string;
  source: string;
  /** The source's URL, made a link in the PDF. */
  url: string | null;
}

export interface BriefItem {
  heading: string;
  quotes: BriefQuote[];
}

export interface BriefContent {
  summaries: Array<{ actor: string; color: string; sentence: string }>;
  evidenceHeading: string;
  items: BriefItem[];
  sources: Array<{ text: string; url: string | null }>;
  colophon: string;
}

/** Longest quote printed on the one-page brief; longer ones end in "…" (the slide's notes keep them whole). */
export const BRIEF_QUOTE_CHARS = 260;

function briefQuote(label: string, q: EvidenceQuote): BriefQuote {
  return {
    label,
    byline: quoteByline(q),
    text: quoteText(q, BRIEF_QUOTE_CHARS),
    source: quoteSource(q),
    url: q.source?.url ?? null,
  };
}

/** What the PDF brief says, in reading order; the PDF writer cuts what does not fit with "…and N more". */
export function briefContent(
  ev: BriefingEvidence,
  dataset: Pick<Dataset, 'title' | 'version'>,
  generatedOn: string,
): BriefContent {
  const items: BriefItem[] =
    ev.mode === 'pivots'
      ? ev.pivots.map((p) => ({
          heading: pivotHeading(p),
          quotes: [
            ...(p.quoteBefore ? [briefQuote('Before', p.quoteBefore)] : []),
            ...(p.quoteAfter ? [briefQuote('After', p.quoteAfter)] : []),
          ],
        }))
      : ev.actors.map((a) => ({
          heading: a.actor,
          quotes: [
            briefQuote('Most extreme', a.extreme),
            ...(a.latest ? [briefQuote('Latest', a.latest)] : []),
          ],
        }));
  const cited = new Set(citedQuotes(ev).flatMap((q) => (q.sourceId ? [q.sourceId] : [])));
  return {
    summaries: ev.summaries,
    evidenceHeading: ev.mode === 'pivots' ? PIVOTS_HEADING : ACTORS_HEADING,
    items,
    // The sources of the quotes printed come first, so the list's cut never drops one of them.
    sources: [...ev.sources]
      .sort((a, b) => Number(cited.has(b.id)) - Number(cited.has(a.id)))
      .map((s) => ({ text: sourceReference(s), url: s.url })),
    colophon: `Dataset: ${dataset.title}, version ${dataset.version}. Generated ${generatedOn} with Stance Tracker.`,
  };
}
