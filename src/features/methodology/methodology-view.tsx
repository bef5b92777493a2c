import type { Dataset } from '../../domain/schema';
import { Markdown } from '../../ui/markdown';
import { formatPartialDate } from '../../domain/dates';
import methodology from '../../../docs/methodology.md?raw';
import codebook from '../../../docs/codebook.md?raw';
import analysis from '../../../docs/analysis.md?raw';

function sourceCounts(dataset: Dataset): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of dataset.observations) {
    if (o.sourceId) counts.set(o.sourceId, (counts.get(o.sourceId) ?? 0) + 1);
  }
  return counts;
}

/** The Methodology page: how numbers are computed, the codebook, and the sources with their counts. */
export function MethodologyView({ dataset }: { dataset: Dataset }) {
  const counts = sourceCounts(dataset);
  return (
    <article className="methodology" aria-labelledby="methodology-title">
      <h2 id="methodology-title">Methodology</h2>
      <nav aria-label="On this page" className="toc">
        <a href="#how-computed">How the chart is computed</a> · <a href="#codebook">Codebook</a> ·{' '}
        <a href="#analysis">Analysis</a> · <a href="#sources">Sources</a>
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
      <section id="sources" aria-labelledby="sources-title">
        <h3 id="sources-title">Sources</h3>
        <p>
          {dataset.title} v{dataset.version}: {dataset.observations.length} observations from{' '}
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
                    {s.published
                      ? formatPartialDate(
                          s.published,
                          s.published.length === 10 ? 'day' : s.published.length === 7 ? 'month' : 'year',
                        )
                      : 'not stated'}
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
