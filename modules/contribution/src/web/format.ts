import { useEffect, useState } from 'react';

export { formatMoney } from '@mutua/web-kernel';

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
