import { formatMoney } from '@mutua/web-kernel';
import type { TFunction } from 'i18next';

export const STATUSES = [2, 4, 1, 8, 16] as const;
export const SELECTIONS = [1, 2, 4, 8, 16] as const;
export const VISIT_TYPES = ['O', 'E', 'R'] as const;

/** An amount (decimal string) in the user's language, 2 decimals; empty when null (the kernel's `formatMoney`). */
export const money = formatMoney;

/** The translated rejection reason of a line, with its parameters (e.g. the end of a waiting period). */
export function reasonText(t: TFunction, code: number, params: Record<string, unknown> | null): string {
  return t(`claim.reason.${code}`, { ...(params ?? {}) });
}

/** A decimal string as integer cents (exact), 0 when empty. */
export function cents(v: string | null | undefined): number {
  if (!v) return 0;
  const neg = v.startsWith('-');
  const [int = '0', frac = ''] = v.replace(/^-/, '').split('.');
  const c = Number(int) * 100 + Number(`${frac}00`.slice(0, 2));
  return neg ? -c : c;
}

/** A quantity without its trailing zero decimals ("2.00" → "2", "1.50" → "1.5"). */
export function qty(v: string): string {
  return v.includes('.') ? v.replace(/\.?0+$/, '') : v;
}
