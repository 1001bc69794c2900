import type { FieldProblem } from './errors.js';

// Field checks of free text that several modules share. Messages use the calling module's keys
// (`<ns>.error.required`, `<ns>.error.tooLong`, `<ns>.error.email`, field names `<ns>.field.<field>`).

/** Trims a free-text value; blank becomes null, so "  " never reaches the database as a value. */
export function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = value.trim();
  return t === '' ? null : t;
}

/** Deliberately loose (openIMIS accepts any a@b.c); the point is to catch typos such as a missing @. */
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Text of at most `max` characters; blank is a problem only when `required`. */
export function checkText(
  ns: string,
  problems: FieldProblem[],
  field: string,
  value: string | null | undefined,
  max: number,
  required: boolean,
): void {
  const v = clean(value);
  if (v === null) {
    if (required) problems.push({ field, key: `${ns}.error.required`, params: { field: `${ns}.field.${field}` } });
    return;
  }
  if (v.length > max)
    problems.push({ field, key: `${ns}.error.tooLong`, params: { field: `${ns}.field.${field}`, max } });
}

/** An optional e-mail address of at most `max` characters. */
export function checkEmail(
  ns: string,
  problems: FieldProblem[],
  field: string,
  value: string | null | undefined,
  max: number,
): void {
  const before = problems.length;
  checkText(ns, problems, field, value, max, false);
  const v = clean(value);
  if (problems.length === before && v !== null && !EMAIL_RE.test(v)) {
    problems.push({ field, key: `${ns}.error.email`, params: { field: `${ns}.field.${field}` } });
  }
}

/** A user's search text made literal inside a LIKE pattern: `%`, `_` and `\` match themselves. */
export const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
