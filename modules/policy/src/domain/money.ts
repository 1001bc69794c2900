/**
 * Exact money: amounts travel as decimal strings (`"1500.50"`) and are computed as integer cents (bigint), never as
 * floats (ARCHITECTURE.md "Data conventions").
 */

const DECIMAL = /^-?\d{1,16}(\.\d{1,2})?$/;

/** Cents of a decimal with at most two decimals; null for null, empty or malformed input. */
export function toCents(value: string | number | null | undefined): bigint | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  if (!DECIMAL.test(s)) return null;
  const negative = s.startsWith('-');
  const [int, frac = ''] = (negative ? s.slice(1) : s).split('.');
  const c = BigInt(int!) * 100n + BigInt(frac.padEnd(2, '0'));
  return negative ? -c : c;
}

/** Cents of an amount, 0 when not set. */
export const centsOr0 = (value: string | number | null | undefined): bigint => toCents(value) ?? 0n;

/** The decimal string of an amount in cents, always with two decimals (`150050n` → `"1500.50"`). */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** `amount × percent / 100`, percent given in hundredths (numeric(5,2) cents), rounded half-up to the cent. */
export function percentOf(amountCents: bigint, percentHundredths: bigint): bigint {
  const num = amountCents * percentHundredths;
  const sign = num < 0n ? -1n : 1n;
  const abs = num < 0n ? -num : num;
  return sign * ((abs + 5000n) / 10000n);
}

export const maxBig = (a: bigint, b: bigint): bigint => (a > b ? a : b);
