import { useMemo } from 'react';
import type { Dataset } from '../../data/schema';
import { useView } from '../../data/use-view';
import { StanceLineChart } from '../../charts/stance-line-chart';
import { useElementWidth } from '../../lib/use-element-width';
import { padToMonths } from '../../lib/dates';
import { ChartLegend } from './chart-legend';

export function StanceChartPanel({ dataset }: { dataset: Dataset }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(800);
  const view = useView(dataset, Math.max(50, width));
  const domain = useMemo<[number, number]>(() => (view.range ? padToMonths(view.range) : [0, 1]), [view.range]);
  const chartSeries = view.series.map((s) => ({
    id: s.actor.id,
    name: s.actor.name,
    color: s.actor.color,
    points: s.line,
  }));
  return (
    <figure className="chart-figure" aria-label="Stance over time, from conciliatory (−3) to hawkish (+3), by actor">
      <figcaption className="chart-caption">
        Stance over time — {dataset.scale.negativeLabel} (−3) to {dataset.scale.positiveLabel} (+3)
      </figcaption>
      <div ref={ref} className="chart-box">
        <StanceLineChart
          series={chartSeries}
          domain={domain}
          width={width}
          height={width < 520 ? 300 : 420}
          negativeLabel={dataset.scale.negativeLabel}
          positiveLabel={dataset.scale.positiveLabel}
        />
      </div>
      <ChartLegend items={chartSeries} />
    </figure>
  );
}
