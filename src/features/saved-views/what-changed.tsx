import { useId, useMemo } from 'react';
import type { DatasetMeta } from '../../domain/dataset-index';
import { diffDatasets, type DatasetSnapshot } from '../../domain/analysis/dataset-diff';
import { useUiStore } from '../../state/ui-store';
import { formatPartialDate } from '../../domain/dates';
import { formatScore } from '../../domain/format-score';
import { changelogBetween } from '../../domain/changelog';
import type { ChangelogEntry } from '../../domain/schema';
import type { Observation } from '../../domain/schema';
import { useObservationRefs, useObservationsById } from '../../data/stance-queries';

export interface WhatChangedProps {
  dataset: DatasetMeta;
  /** The version the saved view was made with. */
  fromVersion: string;
  /** The compact copy of that version kept in this browser, or null if none was kept. */
  snapshot: DatasetSnapshot | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Two decimals, true minus sign: mean moves are often smaller than the scale's tenths. */
const signed2 = (v: number) => `${v > 0.004 ? '+' : v < -0.004 ? '−' : ''}${Math.abs(v).toFixed(2)}`;

/** The dataset's own account of each version since the saved one: what was added and what corrected. */
function ChangelogSince({ entries }: { entries: ChangelogEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <div className="what-changed-log">
      <h4>From the dataset’s changelog</h4>
      {entries.map((e) => (
        <section key={e.version} aria-label={`Version ${e.version}`}>
          <p>
            <strong>Version {e.version}</strong> (
            {formatPartialDate(e.date, e.date.length === 10 ? 'day' : e.date.length === 7 ? 'month' : 'year')}
            )
          </p>
          {e.added.length > 0 && (
            <ul aria-label={`Added in ${e.version}`}>
              {e.added.map((line) => (
                <li key={line}>Added: {line}</li>
              ))}
            </ul>
          )}
          {e.corrected.length > 0 && (
            <ul aria-label={`Corrected in ${e.version}`}>
              {e.corrected.map((line) => (
                <li key={line}>Corrected: {line}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

/** What changed between the version a saved view was made with and the dataset now open. */
export function WhatChanged({ dataset, fromVersion, snapshot }: WhatChangedProps) {
  const ids = useId();
  const selectObservation = useUiStore((s) => s.selectObservation);
  const refs = useObservationRefs(snapshot !== null).data;
  const diff = useMemo(
    () => (snapshot && refs ? diffDatasets(snapshot, { ...dataset, observations: refs }) : null),
    [snapshot, refs, dataset],
  );
  const listed = useMemo(
    () => (diff ? [...diff.added.map((a) => a.id), ...diff.rescored.map((r) => r.id)] : []),
    [diff],
  );
  const obsById = useObservationsById(listed).data ?? new Map<string, Observation>();
  const actorName = useMemo(() => new Map(dataset.actors.map((a) => [a.id, a.name])), [dataset]);
  const title = `What changed since version ${fromVersion}`;
  const log = useMemo(
    () => changelogBetween(dataset.changelog, fromVersion, dataset.version),
    [dataset.changelog, dataset.version, fromVersion],
  );

  if (snapshot && !diff) {
    return (
      <section className="what-changed" aria-labelledby={`${ids}-title`}>
        <h3 id={`${ids}-title`}>{title}</h3>
        <p role="status">Comparing the versions…</p>
      </section>
    );
  }
  if (!diff) {
    return (
      <section className="what-changed" aria-labelledby={`${ids}-title`}>
        <h3 id={`${ids}-title`}>{title}</h3>
        <p>
          This browser kept no copy of version {fromVersion}, so the observations that changed cannot be
          listed
          {log.length > 0 ? '; the dataset’s changelog says what each version added and corrected.' : '.'}
        </p>
        <ChangelogSince entries={log} />
      </section>
    );
  }
  const openButton = (id: string, extra: string) => {
    const o = obsById.get(id);
    if (!o) return <span>{id}</span>;
    return (
      <button type="button" className="link-button" onClick={() => selectObservation(id)}>
        {actorName.get(o.actor) ?? o.actor}, {formatPartialDate(o.date, o.datePrecision)}: {o.summary}
        {extra}
      </button>
    );
  };
  return (
    <section className="what-changed" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{title}</h3>
      <p>
        {diff.unchanged
          ? `No observation was added, removed or re-scored between version ${diff.fromVersion} and ${diff.toVersion}.`
          : `${plural(diff.added.length, 'new observation')}, ${plural(diff.removed.length, 'removed')}, ${plural(diff.rescored.length, 're-scored')} (version ${diff.fromVersion} → ${diff.toVersion}).`}
      </p>
      {diff.added.length > 0 && (
        <details>
          <summary>New ({diff.added.length})</summary>
          <ul aria-label="New observations">
            {diff.added.map((a) => (
              <li key={a.id}>{openButton(a.id, ` (${formatScore(a.score)})`)}</li>
            ))}
          </ul>
        </details>
      )}
      {diff.rescored.length > 0 && (
        <details>
          <summary>Re-scored ({diff.rescored.length})</summary>
          <ul aria-label="Re-scored observations">
            {diff.rescored.map((r) => (
              <li key={r.id}>{openButton(r.id, ` (${formatScore(r.before)} → ${formatScore(r.after)})`)}</li>
            ))}
          </ul>
        </details>
      )}
      {diff.removed.length > 0 && (
        <details>
          <summary>Removed ({diff.removed.length})</summary>
          <ul aria-label="Removed observations">
            {diff.removed.map((r) => (
              <li key={r.id}>
                {r.id} ({actorName.get(r.actor) ?? r.actor}, {formatScore(r.score)})
              </li>
            ))}
          </ul>
        </details>
      )}
      {diff.actors.length > 0 && (
        <table className="what-changed-table" aria-label="Mean score by actor">
          <thead>
            <tr>
              <th scope="col">Actor</th>
              <th scope="col">Mean before</th>
              <th scope="col">Mean now</th>
              <th scope="col">Moved</th>
            </tr>
          </thead>
          <tbody>
            {diff.actors.map((a) => (
              <tr key={a.actor}>
                <th scope="row">{actorName.get(a.actor) ?? a.actor}</th>
                <td>{a.meanBefore === null ? '—' : signed2(a.meanBefore)}</td>
                <td>{a.meanAfter === null ? '—' : signed2(a.meanAfter)}</td>
                <td>
                  {a.shift === null
                    ? a.meanAfter === null
                      ? 'no longer in the data'
                      : 'new actor'
                    : signed2(a.shift)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ChangelogSince entries={log} />
    </section>
  );
}
