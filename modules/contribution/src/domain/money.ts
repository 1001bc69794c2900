/**
 * Exact money for contributions: amounts travel as decimal strings (`"1500.50"`) and are added as integer cents
 * (bigint), never as floats (ARCHITECTURE.md "Data conventions").
 */

const DECIMAL = /^\d{1,16}(\.\d{1,2})?$/;

/** Cents of a non-negative decimal with at most two decimals (`"5"`, `"5.5"`, `"5.50"`); null when not one. */
export function toCents(value: unknown): bigint | null {
  if (typeof value === 'number') {
    // A number from JSON: accept it only when its text is a plain decimal with ≤ 2 decimals.
    if (!Number.isFinite(value)) return null;
    return toCents(String(value));
  }
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!DECIMAL.test(s)) return null;
  const [int, frac = ''] = s.split('.');
  return BigInt(int!) * 100n + BigInt(frac.padEnd(2, '0'));
}

/** The decimal string of an amount in cents, always with two decimals (`150050n` → `"1500.50"`). */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${(abs / 100n).toString()}.${frac}`;
}

/** Normalises a decimal string to two decimals; null when it is not a non-negative amount. */
export function normalizeAmount(value: unknown): string | null {
  const c = toCents(value);
  return c === null ? null : fromCents(c);
}

/** Largest amount numeric(18,2) holds. */
export const MAX_CENTS = 10n ** 18n - 1n;
