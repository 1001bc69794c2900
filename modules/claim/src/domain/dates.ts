/** Calendar dates as ISO strings `YYYY-MM-DD`; they compare correctly as strings. */
export type IsoDate = string;

const DAY_MS = 86_400_000;

const parts = (d: IsoDate): [number, number, number] => [
  Number(d.slice(0, 4)),
  Number(d.slice(5, 7)),
  Number(d.slice(8, 10)),
];

const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

const iso = (y: number, m: number, d: number): IsoDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Days since 1970-01-01. */
export const dayNumber = (d: IsoDate): number => {
  const [y, m, day] = parts(d);
  return Date.UTC(y, m - 1, day) / DAY_MS;
};

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: IsoDate, b: IsoDate): number => dayNumber(b) - dayNumber(a);

/** Adds calendar months, clamping to the end of the month (DECISIONS.md #2: 2021-01-31 + 1 month = 2021-02-28). */
export function addMonths(d: IsoDate, months: number): IsoDate {
  if (months === 0) return d;
  const [y, m, day] = parts(d);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return iso(ny, nm, Math.min(day, daysInMonth(ny, nm)));
}

/** Exact age in whole years at `at` (DECISIONS.md #1): one less while the birthday has not come that year. */
export function ageAt(birthDate: IsoDate, at: IsoDate): number {
  const [by, bm, bd] = parts(birthDate);
  const [ty, tm, td] = parts(at);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Whether `d` is inside [from, to] (both inclusive; a null bound is open). */
export const within = (d: IsoDate, from: IsoDate | null | undefined, to: IsoDate | null | undefined): boolean =>
  (from == null || from <= d) && (to == null || d <= to);

export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = parts(s);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
