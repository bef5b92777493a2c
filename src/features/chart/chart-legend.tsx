export interface LegendItem {
  id: string;
  name: string;
  color: string;
  /** The line's dash pattern when another actor has the same colour (null: solid, shown as a square). */
  dash: string | null;
  hidden: boolean;
}

/**
 * The legend is HTML beside the SVG so it wraps on narrow screens and reads as a list; each entry
 * is a toggle button that hides or shows that actor on the chart.
 */
export function ChartLegend({ items, onToggle }: { items: LegendItem[]; onToggle: (id: string) => void }) {
  return (
    <ul className="legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.id} className="legend-item">
          <button
            type="button"
            className={`legend-button${item.hidden ? ' is-hidden' : ''}`}
            aria-pressed={!item.hidden}
            title={item.hidden ? `Show ${item.name} on the chart` : `Hide ${item.name} from the chart`}
            onClick={() => onToggle(item.id)}
          >
            {item.dash ? (
              <svg className="swatch-line" width="22" height="12" aria-hidden="true">
                <line
                  x1="2"
                  y1="6"
                  x2="20"
                  y2="6"
                  stroke={item.color}
                  strokeWidth="3"
                  strokeDasharray={item.dash}
                  strokeLinecap="round"
                />
              </svg>
            ) : (
              <span className="swatch" style={{ background: item.color }} aria-hidden="true" />
            )}
            {item.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
