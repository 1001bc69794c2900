/** A field problem: the field's path, an i18n key, its params. */
export interface Problem {
  field: string;
  key: string;
  params?: Record<string, unknown>;
}

/** Trims a free-text value; blank becomes null, so "  " never reaches the database as a value. */
export function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = value.trim();
  return t === '' ? null : t;
}

/** Deliberately loose (openIMIS accepts any a@b.c); the point is to catch typos such as a missing @. */
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Text of at most `max` characters, reported with the module's keys (`<ns>.error.required`, `<ns>.error.tooLong`). */
export function checkText(
  ns: string,
  problems: Problem[],
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

/** An optional e-mail address of at most 50 characters. */
/** Longest e-mail address of an officer or a claim administrator (openIMIS EmailId, DOMAIN.md §2.1). */
export const EMAIL_MAX = 200;

export function checkEmail(ns: string, problems: Problem[], field: string, value: string | null | undefined): void {
  const before = problems.length;
  checkText(ns, problems, field, value, EMAIL_MAX, false);
  const v = clean(value);
  if (problems.length === before && v !== null && !EMAIL_RE.test(v)) {
    problems.push({ field, key: `${ns}.error.email`, params: { field: `${ns}.field.${field}` } });
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** An optional date field: when given, a real YYYY-MM-DD date. */
export function checkDate(ns: string, problems: Problem[], field: string, value: string | null | undefined): void {
  const v = clean(value);
  if (v !== null && !isIsoDate(v))
    problems.push({ field, key: `${ns}.error.date`, params: { field: `${ns}.field.${field}` } });
}

/** A code: required, at most `max` characters, no whitespace inside (codes are typed on phones and in imports). */
export function checkCode(
  ns: string,
  problems: Problem[],
  field: string,
  value: string | null | undefined,
  max: number,
) {
  const before = problems.length;
  checkText(ns, problems, field, value, max, true);
  if (problems.length === before && /\s/.test(clean(value) ?? ''))
    problems.push({ field, key: `${ns}.error.codeSpaces` });
}
