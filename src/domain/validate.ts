import { datasetSchema, type Dataset, type ZodError } from './schema';
import { isRecord } from '../lib/is-record';

/** One thing wrong with a dataset, located by a dotted path such as `observations[3].score`. */
export interface Problem {
  path: string;
  message: string;
}

export type ValidationResult =
  { ok: true; dataset: Dataset; problems: [] } | { ok: false; dataset: null; problems: Problem[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

/** Names an observation by its id when it has one, so messages read "observation trump-001: score …". */
function describe(raw: unknown, path: ReadonlyArray<PropertyKey>): string {
  const [collection, index, ...rest] = path;
  if (collection === 'observations' && typeof index === 'number' && isRecord(raw)) {
    const list = raw.observations;
    const item = Array.isArray(list) ? (list[index] as unknown) : undefined;
    const itemId = isRecord(item) && typeof item.id === 'string' ? item.id : `#${index + 1}`;
    return `observation ${itemId}: ${rest.length ? formatPath(rest) : '(whole entry)'}`;
  }
  return formatPath(path);
}

export function zodProblems(raw: unknown, error: ZodError): Problem[] {
  return error.issues.map((issue) => ({
    path: describe(raw, issue.path),
    message: issue.message,
  }));
}

/** Checks that go beyond one record's shape: unique ids and references to defined entries. */
export function crossCheck(dataset: Dataset): Problem[] {
  const problems: Problem[] = [];
  const dupes = (label: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const x of ids) {
      if (seen.has(x)) problems.push({ path: label, message: `duplicate id "${x}"` });
      seen.add(x);
    }
  };
  dupes(
    'actors',
    dataset.actors.map((a) => a.id),
  );
  dupes(
    'themes',
    dataset.themes.map((t) => t.id),
  );
  dupes(
    'sources',
    dataset.sources.map((s) => s.id),
  );
  dupes(
    'events',
    dataset.events.map((e) => e.id),
  );
  const obsSeen = new Set<string>();
  for (const o of dataset.observations) {
    if (obsSeen.has(o.id))
      problems.push({ path: `observation ${o.id}: id`, message: `duplicate id "${o.id}"` });
    obsSeen.add(o.id);
  }

  const actors = new Set(dataset.actors.map((a) => a.id));
  const themes = new Set(dataset.themes.map((t) => t.id));
  const sources = new Set(dataset.sources.map((s) => s.id));
  const events = new Set(dataset.events.map((e) => e.id));
  for (const e of dataset.events) {
    if (!sources.has(e.sourceId))
      problems.push({ path: `event ${e.id}: sourceId`, message: `unknown source "${e.sourceId}"` });
  }
  for (const o of dataset.observations) {
    const at = `observation ${o.id}`;
    if (!actors.has(o.actor)) problems.push({ path: `${at}: actor`, message: `unknown actor "${o.actor}"` });
    if (!themes.has(o.theme)) problems.push({ path: `${at}: theme`, message: `unknown theme "${o.theme}"` });
    if (o.sourceId !== null && !sources.has(o.sourceId))
      problems.push({ path: `${at}: sourceId`, message: `unknown source "${o.sourceId}"` });
    if (o.eventId !== undefined && !events.has(o.eventId))
      problems.push({ path: `${at}: eventId`, message: `unknown event "${o.eventId}"` });
  }
  return problems;
}

/** Parses unknown JSON into a Dataset, or lists every problem found (shape first, then references). */
export function validateDataset(raw: unknown): ValidationResult {
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, dataset: null, problems: zodProblems(raw, parsed.error) };
  const problems = crossCheck(parsed.data);
  if (problems.length) return { ok: false, dataset: null, problems };
  return { ok: true, dataset: parsed.data, problems: [] };
}
