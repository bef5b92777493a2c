import { useMemo } from 'react';
import type { DatasetMeta } from '../../domain/dataset-index';
import { summarize, type ViewSeries } from '../../domain/series';
import { summarySentence } from '../../domain/summary-text';
import { actorDash } from '../../charts/figure-palette';
import { ActorSwatch } from '../../ui/actor-swatch';

/** For each selected actor: mean, count and the move from the first to the last third of the range. */
export function ViewSummary({
  dataset,
  view,
  actors,
}: {
  dataset: DatasetMeta;
  view: ViewSeries;
  /** The actors the view was computed for (null: every actor). */
  actors: readonly string[] | null;
}) {
  const summaries = useMemo(() => summarize(view), [view]);
  const chosen = actors === null ? null : new Set(actors);
  const selected = dataset.actors.filter((a) => chosen === null || chosen.has(a.id));
  return (
    <section className="summary-section" aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="panel-heading">
        Summary
      </h2>
      <ul className="summary-list">
        {selected.map((actor) => {
          const s = summaries.find((x) => x.actor.id === actor.id);
          return (
            <li key={actor.id}>
              <ActorSwatch color={actor.color} dash={actorDash(dataset.actors, actor.id)} />
              <span>
                <strong>{actor.name}</strong>:{' '}
                {s ? summarySentence(s, dataset.scale) : 'no observations in this view.'}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
