import { useEffect, useRef } from 'react';
import type { Observation } from '../../domain/schema';
import type { DatasetMeta } from '../../domain/dataset-index';
import { formatPartialDate } from '../../domain/dates';
import { formatScore } from '../../domain/format-score';
import { useObservation } from '../../data/stance-queries';
import { actorDash } from '../../charts/figure-palette';
import { ActorSwatch } from '../../ui/actor-swatch';

export function dateResolution(obs: Observation): string {
  const how =
    obs.datePrecision === 'day'
      ? 'Exact day.'
      : obs.datePrecision === 'month'
        ? 'Known only to the month; drawn at the 15th and left out of the line.'
        : 'Known only to the year; drawn at 1 July and left out of the line.';
  return obs.dateNote ? `${how} ${obs.dateNote}` : how;
}

const CONFIDENCE_WORDS: Record<Observation['confidence'], string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

interface EvidencePanelProps {
  dataset: DatasetMeta;
  observationId: string;
  onClose: () => void;
}

/** A non-modal side panel with everything behind one point; Escape or Close returns focus to the opener. */
export function EvidencePanel({ dataset, observationId, onClose }: EvidencePanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const lookup = useObservation(observationId);
  const obs = lookup.data ?? undefined;

  useEffect(() => {
    headingRef.current?.focus();
  }, [observationId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const actor = obs ? dataset.actors.find((a) => a.id === obs.actor) : undefined;
  const theme = obs ? dataset.themes.find((t) => t.id === obs.theme) : undefined;
  const source = obs?.sourceId ? dataset.sources.find((s) => s.id === obs.sourceId) : undefined;
  const event = obs?.eventId ? dataset.events.find((e) => e.id === obs.eventId) : undefined;
  const { negativeLabel, positiveLabel } = dataset.scale;
  const direction = obs
    ? obs.score > 0
      ? positiveLabel.toLowerCase()
      : obs.score < 0
        ? negativeLabel.toLowerCase()
        : 'neutral'
    : '';

  return (
    <aside className="evidence-panel" aria-labelledby="evidence-heading">
      <div className="evidence-head">
        <h2 id="evidence-heading" ref={headingRef} tabIndex={-1}>
          Evidence
        </h2>
        <button type="button" onClick={onClose} className="close-button">
          Close
        </button>
      </div>
      {!obs ? (
        <p role={lookup.isPending ? 'status' : undefined}>
          {lookup.isPending ? 'Loading the observation…' : 'This observation is not in the open dataset.'}
        </p>
      ) : (
        <>
          <p className="evidence-actor">
            {actor && <ActorSwatch color={actor.color} dash={actorDash(dataset.actors, actor.id)} />}
            {actor?.name ?? obs.actor}
          </p>
          <blockquote className="evidence-quote">
            <p>{obs.quote}</p>
          </blockquote>
          <p className="evidence-summary">{obs.summary}</p>
          <dl className="evidence-facts">
            <dt>Speaker</dt>
            <dd>{obs.speaker || 'Not named'}</dd>
            <dt>Date</dt>
            <dd>
              {formatPartialDate(obs.date, obs.datePrecision)}
              <span className="fact-note">{dateResolution(obs)}</span>
            </dd>
            <dt>Theme</dt>
            <dd>{theme?.label ?? obs.theme}</dd>
            <dt>Kind</dt>
            <dd>{obs.kind === 'statement' ? 'Statement (words)' : 'Action (deeds)'}</dd>
            <dt>Score</dt>
            <dd>
              <strong>
                {formatScore(obs.score)} ({direction})
              </strong>
              {obs.originalScore !== undefined && (
                <span className="fact-note">Originally coded as {obs.originalScore}.</span>
              )}
              <span className="fact-note">{obs.rationale}</span>
            </dd>
            <dt>Confidence</dt>
            <dd>{CONFIDENCE_WORDS[obs.confidence]}</dd>
            <dt>Source</dt>
            <dd>
              {source ? (
                <>
                  {source.url ? (
                    <a href={source.url} target="_blank" rel="noreferrer noopener">
                      {source.title}
                    </a>
                  ) : (
                    <cite>{source.title}</cite>
                  )}
                  <span className="fact-note">
                    {[
                      source.outlet ?? 'Outlet not given',
                      source.published ? formatPublished(source.published) : 'date not given',
                    ].join(' · ')}
                  </span>
                </>
              ) : (
                'No source recorded'
              )}
            </dd>
            {event && (
              <>
                <dt>Key event</dt>
                <dd>{event.label}</dd>
              </>
            )}
          </dl>
        </>
      )}
    </aside>
  );
}

function formatPublished(date: string): string {
  const precision = date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
  return formatPartialDate(date, precision);
}
