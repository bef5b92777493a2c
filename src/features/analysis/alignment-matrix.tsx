import { useId, useMemo } from 'react';
import type { ViewSeries } from '../../domain/series';
import {
  DEFAULT_ALIGNMENT_OPTIONS,
  alignmentMatrix,
  describeCorrelation,
  type AlignmentCell,
} from '../../domain/analysis/alignment';

/** Cell words and shading: blue for moving together, orange for moving apart, stronger as |r| grows. */
export function cellText(cell: AlignmentCell): {
  text: string;
  title: string;
  background: string | undefined;
} {
  switch (cell.status) {
    case 'self':
      return { text: '—', title: 'Same actor', background: undefined };
    case 'not-enough-data':
      return {
        text: 'not enough data',
        title: `Only ${cell.shared} shared month${cell.shared === 1 ? '' : 's'} with data; ${DEFAULT_ALIGNMENT_OPTIONS.minShared} needed`,
        background: undefined,
      };
    case 'flat':
      return {
        text: 'no variation',
        title: `One of the two never moves over the ${cell.shared} shared months`,
        background: undefined,
      };
    case 'ok': {
      const sign = cell.r > 0 ? '+' : cell.r < 0 ? '−' : '';
      const strength = Math.round(Math.abs(cell.r) * 40);
      return {
        text: `${sign}${Math.abs(cell.r).toFixed(2)}`,
        title: `${describeCorrelation(cell.r)}, over ${cell.shared} months`,
        background: `color-mix(in srgb, ${cell.r >= 0 ? '#0072B2' : '#E69F00'} ${strength}%, transparent)`,
      };
    }
  }
}

/** Who moved together: pairwise correlation of the actors' smoothed monthly series over the view's range. */
export function AlignmentMatrix({ view }: { view: ViewSeries }) {
  const ids = useId();
  const matrix = useMemo(() => {
    const byActor = new Map(view.series.map((s) => [s.actor.id, s.points]));
    return alignmentMatrix(
      view.series.map((s) => s.actor),
      byActor,
      view.range,
    );
  }, [view]);
  if (matrix.actors.length < 2) {
    return (
      <section className="analysis-block" aria-labelledby={`${ids}-title`}>
        <h3 id={`${ids}-title`}>Alignment</h3>
        <p className="hint">Select at least two actors to compare how they moved.</p>
      </section>
    );
  }
  return (
    <section className="analysis-block" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Alignment</h3>
      <p className="hint">
        Correlation of each pair’s smoothed monthly scores (60-day windows) over the selected range: +1 moved
        together, −1 moved in opposite directions. At least {matrix.minShared} shared months are needed.
      </p>
      {/* Focusable, so keyboard users can scroll a wide matrix sideways. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${ids}-title`}>
        <table className="analysis-table alignment-table" aria-labelledby={`${ids}-title`}>
          <thead>
            <tr>
              <td />
              {matrix.actors.map((a) => (
                <th key={a.id} scope="col">
                  {a.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.actors.map((a, i) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                {matrix.cells[i]!.map((cell, j) => {
                  const { text, title, background } = cellText(cell);
                  return (
                    <td
                      key={matrix.actors[j]!.id}
                      className={`alignment-cell is-${cell.status}`}
                      title={title}
                      style={background ? { background } : undefined}
                    >
                      {text}
                      {cell.status === 'ok' && <span className="visually-hidden">: {title}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
