// The benchmark's baseline: the page a careful developer would write with the same packages and no
// engine — fetch the JSON, keep filters in useState, draw every raw observation of each selected actor
// as a Recharts line with dots and animation off, no downsampling, no worker, no validation.
// Built only by `npm run bench` (scripts/bench.ts); never part of the app.
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

interface Row {
  id: string;
  date: string;
  actor: string;
  theme: string;
  score: number;
}
interface Data {
  actors: { id: string; name: string; color: string }[];
  themes: { id: string; label: string }[];
  observations: Row[];
}

const params = new URLSearchParams(window.location.search);
const dataUrl = params.get('data') ?? '../data/stances.json';
const actorIds = params.get('actors')?.split(',') ?? null;
const formatDate = (t: number) => new Date(t).toISOString().slice(0, 7);

function Page() {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [themes, setThemes] = useState<Set<string> | null>(null);

  useEffect(() => {
    fetch(dataUrl)
      .then((r) => r.json() as Promise<Data>)
      .then((d) => {
        setData(d);
        setThemes(new Set(d.themes.map((t) => t.id)));
      })
      .catch((e: unknown) => setError(String(e)));
  }, []);

  const series = useMemo(() => {
    if (!data || !themes) return [];
    const actors = data.actors.filter((a) => actorIds === null || actorIds.includes(a.id));
    return actors.map((actor) => ({
      actor,
      points: data.observations
        .filter((o) => o.actor === actor.id && themes.has(o.theme))
        .map((o) => ({ t: new Date(o.date).getTime(), score: o.score }))
        .sort((a, b) => a.t - b.t),
    }));
  }, [data, themes]);

  if (error) return <p role="alert">{error}</p>;
  if (!data || !themes) return <p role="status">Loading…</p>;
  const toggle = (id: string) => {
    const next = new Set(themes);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setThemes(next);
  };
  return (
    <main style={{ display: 'flex', gap: 16, fontFamily: 'system-ui', padding: 16 }}>
      <fieldset style={{ flex: '0 0 200px' }}>
        <legend>Themes</legend>
        {data.themes.map((t) => (
          <label key={t.id} style={{ display: 'block' }}>
            <input type="checkbox" checked={themes.has(t.id)} onChange={() => toggle(t.id)} /> {t.label}
          </label>
        ))}
      </fieldset>
      <figure style={{ flex: 1, margin: 0 }}>
        <ResponsiveContainer width="100%" height={420}>
          <LineChart>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="t"
              domain={['dataMin', 'dataMax']}
              tickFormatter={formatDate}
              allowDuplicatedCategory={false}
            />
            <YAxis type="number" domain={[-3, 3]} />
            <Tooltip labelFormatter={(t) => formatDate(Number(t))} />
            <Legend />
            {series.map((s) => (
              <Line
                key={s.actor.id}
                className="series-line"
                data={s.points}
                dataKey="score"
                name={s.actor.name}
                stroke={s.actor.color}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
