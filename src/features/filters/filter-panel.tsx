import { memo, useCallback, useMemo, useState } from 'react';
import type { DatasetMeta } from '../../domain/dataset-index';
import { useDatasetFacts } from '../../data/stance-queries';
import { isoDay } from '../../domain/dates';
import { useUiStore } from '../../state/ui-store';
import { SMOOTHINGS, type KindFilter, type Smoothing, type ViewFilters } from '../../domain/view-filters';
import { actorDash } from '../../charts/figure-palette';
import { CheckboxListFilter } from './checkbox-list-filter';
import { TimeFilter } from './time-filter';
import { useMediaQuery } from '../../ui/use-media-query';
import { useReadyWhenIdle } from '../../ui/use-idle-value';

const KIND_OPTIONS: { value: KindFilter; label: string }[] = [
  { value: 'statement', label: 'Statements' },
  { value: 'action', label: 'Actions' },
  { value: 'both', label: 'Both' },
];

function smoothingName(s: Smoothing): string {
  return s === 0 ? 'None' : `${s} days`;
}

/** Groups are worth headings only when some group holds several actors and there is more than one. */
export function hasMeaningfulGroups(actors: DatasetMeta['actors']): boolean {
  const groups = new Set(actors.map((a) => a.group));
  return groups.size > 1 && groups.size < actors.length;
}

export function FilterPanel({ dataset }: { dataset: DatasetMeta }) {
  const actors = useUiStore((s) => s.filters.actors);
  const themes = useUiStore((s) => s.filters.themes);
  const kind = useUiStore((s) => s.filters.kind);
  const smooth = useUiStore((s) => s.filters.smooth);
  const highConfidence = useUiStore((s) => s.filters.highConfidence);
  const weighted = useUiStore((s) => s.filters.weighted);
  const setFilters = useUiStore((s) => s.setFilters);
  // On phones the filters fold away behind one button so the chart is on the first screen.
  const narrow = useMediaQuery('(max-width: 899.98px)');
  // A freshly opened dataset's chart paints first: the panel's 60-odd controls and two date fields
  // (Chromium builds a date field's parts on first use) render once the browser is next idle, while
  // the heading holds the panel's place, so the chart does not wait for them.
  const bodyReady = useReadyWhenIdle();
  const [open, setOpen] = useState(false);
  // Filters hold only the user's range (never the dataset's default); "All" is no filter either.
  const timeSet = useUiStore((s) => s.filters.from !== null || s.filters.to !== null);
  const active = [actors !== null, themes !== null, kind !== 'both', highConfidence, timeSet].filter(
    Boolean,
  ).length;

  const actorItems = useMemo(
    () =>
      dataset.actors.map((a) => ({
        id: a.id,
        label: a.name,
        color: a.color,
        dash: actorDash(dataset.actors, a.id),
        group: a.group,
      })),
    [dataset.actors],
  );
  const themeItems = useMemo(
    () => dataset.themes.map((t) => ({ id: t.id, label: t.label })),
    [dataset.themes],
  );
  // Stable, so the memoised lists skip a render when another filter changes.
  const setActors = useCallback((next: string[] | null) => setFilters({ actors: next }), [setFilters]);
  const setThemes = useCallback((next: string[] | null) => setFilters({ themes: next }), [setFilters]);

  return (
    <section className="filter-panel" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="panel-heading">
        {narrow ? (
          <button
            type="button"
            className="filters-toggle"
            aria-expanded={open}
            aria-controls="filter-body"
            onClick={() => setOpen((o) => !o)}
          >
            Filters{active > 0 ? ` (${active} active)` : ''}
          </button>
        ) : (
          'Filters'
        )}
      </h2>
      <div id="filter-body" className="filter-body" hidden={narrow && !open}>
        {bodyReady && (
          <>
            <CheckboxListFilter
              legend="Actors"
              items={actorItems}
              selection={actors}
              onChange={setActors}
              grouped={hasMeaningfulGroups(dataset.actors)}
            />
            <CheckboxListFilter legend="Themes" items={themeItems} selection={themes} onChange={setThemes} />
            <ChoiceFieldset
              legend="Kind"
              name="kind"
              options={KIND_OPTIONS}
              value={kind}
              onPick={pickKind}
              toggleLabel="High confidence only"
              toggled={highConfidence}
              onToggle={toggleHighConfidence}
            />
            <TimeFilterOfData dataset={dataset} />
            <ChoiceFieldset
              legend="Smoothing"
              name="smooth"
              options={SMOOTHING_OPTIONS}
              value={smooth}
              onPick={pickSmooth}
              toggleLabel="Weight line by confidence"
              toggled={weighted}
              onToggle={toggleWeighted}
            />
          </>
        )}
      </div>
    </section>
  );
}

/** The time filter, with the data's last day from the dataset's facts (asked for once the body renders). */
function TimeFilterOfData({ dataset }: { dataset: DatasetMeta }) {
  const extent = useDatasetFacts().data?.extent ?? null;
  return <TimeFilter lastDay={extent ? isoDay(extent[1]) : null} dataset={dataset} />;
}

/** A radio group and one checkbox beneath it (kind, smoothing); its options and handlers are module constants. */
interface ChoiceFieldsetProps<V extends string | number> {
  legend: string;
  name: string;
  options: readonly { value: V; label: string }[];
  value: V;
  onPick: (value: V) => void;
  toggleLabel: string;
  toggled: boolean;
  onToggle: (on: boolean) => void;
}

function ChoiceFieldsetImpl<V extends string | number>(p: ChoiceFieldsetProps<V>) {
  return (
    <fieldset className="filter-group">
      <legend>{p.legend}</legend>
      <div className="radio-row">
        {p.options.map((o) => (
          <label key={o.value} className="check">
            <input
              type="radio"
              name={p.name}
              value={o.value}
              checked={p.value === o.value}
              onChange={() => p.onPick(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <label className="check">
        <input type="checkbox" checked={p.toggled} onChange={(e) => p.onToggle(e.target.checked)} />
        <span>{p.toggleLabel}</span>
      </label>
    </fieldset>
  );
}

// Memoised: a theme or actor change does not re-render these inputs (their props are constants or flags).
const ChoiceFieldset = memo(ChoiceFieldsetImpl) as typeof ChoiceFieldsetImpl;

const patchFilters = (patch: Partial<ViewFilters>) => useUiStore.getState().setFilters(patch);
const SMOOTHING_OPTIONS = SMOOTHINGS.map((s) => ({ value: s, label: smoothingName(s) }));
const pickKind = (kind: KindFilter) => patchFilters({ kind });
const pickSmooth = (smooth: Smoothing) => patchFilters({ smooth });
const toggleHighConfidence = (highConfidence: boolean) => patchFilters({ highConfidence });
const toggleWeighted = (weighted: boolean) => patchFilters({ weighted });
