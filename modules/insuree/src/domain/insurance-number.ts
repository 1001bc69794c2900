/** Checksum of the insurance number's last digit (openIMIS `InsureeNumberValidator` variants). */
export const numberModes = ['none', 'modulo', 'luhn', 'verhoeff'] as const;
export type NumberMode = (typeof numberModes)[number];

/** How insurance numbers look (module config `insureeNumber`, DECISIONS.md #28). */
export interface NumberFormat {
  length: number;
  mode: NumberMode;
  /** Divisor of mode `modulo` (2–10). */
  modulo: number;
}

export type NumberProblem = { key: string; params?: Record<string, unknown> };

// Verhoeff tables: d = multiplication in the dihedral group D5, p = position permutation, inv = inverse.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
] as const;
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
] as const;
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9] as const;

const digitsOf = (s: string): number[] => [...s].map((c) => c.charCodeAt(0) - 48);

/** The Verhoeff check digit of a string of digits. */
export function verhoeffDigit(body: string): number {
  let c = 0;
  const ds = digitsOf(body).reverse();
  for (let i = 0; i < ds.length; i++) c = D[c]![P[(i + 1) % 8]![ds[i]!]!]!;
  return INV[c]!;
}

/** The Luhn check digit of a string of digits. */
export function luhnDigit(body: string): number {
  let sum = 0;
  const ds = digitsOf(body).reverse();
  for (let i = 0; i < ds.length; i++) {
    let d = ds[i]!;
    // From the right, every first, third… digit of the body is doubled (the check digit will take position 0).
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** `int(body) mod n`, digit by digit (numbers can exceed 2^53). */
export function moduloDigit(body: string, n: number): number {
  let r = 0;
  for (const d of digitsOf(body)) r = (r * 10 + d) % n;
  return r;
}

/** The check digit the format expects after `body`; null for mode `none`. */
export function checkDigit(body: string, f: NumberFormat): number | null {
  switch (f.mode) {
    case 'luhn':
      return luhnDigit(body);
    case 'verhoeff':
      return verhoeffDigit(body);
    case 'modulo':
      return moduloDigit(body, f.modulo);
    default:
      return null;
  }
}

/**
 * Why a number is not a valid insurance number (RULES.md §10 order: empty, length, then checksum); empty when valid.
 * Uniqueness is checked by the service against the database.
 * @example
 * numberProblems('123456782', { length: 9, mode: 'modulo', modulo: 7 }) // [] (12345678 mod 7 = 2)
 */
export function numberProblems(value: string | null | undefined, f: NumberFormat): NumberProblem[] {
  const v = (value ?? '').trim();
  if (v === '') return [{ key: 'insuree.error.numberEmpty' }];
  if (v.length !== f.length) return [{ key: 'insuree.error.numberLength', params: { length: f.length } }];
  if (f.mode === 'none') {
    return /^[A-Za-z0-9]+$/.test(v) ? [] : [{ key: 'insuree.error.numberCharacters' }];
  }
  if (!/^\d+$/.test(v)) return [{ key: 'insuree.error.numberDigits' }];
  const expected = checkDigit(v.slice(0, -1), f);
  return expected === Number(v.at(-1)) ? [] : [{ key: 'insuree.error.numberChecksum' }];
}

export const isValidNumber = (value: string, f: NumberFormat): boolean => numberProblems(value, f).length === 0;

/** The number made of `body` (length − 1 digits, or `length` for mode none) and its check digit. */
export function completeNumber(body: string, f: NumberFormat): string {
  const digit = checkDigit(body, f);
  return digit === null ? body : `${body}${digit}`;
}

/** The body length of a format: every digit but the check digit. */
export const bodyLength = (f: NumberFormat): number => (f.mode === 'none' ? f.length : f.length - 1);

/**
 * A number from random digits (`random()` uniform in [0, 1)); the first digit is never 0 so numbers keep their
 * length in spreadsheets.
 */
export function randomNumber(f: NumberFormat, random: () => number): string {
  const n = bodyLength(f);
  let body = String(1 + Math.floor(random() * 9));
  while (body.length < n) body += String(Math.floor(random() * 10));
  return completeNumber(body, f);
}

/** The `index`-th number of a sequence starting at 10…0 (bulk generation: unique by construction). */
export function sequenceNumber(f: NumberFormat, index: number): string {
  const n = bodyLength(f);
  const base = `1${'0'.repeat(n - 1)}`;
  const s = String(index);
  if (s.length > n - 1) throw new Error(`number sequence exhausted for length ${f.length}`);
  return completeNumber(base.slice(0, n - s.length) + s, f);
}
