import { useDeferredValue, useMemo, useState, type MouseEvent } from 'react';
import type { DatasetMeta } from '../../domain/dataset-index';
import type { SortDir, SortKey } from '../../domain/observation-order';
import type { SeriesQuery } from '../../domain/series';
import { formatPartialDate } from '../../domain/dates';
import { formatScore } from '../../domain/format-score';
import { useObservationPage } from '../../data/stance-queries';
import { SORT_COLUMNS, makeLookups } from './table-model';

const PAGE_SIZE = 50;

interface ObservationsTableProps {
  dataset: DatasetMeta;
  /** The filters of the view the table lists (the explorer passes them once the page is idle). */
  query: SeriesQuery;
  selectedId: string | null;
  onOpenEvidence: (id: string, opener: Element) => void;
}

/** The filtered observations as a sortable, searchable table, one page asked for at a time; a row opens its Evidence. */
export function ObservationsTable({
  dataset,
  query: filters,
  selectedId,
  onOpenEvidence,
}: ObservationsTableProps) {
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'date', dir: 'ascending' });
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const deferredQuery = useDeferredValue(query);
  const lookups = useMemo(() => makeLookups(dataset), [dataset]);
  const { data } = useObservationPage({
    query: filters,
    search: deferredQuery,
    sort: sort.key,
    dir: sort.dir,
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  const total = data?.total ?? 0;
  const shown = data?.rows ?? [];
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // The page asked for may be past the end after the filters narrowed; the answer says which one it is.
  const current = data ? Math.floor(data.offset / PAGE_SIZE) : 0;

  const onSort = (key: SortKey) => {
    setSort((s) => ({ key, dir: s.key === key && s.dir === 'ascending' ? 'descending' : 'ascending' }));
    setPage(0);
  };
  const onRowClick = (e: MouseEvent<HTMLTableRowElement>, id: string) => {
    if ((e.target as HTMLElement).closest('button, a')) return;
    const opener = e.currentTarget.querySelector('button.row-open');
    if (opener) onOpenEvidence(id, opener);
  };

  return (
    <section className="table-section" aria-labelledby="observations-heading">
      <div className="table-head">
        <h2 id="observations-heading" className="panel-heading">
          Observations
        </h2>
        <input
          type="search"
          className="table-search"
          aria-label="Search observations"
          placeholder="Search speaker, summary or quote"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(0);
          }}
        />
      </div>
      <p className="table-count" aria-live="polite">
        {total === 0
          ? 'No observations match this search.'
          : `${total.toLocaleString('en-GB')} observation${total === 1 ? '' : 's'}${
              pages > 1 ? `, showing ${current * PAGE_SIZE + 1}–${current * PAGE_SIZE + shown.length}` : ''
            }.`}
      </p>
      <div className="table-scroll">
        <table className="observations-table" aria-labelledby="observations-heading">
          <thead>
            <tr>
              {SORT_COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? sort.dir : undefined}>
                  <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
                    {c.label}
                    <span className="sort-mark" aria-hidden="true">
                      {sort.key === c.key ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map(({ obs }) => (
              <tr
                key={obs.id}
                className={obs.id === selectedId ? 'is-selected' : undefined}
                onClick={(e) => onRowClick(e, obs.id)}
              >
                <td className="nowrap">{formatPartialDate(obs.date, obs.datePrecision)}</td>
                <td>{lookups.actorName(obs.actor)}</td>
                <td>{obs.speaker}</td>
                <td>{lookups.themeLabel(obs.theme)}</td>
                <td>{obs.kind === 'statement' ? 'Statement' : 'Action'}</td>
                <td className="num">{formatScore(obs.score)}</td>
                <td>
                  <button
                    type="button"
                    className="row-open"
                    data-obs-id={obs.id}
                    onClick={(e) => onOpenEvidence(obs.id, e.currentTarget)}
                  >
                    {obs.summary}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="pager" aria-label="Table pages">
          <button type="button" onClick={() => setPage(current - 1)} disabled={current === 0}>
            Previous page
          </button>
          <span>
            Page {current + 1} of {pages}
          </span>
          <button type="button" onClick={() => setPage(current + 1)} disabled={current >= pages - 1}>
            Next page
          </button>
        </nav>
      )}
    </section>
  );
}
