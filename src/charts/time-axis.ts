import { formatAxisDate } from '../domain/dates';

/** The props every time-based x axis shares (Recharts XAxis), so the charts read dates alike. */
export function timeAxisProps(domain: [number, number], ticks: number[], fontSize: number) {
  return {
    dataKey: 't',
    type: 'number' as const,
    scale: 'time' as const,
    domain,
    ticks,
    tickFormatter: formatAxisDate,
    stroke: 'var(--axis)',
    tick: { fill: 'var(--muted)', fontSize },
    allowDataOverflow: true,
  };
}
