import { observationSchema, type Dataset, type Observation } from '../../domain/schema';
import type { Problem } from '../../domain/validate';
import { fatalResult, type ImportResult } from './import-types';
import { checkShell, entryName, issueProblems } from './json-checks';
import { isRecord } from '../../lib/is-record';

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

/** The sentence for a file with a wrong or missing schemaVersion. */
function versionSentence(raw: Record<string, unknown>): string {
  return 'schemaVersion' in raw
    ? `The file has schemaVersion ${cellText(raw.schemaVersion).slice(0, 40)}, but this app reads data contract v1 ("schemaVersion": 1).`
    : 'The file has no schemaVersion, so it is not a Stance Tracker dataset (this app reads data contract v1: "schemaVersion": 1).';
}

const EMPTY_SENTENCE = 'The dataset is empty: it holds no observations, so there is nothing to plot.';

/** One sentence for the problems that stop a file from opening; the dialog lists each of them. */
function fatalSentence(raw: Record<string, unknown>, structural: Problem[]): string {
  const versionWrong = structural.some((p) => p.path === 'schemaVersion');
  const others = structural.filter((p) => p.path !== 'schemaVersion');
  if (others.length === 0) return versionSentence(raw);
  if (
    !versionWrong &&
    others.length === 1 &&
    others[0]!.path === 'observations' &&
    Array.isArray(raw.observations)
  )
    return EMPTY_SENTENCE;
  const n = others.length;
  const first = others
    .slice(0, 3)
    .map((p) => `${p.path}: ${p.message}`)
    .join('; ');
  const rest = n > 3 ? `; and ${n - 3} more` : '';
  const what = `${n} problem${n === 1 ? '' : 's'} outside its observations (${first}${rest})`;
  return versionWrong
    ? `${versionSentence(raw)} It also has ${what}. All are listed, so they can be fixed in one go.`
    : `The file cannot be opened: it has ${what}. All are listed, so they can be fixed in one go.`;
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
  // Every part is checked even when an earlier one fails, so the list holds every problem at once.
  const shell = checkShell(raw);
  const structural = [...shell.problems];
  const list = raw.observations;
  const items: unknown[] = Array.isArray(list) ? list : [];
  if (list === undefined)
    structural.push({ path: 'observations', message: 'is missing (a list of observations)' });
  else if (!Array.isArray(list))
    structural.push({ path: 'observations', message: 'must be a list of observations' });
  else if (list.length === 0)
    structural.push({ path: 'observations', message: 'must hold at least one observation' });

  const { actors, themes, sources, events } = shell.listed;
  const seen = new Set<string>();
  const valid: Observation[] = [];
  const problems: Problem[] = [];
  const skippedRows: string[][] = [];

  items.forEach((item, index) => {
    const at = entryName('observation', item, index);
    const own: Problem[] = [];
    const parsed = observationSchema.safeParse(item);
    if (!parsed.success) {
      own.push(...issueProblems(item, at, parsed.error.issues));
    } else {
      const o = parsed.data;
      if (seen.has(o.id))
        own.push({ path: `${at}: id`, message: `duplicate id "${o.id}" (an earlier observation has it)` });
      // A list that is not a list at all is one problem, not one per observation that refers to it.
      if (actors && !actors.has(o.actor))
        own.push({ path: `${at}: actor`, message: `unknown actor "${o.actor}" (not in the actors list)` });
      if (themes && !themes.has(o.theme))
        own.push({ path: `${at}: theme`, message: `unknown theme "${o.theme}" (not in the themes list)` });
      if (sources && o.sourceId !== null && !sources.has(o.sourceId))
        own.push({ path: `${at}: sourceId`, message: `unknown source "${o.sourceId}"` });
      if (events && o.eventId !== undefined && !events.has(o.eventId))
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

  const total = items.length;
  if (structural.length || !shell.head) {
    // Nothing opens, so nothing is "skipped": the list names every problem, observations' included.
    return fatalResult(fatalSentence(raw, structural), [...structural, ...problems], total);
  }
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
  const { head } = shell;
  const dataset: Dataset = {
    ...head,
    actors: shell.actors,
    themes: shell.themes,
    sources: shell.sources,
    events: shell.events,
    observations: valid,
  };
  return { dataset, problems, total, skippedCount: skippedRows.length, skipped, fatal: null, notices: [] };
}
