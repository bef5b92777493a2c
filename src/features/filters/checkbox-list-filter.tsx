import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { isSelected, toggleInSelection } from '../../domain/view-filters';
import { ActorSwatch } from '../../ui/actor-swatch';

export interface CheckboxItem {
  id: string;
  label: string;
  color?: string;
  /** The actor's line dash (null or absent: solid), so the chip matches the chart's line. */
  dash?: string | null;
  group?: string;
}

interface CheckboxListFilterProps {
  legend: string;
  items: CheckboxItem[];
  /** null means every item. */
  selection: string[] | null;
  onChange: (selection: string[] | null) => void;
  /** Show group headings (e.g. United States, Russia) above the items of each group. */
  grouped?: boolean;
}

const CheckboxRow = memo(function CheckboxRow({
  item,
  checked,
  onToggle,
}: {
  item: CheckboxItem;
  checked: boolean;
  onToggle: (id: string) => void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={() => onToggle(item.id)} />
      {item.color && <ActorSwatch color={item.color} dash={item.dash ?? null} />}
      <span>{item.label}</span>
    </label>
  );
});

/** A fieldset of checkboxes with All and None, optionally split into labelled groups. Memoised: a change
 * to another filter does not re-render this list. */
export const CheckboxListFilter = memo(function CheckboxListFilter({
  legend,
  items,
  selection,
  onChange,
  grouped = false,
}: CheckboxListFilterProps) {
  // One stable handler for every row, reading the latest selection: a toggle re-renders only the
  // rows whose box changed (React writes every attribute of each input it re-renders).
  const latest = useRef({ selection, items, onChange });
  useLayoutEffect(() => {
    latest.current = { selection, items, onChange };
  });
  const onToggle = useCallback((id: string) => {
    const { selection: current, items: all, onChange: change } = latest.current;
    change(
      toggleInSelection(
        current,
        id,
        all.map((i) => i.id),
      ),
    );
  }, []);
  const box = (item: CheckboxItem): ReactNode => (
    <CheckboxRow key={item.id} item={item} checked={isSelected(selection, item.id)} onToggle={onToggle} />
  );
  const groups: { name: string; items: CheckboxItem[] }[] = [];
  if (grouped) {
    for (const item of items) {
      const name = item.group ?? '';
      const g = groups.find((x) => x.name === name);
      if (g) g.items.push(item);
      else groups.push({ name, items: [item] });
    }
  }
  const slug = legend.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      <div className="all-none">
        <button type="button" onClick={() => onChange(null)} disabled={selection === null}>
          All
        </button>
        <button
          type="button"
          onClick={() => onChange([])}
          disabled={selection !== null && selection.length === 0}
        >
          None
        </button>
      </div>
      {grouped ? (
        groups.map((g, i) => (
          <div key={g.name} role="group" aria-labelledby={`${slug}-group-${i}`} className="check-group">
            <p id={`${slug}-group-${i}`} className="group-heading">
              {g.name}
            </p>
            <div className="check-list">{g.items.map(box)}</div>
          </div>
        ))
      ) : (
        <div className="check-list">{items.map(box)}</div>
      )}
    </fieldset>
  );
});
