import type { Insuree, InsureeApi } from '@mutua/insuree';
import { type Ctx, ForbiddenError, InputError, isUuid } from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import type { Product, ProductApi } from '@mutua/product';
import { isIsoDate, localToday } from '../domain/dates.js';
import { fromCents } from '../domain/money.js';
import { hasCycles, policyPeriod, type Stage } from '../domain/period.js';
import { termsOf } from '../domain/terms.js';
import { countMembers, policyValue } from '../domain/value.js';
import type { PolicyValues } from '../points.js';

export interface ComputeDeps {
  insuree: InsureeApi;
  product: ProductApi;
  location: LocationService;
  ageOfMajority: number;
}

export interface Computed {
  values: PolicyValues;
  product: Product;
  /** Members counted (and covered), in enrolment order. */
  counted: Insuree[];
}

const field = (f: string, key: string, params?: Record<string, unknown>) =>
  InputError.fields([{ field: f, key, ...(params ? { params } : {}) }]);

/** Members in enrolment order: the head first, then by id (ids are time-ordered UUIDv7). */
export const enrolmentOrder = (members: readonly Insuree[]): Insuree[] =>
  [...members].sort((a, b) => (a.isHead === b.isHead ? (a.id < b.id ? -1 : 1) : a.isHead ? -1 : 1));

/** The product version valid on the enrolment date (the current one when it was created later, e.g. the demo). */
export async function productAt(deps: ComputeDeps, ctx: Ctx, productId: string, date: string): Promise<Product | null> {
  if (!isUuid(productId)) return null;
  return (await deps.product.getProduct(ctx, productId, date)) ?? (await deps.product.getProduct(ctx, productId));
}

/**
 * Loads what the rules need (family members, product as of the enrolment date), checks the input, and computes
 * dates and value (RULES.md §7.1–7.2). `today` is the reference for ages (DECISIONS #1).
 */
export async function computePolicy(
  deps: ComputeDeps,
  ctx: Ctx,
  input: {
    familyId: string;
    productId: string;
    enrollDate: string;
    stage: Stage;
    previousExpiry?: string | null;
    /** Members to count instead of the family's current ones (a member joining an existing policy). */
    members?: Insuree[];
  },
  today: string = localToday(),
): Promise<Computed> {
  const { enrollDate, stage } = input;
  if (!isIsoDate(enrollDate)) throw field('enrollDate', 'policy.error.date');
  if (enrollDate > today) throw field('enrollDate', 'policy.error.enrollDateFuture', { today });
  const family = isUuid(input.familyId) ? await deps.insuree.getFamily(ctx, input.familyId) : null;
  if (!family) throw field('familyId', 'policy.error.familyNotFound');
  const product = await productAt(deps, ctx, input.productId, enrollDate);
  if (!product) throw field('productId', 'policy.error.productNotFound');
  if (enrollDate < product.dateFrom.slice(0, 10) || enrollDate > product.dateTo.slice(0, 10))
    throw field('productId', 'policy.error.productNotOnSale', {
      code: product.code,
      from: product.dateFrom.slice(0, 10),
      to: product.dateTo.slice(0, 10),
    });
  if (product.locationId) {
    const path = await deps.location.ancestors(ctx, family.locationId);
    if (!path.some((l) => l.id === product.locationId))
      throw field('productId', 'policy.error.productNotForFamily', { code: product.code });
  }
  const terms = termsOf(product);
  const members = input.members ?? enrolmentOrder(await deps.insuree.familyMembers(ctx, family.id));
  const counts = countMembers(members, terms.maxMembers, today, deps.ageOfMajority);
  const period = policyPeriod({ terms, stage, enrollDate, previousExpiry: input.previousExpiry ?? null });
  const v = policyValue({
    terms,
    cycles: hasCycles(terms),
    stage,
    counts,
    enrollDate,
    startDate: period.startDate,
    previousExpiry: input.previousExpiry ?? null,
  });
  const countedN = members.length - counts.aboveMax;
  return {
    product,
    counted: members.slice(0, countedN),
    values: {
      stage,
      productId: product.id,
      enrollDate,
      startDate: period.startDate,
      expiryDate: period.expiryDate,
      value: fromCents(v.value),
      membersCounted: countedN,
      membersAboveMax: counts.aboveMax,
      discount: fromCents(v.discount),
    },
  };
}

/** Refuses a write on a family outside the user's districts. */
export async function requireFamilyWrite(deps: ComputeDeps, ctx: Ctx, familyId: string): Promise<void> {
  if (!(await deps.insuree.canWriteFamily(ctx, familyId)))
    throw new ForbiddenError(undefined, 'policy.error.outOfScope');
}
