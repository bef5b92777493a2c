import { ActorSwatch } from '../../ui/actor-swatch';

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
            <ActorSwatch color={item.color} dash={item.dash} />
            {item.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
