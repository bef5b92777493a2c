import * as z from 'zod/mini';
import { datasetSchema, observationSchema, type Dataset, type Observation } from '../../domain/schema';
import { crossCheck, zodProblems, type Problem } from '../../domain/validate';
import { fatalResult, type ImportResult } from './import-types';
import { isRecord } from '../../lib/is-record';

// Everything but the observations, which are checked one by one so the valid ones can still be opened.
const shellSchema = z.extend(z.omit(datasetSchema, { observations: true }), {
  observations: z.array(z.unknown()),
});

const SKIPPED_ROW_COLUMNS = [
  'id',
  'date',
  'datePrecision',
  'actor',
  'speaker',
  'theme',
  'kind',
  'score',
  'confidence',
  'summary',
  'quote',
  'sourceId',
  'eventId',
  'rationale',
] as const;

function cellText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    // A cycle or a throwing toJSON: the cell says what kind of value it was.
    return Object.prototype.toString.call(v);
  }
}

function describeJsonError(err: unknown): string {
  const reason = err instanceof Error ? err.message : String(err);
  const truncated = /end of (json )?input|unterminated|unexpected end/i.test(reason);
  return truncated
    ? `The file is not valid JSON: it ends too early (${reason}). It is probably truncated; download or export it again.`
    : `The file is not valid JSON (${reason}). Check that it is a Stance Tracker dataset and not another kind of file.`;
}

function describeVersion(raw: Record<string, unknown>): string | null {
  if (!('schemaVersion' in raw)) {
    return 'The file has no schemaVersion, so it is not a Stance Tracker dataset (this app reads data contract v1: "schemaVersion": 1).';
  }
  if (raw.schemaVersion !== 1) {
    return `The file has schemaVersion ${cellText(raw.schemaVersion).slice(0, 40)}, but this app reads data contract v1 ("schemaVersion": 1).`;
  }
  return null;
}

/**
 * Reads a dataset file's text: the whole dataset when it is valid, only its valid observations
 * (with the others listed and kept for download) when just some observations fail, or a clear
 * reason when nothing can be opened. Never throws.
 */
export function importJson(text: string): ImportResult {
  if (text.trim() === '') return fatalResult('The file is empty.');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return fatalResult(describeJsonError(err));
  }
  if (!isRecord(raw)) {
    return fatalResult(
      `The file holds a JSON ${Array.isArray(raw) ? 'array' : typeof raw}, not a dataset object with "schemaVersion": 1.`,
    );
  }
  const versionProblem = describeVersion(raw);
  if (versionProblem)
    return fatalResult(versionProblem, [
      { path: 'schemaVersion', message: 'must be 1 (this app reads data contract v1)' },
    ]);

  const list = raw.observations;
  if (Array.isArray(list) && list.length === 0) {
    return fatalResult('The dataset is empty: it holds no observations, so there is nothing to plot.');
  }
  const shell = shellSchema.safeParse(raw);
  if (!shell.success) {
    const problems = zodProblems(raw, shell.error);
    return fatalResult(
      `The file does not match the Stance Tracker data format: ${problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}${problems.length > 3 ? `; and ${problems.length - 3} more` : ''}.`,
      problems,
    );
  }
  const base = shell.data;
  // Problems outside observations (duplicate actor ids, events citing unknown sources) leave no sound part to open.
  const structural = crossCheck({ ...base, observations: [] });
  for (const s of base.sources) {
    if (s.url !== null && !/^https?:\/\//i.test(s.url))
      structural.push({ path: `source ${s.id}: url`, message: 'must start with http:// or https://' });
  }
  if (structural.length) {
    return fatalResult(
      `The dataset's actors, themes, sources or events are inconsistent: ${structural
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}.`,
      structural,
    );
  }

  const actors = new Set(base.actors.map((a) => a.id));
  const themes = new Set(base.themes.map((t) => t.id));
  const sources = new Set(base.sources.map((s) => s.id));
  const events = new Set(base.events.map((e) => e.id));
  const seen = new Set<string>();
  const valid: Observation[] = [];
  const problems: Problem[] = [];
  const skippedRows: string[][] = [];

  base.observations.forEach((item, index) => {
    const itemId =
      isRecord(item) && typeof item.id === 'string' && item.id ? item.id.slice(0, 120) : `#${index + 1}`;
    const at = `observation ${itemId}`;
    const own: Problem[] = [];
    const parsed = observationSchema.safeParse(item);
    if (!parsed.success) {
      for (const p of zodProblems(item, parsed.error)) {
        own.push({ path: `${at}: ${p.path === '(root)' ? '(whole entry)' : p.path}`, message: p.message });
      }
    } else {
      const o = parsed.data;
      if (seen.has(o.id))
        own.push({ path: `${at}: id`, message: `duplicate id "${o.id}" (an earlier observation has it)` });
      if (!actors.has(o.actor))
        own.push({ path: `${at}: actor`, message: `unknown actor "${o.actor}" (not in the actors list)` });
      if (!themes.has(o.theme))
        own.push({ path: `${at}: theme`, message: `unknown theme "${o.theme}" (not in the themes list)` });
      if (o.sourceId !== null && !sources.has(o.sourceId))
        own.push({ path: `${at}: sourceId`, message: `unknown source "${o.sourceId}"` });
      if (o.eventId !== undefined && !events.has(o.eventId))
        own.push({ path: `${at}: eventId`, message: `unknown event "${o.eventId}"` });
      if (own.length === 0) {
        seen.add(o.id);
        valid.push(o);
        return;
      }
    }
    problems.push(...own);
    const rec = isRecord(item) ? item : {};
    skippedRows.push([
      own.map((p) => `${p.path.slice(at.length + 2)}: ${p.message}`).join('; '),
      ...SKIPPED_ROW_COLUMNS.map((c) => cellText(rec[c]).slice(0, 32_000)),
    ]);
  });

  const total = base.observations.length;
  const skipped = { header: ['problem', ...SKIPPED_ROW_COLUMNS], rows: skippedRows };
  if (valid.length === 0) {
    return {
      ...fatalResult(
        `None of the ${total.toLocaleString('en')} observations can be opened.`,
        problems,
        total,
      ),
      skipped,
    };
  }
  const dataset: Dataset = { ...base, observations: valid };
  return { dataset, problems, total, skippedCount: skippedRows.length, skipped, fatal: null, notices: [] };
}
