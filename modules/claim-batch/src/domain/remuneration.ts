/**
 * Remunerated amounts (RULES.md §6.1, DECISIONS #22).
 *
 * - A line's value is what the claim valuation found payable (price valuated), else unit price × quantity:
 *   (price approved ?? price adjusted ?? price asked) × (quantity approved ?? quantity provided), rounded to cents.
 * - Fee-for-service lines (origin P or O, or R without an index) are remunerated their value.
 * - Relative-price lines ('R') share the index pool in proportion to their values: exactly value × index, then the
 *   cents lost to rounding down go to the largest remainders, ties to the smallest line id (apportion.ts). So
 *   Σ remunerated of the relative lines = pool = allocated × share, to the cent, whenever their value is > 0.
 */
import { apportion } from './apportion.js';
import { amountOf } from './money.js';
import type { RelativeIndex } from './relative-index.js';
import type { Cents, LinePrices } from './types.js';

export function lineValue(line: LinePrices): Cents {
  if (line.priceValuated !== null) return line.priceValuated;
  const price = line.priceApproved ?? line.priceAdjusted ?? line.priceAsked;
  return amountOf(price, line.qtyApproved ?? line.qtyProvided);
}

/**
 * The remunerated amount of each line (same order). `index` is the index of the lines' period and class; the 'R'
 * lines given must be all those it was computed over (their values sum to its claim value). null = no index (1).
 */
export function remuneratedAmounts(
  lines: readonly (LinePrices & { id: string })[],
  index: RelativeIndex | null,
): Cents[] {
  const out = new Array<Cents>(lines.length);
  const relIds: string[] = [];
  const relValues: Cents[] = [];
  const relAt: number[] = [];
  let relSum = 0n;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const value = lineValue(line);
    if (index !== null && line.priceOrigin === 'R') {
      relIds.push(line.id);
      relValues.push(value);
      relAt.push(i);
      relSum += value;
    } else out[i] = value;
  }
  if (index === null) return out;
  if (relSum !== index.claimValue) throw new RangeError('remuneratedAmounts: lines do not match the index');
  const shares = shareOfPool(index, relValues, relIds);
  for (let j = 0; j < relAt.length; j++) out[relAt[j]!] = shares[j]!;
  return out;
}

/** The relative lines' amounts (values and ids in the same order), given their values sum to the claim value. */
export function shareOfPool(index: RelativeIndex, values: readonly Cents[], ids: readonly string[]): Cents[] {
  if (index.claimValue === 0n) return values.map(() => 0n);
  return apportion(index.pool, values, ids);
}
