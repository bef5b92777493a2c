import { timeAxisProps } from './time-axis';
import { memo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from 'recharts';
import { monthTicks } from '../domain/dates';

/** One grid day: smoothed words and deeds, and the gap split by sign so each side gets its own shade. */
export interface GapChartPoint {
  t: number;
  statement: number | null;
  action: number | null;
  /** [action, statement] where words are more hawkish than deeds, else null. */
  wordsAbove: [number, number] | null;
  /** [statement, action] where words are more conciliatory than deeds, else null. */
  wordsBelow: [number, number] | null;
}

export interface SayDoGapChartProps {
  points: GapChartPoint[];
  domain: [number, number];
  color: string;
  width: number;
  height: number;
}

export const GAP_SHADE = { above: '#CC79A7', below: '#56B4E9' } as const;

/** Presentational: words (solid) and deeds (dashed) for one actor, with the gap between them shaded. */
export const SayDoGapChart = memo(function SayDoGapChart({
  points,
  domain,
  color,
  width,
  height,
}: SayDoGapChartProps) {
  return (
    <ComposedChart
      width={width}
      height={height}
      data={points}
      margin={{ top: 8, right: 12, bottom: 4, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
      <XAxis {...timeAxisProps(domain, monthTicks(domain, Math.floor(width / 90)), 11)} />
      <YAxis
        type="number"
        domain={[-3, 3]}
        ticks={[-3, -2, -1, 0, 1, 2, 3]}
        width={30}
        stroke="var(--axis)"
        tick={{ fill: 'var(--muted)', fontSize: 11 }}
      />
      <ReferenceLine y={0} stroke="var(--zero)" />
      <Area
        dataKey="wordsAbove"
        type="linear"
        stroke="none"
        fill={GAP_SHADE.above}
        fillOpacity={0.35}
        isAnimationActive={false}
        className="gap-shade gap-shade-above"
      />
      <Area
        dataKey="wordsBelow"
        type="linear"
        stroke="none"
        fill={GAP_SHADE.below}
        fillOpacity={0.35}
        isAnimationActive={false}
        className="gap-shade gap-shade-below"
      />
      <Line
        dataKey="statement"
        type="linear"
        stroke={color}
        strokeWidth={2}
        dot={false}
        activeDot={false}
        isAnimationActive={false}
        className="gap-line gap-line-words"
      />
      <Line
        dataKey="action"
        type="linear"
        stroke={color}
        strokeWidth={2}
        strokeDasharray="6 4"
        dot={false}
        activeDot={false}
        isAnimationActive={false}
        className="gap-line gap-line-deeds"
      />
    </ComposedChart>
  );
});
