import { useEffect, useState } from 'react';

/**
 * A decimal string as money in the user's language ("25 500,00" in French, "25,500.00" in English), without ever
 * going through a float: the integer part is formatted as a BigInt.
 */
export function formatMoney(decimal: string | null | undefined, language: string): string {
  if (decimal === null || decimal === undefined || decimal === '') return '';
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(decimal.trim());
  if (!m) return decimal;
  const locale = language.startsWith('fr') ? 'fr-FR' : 'en-GB';
  const int = new Intl.NumberFormat(locale).format(BigInt(m[2]!));
  const sep = locale === 'fr-FR' ? ',' : '.';
  return `${m[1]}${int}${sep}${(m[3] ?? '').padEnd(2, '0')}`;
}

/** Today's date as YYYY-MM-DD in the browser's calendar. */
export function todayLocal(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** `value`, once it stopped changing for `ms` (so the preview asks the server once per pause in typing). */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

export const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;
