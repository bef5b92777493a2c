import * as z from 'zod/mini';
import {
  actorSchema,
  datasetSchema,
  eventSchema,
  sourceSchema,
  themeSchema,
  type Actor,
  type Dataset,
  type Source,
  type Theme,
} from '../../domain/schema';
import { formatPath, type Problem } from '../../domain/validate';
import { isRecord } from '../../lib/is-record';

// The parts of a dataset file outside its observations, each checked on its own so that one broken
// part does not hide the problems of the others: every problem is found in one pass.

/** Everything but the five lists; new optional fields of the contract are checked here too. */
const headSchema = z.omit(datasetSchema, {
  actors: true,
  themes: true,
  sources: true,
  events: true,
  observations: true,
});

type Head = z.infer<typeof headSchema>;
type DatasetEvent = Dataset['events'][number];
type ListKey = 'actors' | 'themes' | 'sources' | 'events';

export interface CheckedShell {
  /** The top-level fields, or null when any of them is wrong. */
  head: Head | null;
  actors: Actor[];
  themes: Theme[];
  sources: Source[];
  events: DatasetEvent[];
  /**
   * Every id the file lists, valid entry or not: a reference to a listed but broken entry is not also
   * reported as unknown (one mistake, one problem). Null for a list that is missing or not a list, so
   * references to it are not checked one by one.
   */
  listed: Record<ListKey, Set<string> | null>;
  /** Problems outside the observations, in file order of the parts: any of them stops the file opening. */
  problems: Problem[];
}

/** "actor trump", or "actor #3" for an entry without a usable id. */
export function entryName(noun: string, item: unknown, index: number): string {
  const id = isRecord(item) && typeof item.id === 'string' && item.id ? item.id.slice(0, 120) : '';
  return `${noun} ${id || `#${index + 1}`}`;
}

/** What is wrong with one field, in words: zod says "Invalid input" for a field that is not there at all. */
export function issueProblems(item: unknown, at: string, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    const field = issue.path.length ? formatPath(issue.path) : '(whole entry)';
    let value: unknown = item;
    for (const key of issue.path)
      value =
        isRecord(value) || Array.isArray(value) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    const missing = issue.code === 'invalid_type' && value === undefined;
    return { path: `${at}: ${field}`, message: missing ? 'is missing' : issue.message };
  });
}

function checkList<T>(
  raw: Record<string, unknown>,
  key: ListKey,
  noun: string,
  schema: z.ZodMiniType<T>,
  problems: Problem[],
  listed: CheckedShell['listed'],
): T[] {
  const list = raw[key];
  if (list === undefined) {
    problems.push({ path: key, message: `is missing (a list of ${key})` });
    return [];
  }
  if (!Array.isArray(list)) {
    problems.push({ path: key, message: `must be a list of ${key}` });
    return [];
  }
  const ids = new Set<string>();
  listed[key] = ids;
  if (list.length === 0 && (key === 'actors' || key === 'themes')) {
    problems.push({ path: key, message: `must list at least one ${noun}` });
  }
  const valid: T[] = [];
  const seen = new Set<string>();
  list.forEach((item: unknown, index) => {
    const at = entryName(noun, item, index);
    if (isRecord(item) && typeof item.id === 'string') ids.add(item.id);
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      problems.push(...issueProblems(item, at, parsed.error.issues));
      return;
    }
    const id = (parsed.data as { id: string }).id;
    if (seen.has(id)) {
      problems.push({ path: `${at}: id`, message: `duplicate id "${id}" (an earlier ${noun} has it)` });
      return;
    }
    seen.add(id);
    valid.push(parsed.data);
  });
  return valid;
}

/** Checks the top-level fields and the actors, themes, sources and events, and how they refer to each other. */
export function checkShell(raw: Record<string, unknown>): CheckedShell {
  const problems: Problem[] = [];
  const head = headSchema.safeParse(raw);
  if (!head.success) {
    for (const p of issueProblems(raw, '', head.error.issues))
      problems.push({ path: p.path.slice(2), message: p.message });
  }
  const listed: CheckedShell['listed'] = { actors: null, themes: null, sources: null, events: null };
  const actors = checkList(raw, 'actors', 'actor', actorSchema, problems, listed);
  const themes = checkList(raw, 'themes', 'theme', themeSchema, problems, listed);
  const sources = checkList(raw, 'sources', 'source', sourceSchema, problems, listed);
  const events = checkList(raw, 'events', 'event', eventSchema, problems, listed);
  for (const s of sources) {
    // Only http(s) links may become links in the app; javascript: or data: URLs are refused.
    if (s.url !== null && !/^https?:\/\//i.test(s.url))
      problems.push({ path: `source ${s.id}: url`, message: 'must start with http:// or https://' });
  }
  for (const e of events) {
    if (listed.sources && !listed.sources.has(e.sourceId))
      problems.push({
        path: `event ${e.id}: sourceId`,
        message: `unknown source "${e.sourceId}" (not in the sources list)`,
      });
  }
  return { head: head.success ? head.data : null, actors, themes, sources, events, listed, problems };
}
