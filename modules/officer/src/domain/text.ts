import { checkText, clean, type FieldProblem } from '@mutua/kernel';

/** Longest e-mail address of an officer or a claim administrator (openIMIS EmailId, DOMAIN.md §2.1). */
export const EMAIL_MAX = 200;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** An optional date field: when given, a real YYYY-MM-DD date. */
export function checkDate(ns: string, problems: FieldProblem[], field: string, value: string | null | undefined): void {
  const v = clean(value);
  if (v !== null && !isIsoDate(v))
    problems.push({ field, key: `${ns}.error.date`, params: { field: `${ns}.field.${field}` } });
}

/** A code: required, at most `max` characters, no whitespace inside (codes are typed on phones and in imports). */
export function checkCode(
  ns: string,
  problems: FieldProblem[],
  field: string,
  value: string | null | undefined,
  max: number,
) {
  const before = problems.length;
  checkText(ns, problems, field, value, max, true);
  if (problems.length === before && /\s/.test(clean(value) ?? ''))
    problems.push({ field, key: `${ns}.error.codeSpaces` });
}
