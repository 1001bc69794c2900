import { formatMoney } from '@mutua/web-kernel';

/** An amount (decimal string) in the user's language with 2 decimals (the kernel's `formatMoney`). */
export const money = formatMoney;

/** A decimal string with its decimals kept, the decimal mark of the user's language (index, percentages). */
export function decimal(v: string, lang: string): string {
  const dec = new Intl.NumberFormat(lang, { minimumFractionDigits: 1 }).format(1.5).charAt(1);
  return v.replace('.', dec);
}

/** "October 2026" in the user's language (no time zone: the month is built in UTC). */
export function monthName(year: number, month: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/** The month before `today`, as `YYYY-MM` (the month a batch usually closes). */
export function previousMonth(today: Date = new Date()): string {
  const y = today.getFullYear();
  const m = today.getMonth(); // 0-based: this is already the previous month's 1-based number
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

/** `YYYY-MM` → { year, month }, or null when the text is not a month. */
export function parseMonth(v: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(v.trim());
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
}
