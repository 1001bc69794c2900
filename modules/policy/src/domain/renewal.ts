import { addDays } from './dates.js';

/**
 * The product a renewal uses: the conversion chain followed to its end (DECISIONS #26), at most `maxHops` steps so a
 * loop in the data cannot hang the renewal.
 */
export function renewalProductId(productId: string, conversionOf: (id: string) => string | null, maxHops = 20): string {
  let id = productId;
  const seen = new Set([id]);
  for (let i = 0; i < maxHops; i++) {
    const next = conversionOf(id);
    if (!next || seen.has(next)) break;
    seen.add(next);
    id = next;
  }
  return id;
}

/** Renewal date of a policy: the day after its expiry. */
export const renewalDate = (expiryDate: string): string => addDays(expiryDate, 1);

/** Warning bits of a renewal reminder (DOMAIN.md §10.6): 1 renewal date outside the product's sale window, 2 no officer. */
export function renewalWarnings(input: {
  renewalDate: string;
  productDateFrom: string;
  productDateTo: string;
  officerId: string | null;
}): number {
  let w = 0;
  if (input.renewalDate < input.productDateFrom.slice(0, 10) || input.renewalDate > input.productDateTo.slice(0, 10))
    w |= 1;
  if (!input.officerId) w |= 2;
  return w;
}
