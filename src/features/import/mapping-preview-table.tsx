import { useMemo } from 'react';
import { checkMapping, mapCsv, type CsvMapping } from './csv-mapping';
import type { PreviewLayout } from './csv-preview';
import { problemText } from './import-types';

function formatScore(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r > 0 ? `+${r}` : r < 0 ? `−${Math.abs(r)}` : '0';
}

/** The first rows as they will be read with the current mapping, so a flipped sign or a bad row shows before Open. */
export function MappingPreviewTable({
  name,
  layout,
  mapping,
}: {
  name: string;
  layout: PreviewLayout;
  mapping: CsvMapping;
}) {
  const issues = useMemo(() => checkMapping(mapping, layout.header), [mapping, layout.header]);
  const mapped = useMemo(() => {
    if (issues.length) return null;
    return mapCsv({ header: layout.header, rows: layout.rows, lines: layout.lines }, mapping, {
      name,
      today: '2000-01-01',
    });
  }, [issues, layout, mapping, name]);
  const byId = new Map(mapped?.dataset?.observations.map((o) => [o.id, o]) ?? []);
  const actorName = new Map(mapped?.dataset?.actors.map((a) => [a.id, a.name]) ?? []);
  const themeLabel = new Map(mapped?.dataset?.themes.map((t) => [t.id, t.label]) ?? []);
  const problemsByRow = new Map<number, string[]>();
  for (const p of mapped?.problems ?? []) {
    const m = /^row (\d+)/.exec(p.path);
    if (!m) continue;
    const list = problemsByRow.get(Number(m[1])) ?? [];
    list.push(problemText(p).replace(/^row \d+: /, ''));
    problemsByRow.set(Number(m[1]), list);
  }
  const waiting = issues[0] ? `To see this row: ${issues[0].replace(/\.$/, '').toLowerCase()}.` : '';
  return (
    <div className="mapping-preview">
      <table>
        <caption>
          First {layout.rows.length} of {layout.rowCount.toLocaleString('en')} rows, as they will be read
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Date</th>
            <th scope="col">Actor</th>
            <th scope="col">Score in file</th>
            <th scope="col">Stance (−3…+3)</th>
            <th scope="col">Theme</th>
            <th scope="col">Kind</th>
          </tr>
        </thead>
        <tbody>
          {layout.rows.map((_, i) => {
            const line = layout.lines[i] ?? i + 2;
            const o = byId.get(`row-${line}`);
            const problems = problemsByRow.get(line);
            return (
              <tr key={line}>
                <th scope="row">{line}</th>
                {o ? (
                  <>
                    <td>{o.date}</td>
                    <td>
                      {actorName.get(o.actor) ?? o.actor}
                      {mapping.groupBy !== null && <span className="muted"> ({o.speaker})</span>}
                    </td>
                    <td>{o.originalScore}</td>
                    <td>{formatScore(o.score)}</td>
                    <td>{themeLabel.get(o.theme) ?? o.theme}</td>
                    <td>{o.kind}</td>
                  </>
                ) : (
                  <td colSpan={6} className="problem-cell">
                    {problems?.join('; ') ?? waiting}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
