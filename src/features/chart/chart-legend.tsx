export interface LegendItem {
  id: string;
  name: string;
  color: string;
}

/** The legend is HTML beside the SVG so it wraps on narrow screens and reads as a list. */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.id} className="legend-item">
          <span className="swatch" style={{ background: item.color }} aria-hidden="true" />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
