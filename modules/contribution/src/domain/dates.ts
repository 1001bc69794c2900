/** Calendar dates as ISO strings `YYYY-MM-DD`, computed in UTC so the server's time zone never shifts a day. */

export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
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

/**
 * Adds calendar months, clamping to the last day of the target month (DECISIONS.md #2: 2021-01-31 + 1 month =
 * 2021-02-28).
 */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parse(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fmt(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))));
}

/** The later of two ISO dates (ISO strings compare in date order). */
export const maxDate = (a: string, b: string): string => (a >= b ? a : b);
/** The earlier of two ISO dates. */
export const minDate = (a: string, b: string): string => (a <= b ? a : b);

/**
 * Today's date where the scheme runs: the server's local calendar day (its TZ), so a payment recorded just after
 * local midnight is not "in the future" because UTC is still on the day before.
 */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
