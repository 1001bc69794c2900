/**
 * Money and quantities for the claim engine (DECISIONS.md #18: exact decimal, round half-up to cents at the end
 * of the line). Amounts cross the API as integer cents (`Cents`, safe integers); inside one line the engine works
 * in bigint "exact units" of 10⁻⁶ cent, which is exact for quantity (2 decimals) × price (cents) × percentage
 * (2 decimals).
 */

/** An amount in integer minor units (cents). */
export type Cents = number;

/** Exact units per cent inside a line computation. */
export const SCALE = 1_000_000n;
const HALF = SCALE / 2n;

/** Cents to exact units. */
export const exact = (c: Cents): bigint => BigInt(c) * SCALE;

/** Exact units to cents, half-up (half away from zero for negatives). */
export function toCents(x: bigint): Cents {
  return x >= 0n ? Number((x + HALF) / SCALE) : -Number((-x + HALF) / SCALE);
}

/** A quantity (at most 2 decimals) as integer hundredths. */
export const qtyHundredths = (qty: number): bigint => BigInt(Math.round(qty * 100));

/** Exact value of `qty` × `unit` cents. */
export const times = (qty: number, unit: Cents): bigint => qtyHundredths(qty) * BigInt(unit) * 10_000n;

/** `x` × `pct` / 100, where `pct` is a percentage in hundredths (10 000 = 100 %). */
export const percentOf = (x: bigint, pct: number): bigint => (x * BigInt(pct)) / 10_000n;

/** Rounded line value `qty` × `unit`, in cents. */
export const lineValue = (qty: number, unit: Cents): Cents => toCents(times(qty, unit));

export const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** Parses a decimal string with at most 2 decimals ("12.5", "-3.05") into cents; null when it is not one. */
export function parseCents(s: string): Cents | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s.trim());
  if (!m) return null;
  const v = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -v : v;
}

/** Formats cents as a decimal string with 2 decimals (numeric(18,2) in SQL, decimal strings in the API). */
export function formatCents(c: Cents): string {
  const a = Math.abs(c);
  return `${c < 0 ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
