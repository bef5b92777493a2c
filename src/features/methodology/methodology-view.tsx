import type { DatasetMeta } from '../../domain/dataset-index';
import { Markdown } from '../../ui/markdown';
import { useDatasetCoverage, useDatasetFacts, useSourceCounts } from '../../data/stance-queries';
import { formatPartialDate } from '../../domain/dates';
import methodology from '../../../docs/methodology.md?raw';
import codebook from '../../../docs/codebook.md?raw';
import analysis from '../../../docs/analysis.md?raw';
import type { DatePrecision } from '../../domain/schema';

const precisionOf = (date: string): DatePrecision =>
  date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';

/** Observations per actor and per kind of source, the span of the open dataset and its key events. */
function CoverageSection({ dataset }: { dataset: DatasetMeta }) {
  const c = useDatasetCoverage().data;
  if (!c) return null;
  const when = (d: string | null) => (d ? formatPartialDate(d, precisionOf(d)) : '—');
  const keyEvents = `${dataset.events.length} key event${dataset.events.length === 1 ? '' : 's'}`;
  return (
    <section id="coverage" aria-labelledby="coverage-title">
      <h3 id="coverage-title">Coverage</h3>
      <p>
        {c.total} observations from {when(c.first)} to {when(c.last)}, and {keyEvents} drawn on the chart.
      </p>
      <div className="table-scroll">
        <table aria-label="Observations per actor">
          <thead>
            <tr>
              <th scope="col">Actor</th>
              <th scope="col">Observations</th>
              <th scope="col">Statements</th>
              <th scope="col">Actions</th>
              <th scope="col">First</th>
              <th scope="col">Last</th>
            </tr>
          </thead>
          <tbody>
            {c.actors.map((a) => (
              <tr key={a.actor}>
                <th scope="row">{a.name}</th>
                <td>{a.total}</td>
                <td>{a.statements}</td>
                <td>{a.actions}</td>
                <td>{when(a.first)}</td>
                <td>{when(a.last)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table aria-label="Sources by type">
          <thead>
            <tr>
              <th scope="col">Type of source</th>
              <th scope="col">Sources</th>
              <th scope="col">Observations</th>
            </tr>
          </thead>
          <tbody>
            {c.sourceTypes.map((t) => (
              <tr key={t.type}>
                <th scope="row">{t.type}</th>
                <td>{t.sources}</td>
                <td>{t.observations}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Web sources are cited by title, outlet, publication date and link; the repository keeps no article
        text, only the speaker’s own words as the report quotes them (at most 40 words). Wire copy is a report
        carried from a news agency (AP, Reuters, AFP…); official texts are transcripts and declarations in the
        speaker’s own words.
      </p>
    </section>
  );
}

/** What each version of the dataset added and corrected, newest first. */
function VersionsSection({ dataset }: { dataset: DatasetMeta }) {
  if (!dataset.changelog?.length) return null;
  return (
    <section id="versions" aria-labelledby="versions-title">
      <h3 id="versions-title">Versions</h3>
      {dataset.changelog.map((e) => (
        <section key={e.version} aria-label={`Version ${e.version}`}>
          <h4>
            Version {e.version} ({formatPartialDate(e.date, precisionOf(e.date))})
          </h4>
          {e.added.length > 0 && (
            <>
              <p>Added:</p>
              <ul aria-label={`Added in ${e.version}`}>
                {e.added.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
          {e.corrected.length > 0 && (
            <>
              <p>Corrected:</p>
              <ul aria-label={`Corrected in ${e.version}`}>
                {e.corrected.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </section>
  );
}

/** The Methodology page: how numbers are computed, the codebook, coverage, versions and the sources with their counts. */
export function MethodologyView({ dataset }: { dataset: DatasetMeta }) {
  const facts = useDatasetFacts().data;
  const counts = useSourceCounts().data ?? new Map<string, number>();
  return (
    <article className="methodology" aria-labelledby="methodology-title">
      <h2 id="methodology-title">Methodology</h2>
      <nav aria-label="On this page" className="toc">
        <a href="#how-computed">How the chart is computed</a> · <a href="#codebook">Codebook</a> ·{' '}
        <a href="#analysis">Analysis</a> · <a href="#coverage">Coverage</a> ·{' '}
        {dataset.changelog?.length ? (
          <>
            <a href="#versions">Versions</a> ·{' '}
          </>
        ) : null}
        <a href="#sources">Sources</a>
      </nav>
      <section id="how-computed">
        <Markdown source={methodology} headingOffset={2} />
      </section>
      <section id="codebook">
        <Markdown source={codebook} headingOffset={2} />
      </section>
      <section id="analysis">
        <Markdown source={analysis} headingOffset={2} />
      </section>
      <CoverageSection dataset={dataset} />
      <VersionsSection dataset={dataset} />
      <section id="sources" aria-labelledby="sources-title">
        <h3 id="sources-title">Sources</h3>
        <p>
          {dataset.title} v{dataset.version}: {facts ? facts.observationCount : '…'} observations from{' '}
          {dataset.sources.length} sources.
        </p>
        <div className="table-scroll">
          <table aria-label="Sources">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Outlet</th>
                <th scope="col">Published</th>
                <th scope="col">Observations</th>
              </tr>
            </thead>
            <tbody>
              {dataset.sources.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.url && /^https?:\/\//.test(s.url) ? (
                      <a href={s.url} rel="noreferrer noopener" target="_blank">
                        {s.title}
                      </a>
                    ) : (
                      s.title
                    )}
                    {s.note ? <div className="muted small">{s.note}</div> : null}
                  </td>
                  <td>{s.outlet ?? 'not stated'}</td>
                  <td>
                    {s.published ? formatPartialDate(s.published, precisionOf(s.published)) : 'not stated'}
                  </td>
                  <td>{counts.get(s.id) ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  );
}
