import type { IsoDate } from './dates.js';
import type { ClaimCategory, ClaimInput, ProductTerms, Register } from './types.js';

/** Target date = date to, else date from (RULES.md §1.2). */
export const targetDate = (c: Pick<ClaimInput, 'dateFrom' | 'dateTo'>): IsoDate | null => c.dateTo ?? c.dateFrom;

/** A hospitalisation (in-patient stay): date to is set and differs from date from (RULES.md §1.2). */
export const isHospitalisation = (c: Pick<ClaimInput, 'dateFrom' | 'dateTo'>): boolean =>
  c.dateTo != null && c.dateTo !== c.dateFrom;

const ORDER: readonly ClaimCategory[] = ['S', 'D', 'A', 'H', 'C'];

/**
 * Base category (DECISIONS.md #4): first hit of S, D, A, H, C over the claim's services known to the register,
 * H also when the claim is a hospitalisation; otherwise V (an "O" service does not make the claim O).
 */
export function claimCategory(claim: ClaimInput, register: Register): ClaimCategory {
  let seen = 0;
  if (isHospitalisation(claim)) seen |= 1 << 3;
  for (const line of claim.lines) {
    if (line.kind !== 'service') continue;
    const cat = register.service.get(line.medicalId)?.category;
    const i = cat ? ORDER.indexOf(cat as ClaimCategory) : -1;
    if (i >= 0) seen |= 1 << i;
  }
  for (let i = 0; i < ORDER.length; i++) if (seen & (1 << i)) return ORDER[i]!;
  return 'V';
}

/** The product's maximum number of claims for a category (check 11–15, 19). */
export function categoryMaxCount(product: ProductTerms, category: ClaimCategory): number | null {
  switch (category) {
    case 'S':
      return product.maxNoSurgery;
    case 'D':
      return product.maxNoDelivery;
    case 'A':
      return product.maxNoAntenatal;
    case 'H':
      return product.maxNoHospitalization;
    case 'C':
      return product.maxNoConsultation;
    default:
      return product.maxNoVisits;
  }
}

/** The rejection reason of a category maximum. */
export const CATEGORY_REASON = { S: 14, D: 15, A: 19, H: 11, C: 13, V: 12 } as const;

/** The product's per-claim amount cap for a category; V has none (RULES.md §5.3 step 7). */
export function categoryMaxAmount(product: ProductTerms, category: ClaimCategory): number {
  switch (category) {
    case 'S':
      return product.maxAmountSurgery ?? 0;
    case 'D':
      return product.maxAmountDelivery ?? 0;
    case 'A':
      return product.maxAmountAntenatal ?? 0;
    case 'H':
      return product.maxAmountHospitalization ?? 0;
    case 'C':
      return product.maxAmountConsultation ?? 0;
    default:
      return 0;
  }
}
