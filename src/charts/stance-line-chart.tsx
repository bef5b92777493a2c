import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { LinePoint } from '../data/series';
import { formatAxisDate, monthTicks } from '../lib/dates';

export interface ChartSeries {
  id: string;
  name: string;
  color: string;
  points: LinePoint[];
}

export interface StanceLineChartProps {
  series: ChartSeries[];
  domain: [number, number];
  width: number;
  height: number;
  negativeLabel: string;
  positiveLabel: string;
}

const Y_TICKS = [-3, -2, -1, 0, 1, 2, 3];

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value: unknown };
}

export function formatScoreTick(v: number, negativeLabel: string, positiveLabel: string): string {
  if (v === 3) return `+3 ${positiveLabel}`;
  if (v === -3) return `−3 ${negativeLabel}`;
  if (v > 0) return `+${v}`;
  if (v < 0) return `−${Math.abs(v)}`;
  return '0';
}

/** Presentational: draws what it is given, one line per series; no data access, no state. */
export function StanceLineChart({
  series,
  domain,
  width,
  height,
  negativeLabel,
  positiveLabel,
}: StanceLineChartProps) {
  const narrow = width < 520;
  const xTicks = monthTicks(domain, Math.floor(width / 90));
  // A plain <text> per tick: Recharts' default tick wraps "−3 Conciliatory" onto two lines.
  const renderYTick = ({ x = 0, y = 0, payload }: TickProps) => {
    const v = Number(payload?.value ?? 0);
    const label = narrow ? formatScoreTick(v, '', '').trim() : formatScoreTick(v, negativeLabel, positiveLabel);
    return (
      <text x={x} y={y} dy={4} textAnchor="end" fill="var(--muted)" fontSize={12}>
        {label}
      </text>
    );
  };
  return (
    <LineChart
      width={width}
      height={height}
      margin={{ top: 12, right: 16, bottom: 8, left: narrow ? 4 : 24 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={domain}
        ticks={xTicks}
        tickFormatter={formatAxisDate}
        stroke="var(--axis)"
        tick={{ fill: 'var(--muted)', fontSize: 12 }}
        minTickGap={24}
        allowDuplicatedCategory={false}
      />
      <YAxis
        type="number"
        domain={[-3, 3]}
        ticks={Y_TICKS}
        width={narrow ? 36 : 112}
        stroke="var(--axis)"
        tick={renderYTick}
      />
      <ReferenceLine y={0} stroke="var(--zero)" strokeWidth={1.5} />
      {series.map((s) => (
        <Line
          key={s.id}
          name={s.name}
          data={s.points}
          dataKey="score"
          type="monotone"
          stroke={s.color}
          strokeWidth={2}
          dot={
            s.points.length <= 60
              ? ({ cx, cy, index }: { cx?: number; cy?: number; index?: number }) => (
                  <circle
                    key={index}
                    cx={cx}
                    cy={cy}
                    r={3.5}
                    fill={s.color}
                    className={`series-dot series-dot-${s.id}`}
                  />
                )
              : false
          }
          isAnimationActive={false}
          connectNulls
          className={`series-line series-${s.id}`}
        />
      ))}
    </LineChart>
  );
}
