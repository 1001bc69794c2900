/**
 * The closed set of business errors (Backstage's @backstage/errors shape). Services throw them; each transport
 * (GraphQL, REST, CLI) catches exactly once and maps `code` through {@link errorStatus}. The message is an i18n key
 * plus params, so every transport can translate it into the caller's language.
 */
export type ErrorCode =
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'RULE_VIOLATION'
  | 'LOCKED'
  | 'TOO_LARGE'
  | 'INTERNAL';

/** One problem with one field (or row/field of an import). */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `code` or `rows.12.parentCode`. */
  field: string;
  /** i18n key of the message, e.g. `kernel.error.required`. */
  key: string;
  params?: Record<string, unknown>;
}

export class MutuaError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** i18n key, e.g. `location.error.codeTaken`. */
    readonly key: string,
    readonly params: Record<string, unknown> = {},
    readonly problems: FieldProblem[] = [],
  ) {
    super(`${code}: ${key}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = new.target.name;
  }
}

/** Bad input: names the field(s) and how to fix them. */
export class InputError extends MutuaError {
  constructor(key: string, params: Record<string, unknown> = {}, problems: FieldProblem[] = []) {
    super('BAD_INPUT', key, params, problems);
  }
  /** An input error about fields; the message summarises the first problem. */
  static fields(problems: FieldProblem[]): InputError {
    const first = problems[0];
    return new InputError(
      first?.key ?? 'kernel.error.badInput',
      { ...(first?.params ?? {}), field: first?.field },
      problems,
    );
  }
}
export class NotFoundError extends MutuaError {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', 'kernel.error.notFound', { entity, id });
  }
}
export class ForbiddenError extends MutuaError {
  constructor(right?: string, key = 'kernel.error.forbidden') {
    super('FORBIDDEN', key, right ? { right } : {});
  }
}
export class UnauthenticatedError extends MutuaError {
  constructor(key = 'kernel.error.unauthenticated') {
    super('UNAUTHENTICATED', key);
  }
}
export class ConflictError extends MutuaError {
  constructor(key: string, params: Record<string, unknown> = {}, problems: FieldProblem[] = []) {
    super('CONFLICT', key, params, problems);
  }
}
/** A domain rule refused the operation; `problems` carry the reasons (e.g. hook vetoes). */
export class RuleViolation extends MutuaError {
  constructor(key: string, params: Record<string, unknown> = {}, problems: FieldProblem[] = []) {
    super('RULE_VIOLATION', key, params, problems);
  }
}

/** The one mapping table: error code → HTTP status. */
export function errorStatus(code: ErrorCode): number {
  switch (code) {
    case 'BAD_INPUT':
    case 'RULE_VIOLATION':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'TOO_LARGE':
      return 413;
    case 'LOCKED':
      return 429;
    default:
      return 500;
  }
}

/** PostgreSQL unique violation (same code on PGlite and PostgreSQL). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** PostgreSQL data exception (class 22: a value of the wrong type, too long, out of range, …). */
export function isDataException(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | undefined;
  return String(e?.code ?? e?.cause?.code ?? '').startsWith('22');
}

/**
 * A problem for every string inside `value` (plain objects and arrays, recursively) holding a NUL character, which
 * PostgreSQL text cannot store: such input is refused up front instead of failing in the database.
 */
export function nulProblems(value: unknown, field = ''): FieldProblem[] {
  if (typeof value === 'string')
    return value.includes('\u0000') ? [{ field: field || 'body', key: 'kernel.error.nulCharacter' }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulProblems(v, field ? `${field}.${i}` : String(i)));
  if (value && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return Object.entries(value).flatMap(([k, v]) => nulProblems(v, field ? `${field}.${k}` : k));
  }
  return [];
}
