import type { Problem } from './types.js';

/** Trims a free-text value; blank becomes null, so "  " never reaches the database as a value. */
export function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = value.trim();
  return t === '' ? null : t;
}

/** The cleaned value; a blank one is reported when the field is required. */
function present(problems: Problem[], field: string, value: string | null | undefined, required: boolean) {
  const v = clean(value);
  if (v === null && required) {
    problems.push({ field, key: 'location.error.required', params: { field: `location.field.${field}` } });
  }
  return v;
}

/** Required text of at most `max` characters. */
export function checkText(
  problems: Problem[],
  field: string,
  value: string | null | undefined,
  max: number,
  required: boolean,
): void {
  const v = present(problems, field, value, required);
  if (v !== null && v.length > max) problems.push({ field, key: 'location.error.tooLong', params: { max } });
}

/** A code: required, at most `max` characters, no whitespace inside (codes are typed into CSV files and lookups). */
export function checkCode(problems: Problem[], field: string, value: string | null | undefined, max: number): void {
  const before = problems.length;
  checkText(problems, field, value, max, true);
  if (problems.length === before && /\s/.test(clean(value) ?? '')) {
    problems.push({ field, key: 'location.error.codeSpaces' });
  }
}

/** One of a closed list of codes. */
export function checkEnum(
  problems: Problem[],
  field: string,
  value: string | null | undefined,
  allowed: readonly string[],
  required: boolean,
): void {
  const v = present(problems, field, value, required);
  if (v !== null && !allowed.includes(v)) {
    problems.push({ field, key: 'location.error.notAllowed', params: { allowed: allowed.join(', ') } });
  }
}

/** A statistic: absent, or a whole number ≥ 0. */
export function checkCount(problems: Problem[], field: string, value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  if (!Number.isSafeInteger(value) || value < 0) problems.push({ field, key: 'location.error.notCount' });
}

/** Deliberately simple (one @, a dot in the domain, no spaces): the aim is catching typos, not RFC 5322. */
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}
