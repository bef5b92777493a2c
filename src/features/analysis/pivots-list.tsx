import { useId, useMemo } from 'react';
import type { Observation } from '../../domain/schema';
import type { DatasetMeta } from '../../domain/dataset-index';
import { SENSITIVITIES, type Pivot, type Sensitivity } from '../../domain/analysis/pivots';
import { MAX_MIN_SEGMENT, clampMinSegment } from '../../state/analysis-settings';
import { useUiStore } from '../../state/ui-store';
import { formatPartialDate } from '../../domain/dates';
import { formatScore } from '../../domain/format-score';
import { beforeAfterLabel, pivotDateLabel, pivotId } from '../../charts/pivot-model';
import { useObservationsById } from '../../data/stance-queries';

const SENSITIVITY_WORDS: Record<Sensitivity, string> = {
  1: 'only the clearest shifts',
  2: 'strict',
  3: 'balanced (default)',
  4: 'lenient',
  5: 'every plausible shift',
};

export interface PivotsListProps {
  dataset: DatasetMeta;
  pivots: Pivot[];
  onOpenEvidence: (id: string, opener: Element) => void;
}

/** The Pivots list: controls for the detector, then every pivot of the view, largest shift first. */
export function PivotsList({ dataset, pivots, onOpenEvidence }: PivotsListProps) {
  const sensitivity = useUiStore((s) => s.analysis.sensitivity);
  const minSegment = useUiStore((s) => s.analysis.minSegment);
  const showPivots = useUiStore((s) => s.analysis.showPivots);
  const setAnalysis = useUiStore((s) => s.setAnalysis);
  const ids = useId();
  const actorName = useMemo(() => new Map(dataset.actors.map((a) => [a.id, a.name])), [dataset]);
  const evidenceIds = useMemo(() => pivots.flatMap((p) => p.evidence), [pivots]);
  const obsById = useObservationsById(evidenceIds).data ?? new Map<string, Observation>();
  const { negativeLabel, positiveLabel } = dataset.scale;

  const evidenceLabel = (o: Observation) =>
    `${formatPartialDate(o.date, o.datePrecision)} (${formatScore(o.score)})`;

  return (
    <section className="analysis-block" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Pivots</h3>
      <div className="analysis-controls">
        <label className="analysis-field" htmlFor={`${ids}-sens`}>
          <span>Pivot sensitivity</span>
          <input
            id={`${ids}-sens`}
            type="range"
            min={SENSITIVITIES[0]}
            max={SENSITIVITIES[SENSITIVITIES.length - 1]}
            step={1}
            value={sensitivity}
            aria-valuetext={`${sensitivity} of 5: ${SENSITIVITY_WORDS[sensitivity]}`}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (SENSITIVITIES.includes(v as Sensitivity)) setAnalysis({ sensitivity: v as Sensitivity });
            }}
          />
          <span className="analysis-value" aria-hidden="true">
            {sensitivity} — {SENSITIVITY_WORDS[sensitivity]}
          </span>
        </label>
        <label className="analysis-field" htmlFor={`${ids}-min`}>
          <span>Minimum observations on each side</span>
          <input
            id={`${ids}-min`}
            type="number"
            min={1}
            max={MAX_MIN_SEGMENT}
            step={1}
            value={minSegment}
            onChange={(e) => {
              if (e.target.value !== '') setAnalysis({ minSegment: clampMinSegment(Number(e.target.value)) });
            }}
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={showPivots}
            onChange={(e) => setAnalysis({ showPivots: e.target.checked })}
          />
          <span>Mark pivots on the chart</span>
        </label>
      </div>
      <p className="hint" role="status">
        {pivots.length === 0
          ? 'No pivots in this view at this sensitivity.'
          : `${pivots.length} pivot${pivots.length === 1 ? '' : 's'} in this view, largest shift first. Press one to read its evidence.`}
      </p>
      {pivots.length > 0 && (
        <div className="table-scroll">
          <table className="analysis-table pivots-table" aria-labelledby={`${ids}-title`}>
            <thead>
              <tr>
                <th scope="col">Pivot</th>
                <th scope="col">Before → after</th>
                <th scope="col" className="num">
                  Shift
                </th>
                <th scope="col">Evidence: before | after</th>
              </tr>
            </thead>
            <tbody>
              {pivots.map((p) => {
                const name = actorName.get(p.actor) ?? p.actor;
                const opens = p.evidence[p.evidenceSplit];
                return (
                  <tr key={pivotId(p)}>
                    <td>
                      <button
                        type="button"
                        className="pivot-open"
                        onClick={(e) => opens !== undefined && onOpenEvidence(opens, e.currentTarget)}
                      >
                        {name}, {pivotDateLabel(p)}
                      </button>
                    </td>
                    <td className="nowrap">
                      {beforeAfterLabel(p)}
                      <span className="analysis-muted">
                        {' '}
                        ({p.nBefore} | {p.nAfter} obs.)
                      </span>
                    </td>
                    <td className="num">
                      {formatScore(p.delta)}{' '}
                      <span className="analysis-muted">
                        {(p.delta < 0 ? negativeLabel : positiveLabel).toLowerCase()}
                      </span>
                    </td>
                    <td>
                      <ul
                        className="evidence-chips"
                        aria-label={`Evidence for ${name}, ${pivotDateLabel(p)}`}
                      >
                        {p.evidence.map((id, i) => {
                          const o = obsById.get(id);
                          if (!o) return null;
                          const after = i >= p.evidenceSplit;
                          return (
                            <li key={o.id} className={after ? 'is-after' : 'is-before'}>
                              <button
                                type="button"
                                className="evidence-chip"
                                aria-label={`${evidenceLabel(o)}, ${after ? 'after' : 'before'} the pivot: ${o.summary}`}
                                onClick={(e) => onOpenEvidence(o.id, e.currentTarget)}
                              >
                                {evidenceLabel(o)}
                              </button>
                            </li>
                          );
                        })}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
