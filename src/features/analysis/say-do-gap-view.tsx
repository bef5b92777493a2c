import { useId, useMemo, useState } from 'react';
import type { DatasetMeta } from '../../domain/dataset-index';
import type { ViewSeries } from '../../domain/series';
import { sayDoGap, type SayDoGap } from '../../domain/analysis/say-do-gap';
import { GAP_SHADE, SayDoGapChart, type GapChartPoint } from '../../charts/say-do-gap-chart';
import { useElementWidth } from '../../ui/use-element-width';
import { isoDay, padToMonths } from '../../domain/dates';
import { downloadText } from '../../lib/download';
import { buildExportFileName } from '../../lib/file-name';
import { buildGapFigureSvg } from './gap-figure';

/** Grid points as the chart draws them: the gap split by sign into two shaded bands. */
export function toGapChartPoints(gap: SayDoGap): GapChartPoint[] {
  return gap.points.map((p) => ({
    t: p.t,
    statement: p.statement,
    action: p.action,
    wordsAbove: p.gap !== null && p.gap > 0 ? [p.action!, p.statement!] : null,
    wordsBelow: p.gap !== null && p.gap < 0 ? [p.statement!, p.action!] : null,
  }));
}

/** Words against deeds for one actor of the view, chosen from a list; the gap shaded, with its reading. */
export function SayDoGapView({ dataset, view }: { dataset: DatasetMeta; view: ViewSeries }) {
  const ids = useId();
  const [ref, width] = useElementWidth<HTMLDivElement>(600);
  const gaps = useMemo(
    () =>
      view.series.map((s) => ({
        actor: s.actor,
        gap: sayDoGap(
          s.actor.id,
          s.points,
          {},
          { negative: dataset.scale.negativeLabel, positive: dataset.scale.positiveLabel },
        ),
      })),
    [view.series, dataset.scale],
  );
  const firstComparable = gaps.find((g) => g.gap.points.some((p) => p.gap !== null)) ?? gaps[0];
  const [chosen, setChosen] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const current = gaps.find((g) => g.actor.id === chosen) ?? firstComparable;
  const points = useMemo(() => (current ? toGapChartPoints(current.gap) : []), [current]);
  // The stretch where words and deeds can be compared, widened to whole months.
  const domain = useMemo<[number, number]>(() => {
    const ts = points.map((p) => p.t);
    if (ts.length) return padToMonths([ts[0]!, ts[ts.length - 1]!]);
    return view.range ? padToMonths(view.range) : [0, 1];
  }, [points, view.range]);
  if (!current) return null;
  const comparable = current.gap.points.some((p) => p.gap !== null);
  const download = () => {
    const now = new Date();
    const generatedOn = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const svg = buildGapFigureSvg({ dataset, actor: current.actor, gap: current.gap, domain, generatedOn });
    const name = buildExportFileName({
      actors: [current.actor.id],
      from: view.range ? isoDay(view.range[0]) : null,
      to: view.range ? isoDay(view.range[1]) : null,
      ext: 'svg',
      suffix: 'say-do-gap',
    });
    downloadText(svg, name, 'image/svg+xml');
    setStatus(`Downloaded ${name}.`);
  };
  return (
    <section className="analysis-block" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Say–do gap</h3>
      <div className="analysis-controls">
        <label className="analysis-field" htmlFor={`${ids}-actor`}>
          <span>Actor</span>
          <select
            id={`${ids}-actor`}
            value={current.actor.id}
            onChange={(e) => {
              setChosen(e.target.value);
              setStatus('');
            }}
          >
            {gaps.map((g) => (
              <option key={g.actor.id} value={g.actor.id}>
                {g.actor.name} ({g.gap.nStatements} words, {g.gap.nActions} deeds)
              </option>
            ))}
          </select>
        </label>
        {comparable && (
          <button type="button" onClick={download}>
            Download gap figure (SVG)
          </button>
        )}
        <span className="analysis-value" role="status">
          {status}
        </span>
      </div>
      <figure className="gap-figure" aria-label={`Say–do gap: ${current.actor.name}. ${current.gap.reading}`}>
        <p className="gap-reading">{current.gap.reading}</p>
        {/* Always mounted, so its width is measured even before a comparable actor is chosen. */}
        <div ref={ref} className="chart-box">
          {comparable && (
            <SayDoGapChart
              points={points}
              domain={domain}
              color={current.actor.color}
              width={width}
              height={220}
            />
          )}
        </div>
        {comparable && (
          <figcaption className="marker-key">
            <span className="key-item">
              <span className="key-line" style={{ borderColor: current.actor.color }} aria-hidden="true" />
              words (statements)
            </span>
            <span className="key-item">
              <span
                className="key-line is-dashed"
                style={{ borderColor: current.actor.color }}
                aria-hidden="true"
              />
              deeds (actions)
            </span>
            <span className="key-item">
              <span className="key-swatch" style={{ background: GAP_SHADE.above }} aria-hidden="true" />
              words more {dataset.scale.positiveLabel.toLowerCase()}
            </span>
            <span className="key-item">
              <span className="key-swatch" style={{ background: GAP_SHADE.below }} aria-hidden="true" />
              words more {dataset.scale.negativeLabel.toLowerCase()}
            </span>
            <span className="key-item">60-day windows, weekly</span>
          </figcaption>
        )}
      </figure>
    </section>
  );
}
