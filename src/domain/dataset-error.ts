import type { Problem } from './validate';

// The query layer's error type, without the schema: the page can show errors without loading zod.

export type DatasetErrorKind = 'http' | 'network' | 'json' | 'schema' | 'timeout';

/** A failure to load a dataset, with what went wrong in words a user can act on. */
export class DatasetError extends Error {
  readonly kind: DatasetErrorKind;
  readonly problems: Problem[];
  readonly status: number | undefined;

  constructor(kind: DatasetErrorKind, message: string, opts: { problems?: Problem[]; status?: number } = {}) {
    super(message);
    this.name = 'DatasetError';
    this.kind = kind;
    this.problems = opts.problems ?? [];
    this.status = opts.status;
  }
}

/** What crosses the worker boundary for an error (class instances do not survive structured clone). */
export interface DatasetErrorData {
  kind: DatasetErrorKind;
  message: string;
  problems: Problem[];
  status: number | undefined;
}

export function errorToData(err: DatasetError): DatasetErrorData {
  return { kind: err.kind, message: err.message, problems: err.problems, status: err.status };
}

export function errorFromData(data: DatasetErrorData): DatasetError {
  return new DatasetError(data.kind, data.message, { problems: data.problems, status: data.status });
}

const SHOWN_IN_MESSAGE = 3;

export function describeProblems(problems: Problem[], shown = SHOWN_IN_MESSAGE): string {
  const head = problems
    .slice(0, shown)
    .map((p) => `${p.path}: ${p.message}`)
    .join('; ');
  const rest = problems.length - shown;
  return rest > 0 ? `${head}; and ${rest} more` : head;
}
