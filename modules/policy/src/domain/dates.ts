/** Calendar dates as ISO strings `YYYY-MM-DD`, computed in UTC so the server's time zone never shifts a day. */

export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const parse = (s: string) => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};
const fmt = (date: Date) => date.toISOString().slice(0, 10);

/** Adds days (negative to go back). */
export function addDays(date: string, days: number): string {
  const { y, m, d } = parse(date);
  return fmt(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Last day of a month (month 1–12). */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Adds calendar months, clamping to the last day of the target month (DECISIONS #2: 2021-01-31 + 1 month =
 * 2021-02-28), as SQL DATEADD does.
 */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parse(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const ty = first.getUTCFullYear();
  const tm = first.getUTCMonth() + 1;
  return fmt(new Date(Date.UTC(ty, tm - 1, Math.min(d, daysInMonth(ty, tm)))));
}

/** A `DD-MM` day of the year placed in `year`; 29-02 becomes 28-02 in a common year. */
export function dayMonthIn(dayMonth: string, year: number): string {
  const [d, m] = dayMonth.split('-').map(Number) as [number, number];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${p(m)}-${p(Math.min(d, daysInMonth(year, m)))}`;
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));
/** ISO strings compare in date order. */
export const maxDate = (a: string, b: string): string => (a >= b ? a : b);
export const minDate = (a: string, b: string): string => (a <= b ? a : b);

/** Exact age in whole years on `on` (one less when the birthday has not come yet that year; DECISIONS #1). */
export function ageOn(dob: string, on: string): number {
  const b = parse(dob);
  const o = parse(on);
  let age = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) age -= 1;
  return age;
}

/**
 * Today's date where the scheme runs: the server's local calendar day, so work done just after local midnight is
 * not dated the day before because UTC still is.
 */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
