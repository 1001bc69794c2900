/**
 * Relative index (RULES.md §6.2): index = allocated × share / claim value; 1 when there is no claim value.
 *
 * The pool (allocated × share) is rounded to cents first, and the index is pool / claim value. The 4-decimal index is
 * what is stored and shown; remuneration uses the exact ratio (see remuneration.ts) so that the relative lines
 * share exactly the pool.
 */
import { formatRatio, roundDiv } from './money.js';
import type { Cents } from './types.js';

export interface RelativeIndex {
  allocated: Cents;
  /** Share of the period, hundredths of a percent (10000n = 100 %). */
  shareBasisPoints: bigint;
  /** allocated × share, rounded half-up to cents. */
  pool: Cents;
  /** Σ value of the relative-price lines of the period. */
  claimValue: Cents;
  /** Exact index = numerator / denominator (1/1 when claimValue is 0). */
  numerator: bigint;
  denominator: bigint;
  /** The index with 4 decimals, half-up (dec(18,4) of tblRelIndex). */
  index: string;
}

export function relativeIndex(allocated: Cents, shareBasisPoints: bigint, claimValue: Cents): RelativeIndex {
  if (claimValue < 0n) throw new RangeError('relativeIndex: negative claim value');
  const pool = roundDiv(allocated * shareBasisPoints, 10000n);
  const [numerator, denominator] = claimValue === 0n ? [1n, 1n] : [pool, claimValue];
  return {
    allocated,
    shareBasisPoints,
    pool,
    claimValue,
    numerator,
    denominator,
    index: formatRatio(numerator, denominator, 0, 4),
  };
}
