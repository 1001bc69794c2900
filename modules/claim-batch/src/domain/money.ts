/**
 * Exact money: integer cents as bigint. Every division rounds half away from zero (half-up for the non-negative
 * amounts of the batch), the rounding of DECISIONS #18.
 */
import type { Cents } from './types.js';

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** "12.3" → 1230n. Throws RangeError for anything but a decimal with at most two places. */
export function toCents(decimal: string): Cents {
  const m = DECIMAL.exec(decimal.trim());
  if (!m) throw new RangeError(`not a money amount: ${decimal}`);
  const abs = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -abs : abs;
}

/** 1230n → "12.30". */
export const formatCents = (c: Cents): string => formatRatio(c, 1n, 2, 2);

/** "12.5" (percent, 0–100, two places) → 1250n basis points of a hundredth of a percent (10000n = 100 %). */
export function percentBasisPoints(percent: string): bigint {
  const bp = toCents(percent);
  if (bp < 0n || bp > 10000n) throw new RangeError(`not a percentage 0–100: ${percent}`);
  return bp;
}

/** n / d rounded half away from zero; d > 0. */
export function roundDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r2 = 2n * (n % d);
  if (r2 >= d) return q + 1n;
  if (-r2 >= d) return q - 1n;
  return q;
}

/**
 * num / den as a decimal string with `decimals` places, rounded half away from zero; `shift` places of the
 * numerator are already decimals (2 for cents). formatRatio(5096n, 8000n, 0, 4) = "0.6370".
 */
export function formatRatio(num: bigint, den: bigint, shift: number, decimals: number): string {
  const scaled = roundDiv(num * 10n ** BigInt(decimals), den * 10n ** BigInt(shift));
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${neg ? '-' : ''}${int}${frac}`;
}

/** A quantity or count with at most two decimals, in hundredths (2.5 → 250n). */
export const hundredths = (q: number): bigint => BigInt(Math.round(q * 100));

// Whole quantities are the rule: reuse their bigints instead of allocating one per line.
const SMALL = Array.from({ length: 1001 }, (_, i) => BigInt(i));

/** Unit price × quantity, rounded to cents. */
export function amountOf(unitPrice: Cents, quantity: number): Cents {
  if (Number.isInteger(quantity) && quantity >= 0 && quantity <= 1000) return unitPrice * SMALL[quantity]!;
  return roundDiv(unitPrice * hundredths(quantity), 100n);
}
