import type { FamilyPage } from '@mutua/insuree';
import { type Ctx, type GenerateOptions, uuidv7, withTransaction } from '@mutua/kernel';
import { GENERATED_PREFIX, NATIONAL_CODE, type Product } from '@mutua/product';
import { sql } from 'drizzle-orm';
import { fromCents } from '../domain/money.js';
import { hasCycles, policyPeriod } from '../domain/period.js';
import { termsOf } from '../domain/terms.js';
import { countMembers, policyValue } from '../domain/value.js';
import type { PolicyApi } from '../points.js';
import { demoDeps } from './demo.js';

/** The generated policy year: enrolled mid-December, covering the calendar year 2026. */
export const GENERATED_ENROLL_DATE = '2025-12-15';
const PAGE = 2500;

type Family = FamilyPage['families'][number];

export interface PlannedPolicy {
  familyId: string;
  productId: string;
  startDate: string;
  expiryDate: string;
  value: string;
  /** Members covered, in enrolment order (head first). */
  members: string[];
}

/** One family in three takes the national product; the others their region's, when it has one. */
export function pickProduct(seed: number, index: number, national: Product, regional: Product | undefined): Product {
  const h = (Math.imul((seed ^ 0x70c1) + index, 0x9e3779b1) >>> 0) % 3;
  return regional && h !== 0 ? regional : national;
}

/**
 * A new (stage N) policy of the family on `product`, enrolled on the generated enrolment date: dates and value by
 * the policy rules (ages on the enrolment date, so the same family always gets the same value).
 */
export function planPolicy(family: Family, product: Product, ageOfMajority: number): PlannedPolicy {
  const terms = termsOf(product);
  const enrollDate = GENERATED_ENROLL_DATE;
  const counts = countMembers(family.members, terms.maxMembers, enrollDate, ageOfMajority);
  const period = policyPeriod({ terms, stage: 'N', enrollDate });
  const v = policyValue({
    terms,
    cycles: hasCycles(terms),
    stage: 'N',
    counts,
    enrollDate,
    startDate: period.startDate,
  });
  return {
    familyId: family.id,
    productId: product.id,
    ...period,
    value: fromCents(v.value),
    members: family.members.slice(0, family.members.length - counts.aboveMax).map((m) => m.id),
  };
}

/** Writes one page of planned policies, active from their start date, and their members' coverage rows. */
async function insertPolicies(ctx: Ctx, plans: readonly PlannedPolicy[]): Promise<void> {
  const policies = plans.map((p) => ({
    row_id: uuidv7(),
    id: uuidv7(),
    family_id: p.familyId,
    product_id: p.productId,
    start_date: p.startDate,
    expiry_date: p.expiryDate,
    value: p.value,
  }));
  const coverage = plans.flatMap((p, i) =>
    p.members.map((insureeId) => [uuidv7(), policies[i]!.id, insureeId, p.startDate, p.expiryDate]),
  );
  await ctx.db.execute(sql`
    INSERT INTO policy (row_id, id, family_id, product_id, stage, status, enroll_date, start_date, effective_date,
                        expiry_date, value)
    SELECT row_id, id, family_id, product_id, 'N', 2, ${GENERATED_ENROLL_DATE}::date, start_date, start_date,
           expiry_date, value
    FROM json_to_recordset(${JSON.stringify(policies)}::json)
      AS x(row_id uuid, id uuid, family_id uuid, product_id uuid, start_date date, expiry_date date, value numeric)`);
  // Arrays rather than objects: a million coverage rows are a third of the JSON this way.
  await ctx.db.execute(sql`
    INSERT INTO insuree_policy (id, policy_id, insuree_id, enrollment_date, start_date, effective_date, expiry_date)
    SELECT (r->>0)::uuid, (r->>1)::uuid, (r->>2)::uuid, ${GENERATED_ENROLL_DATE}::date, (r->>3)::date, (r->>3)::date,
           (r->>4)::date
    FROM jsonb_array_elements(${JSON.stringify(coverage)}::jsonb) AS r`);
}

/**
 * `mutua generate`: one active policy per family (families walked through the insuree service page by page), on the
 * national product or the family's region's, covering every member for the calendar year 2026. Direct bulk inserts,
 * one transaction per page of 2,500 families; no audit or hooks (nobody edited these rows).
 */
export async function generate(ctx: Ctx, service: PolicyApi, opts: GenerateOptions): Promise<void> {
  const deps = demoDeps.get(service);
  if (!deps) throw new Error('policy generate: service without its dependencies');
  const { insuree, product, location, ageOfMajority } = deps;
  const products = (await product.searchProducts(ctx, { code: GENERATED_PREFIX }, { first: 500 })).edges.map(
    (e) => e.node,
  );
  const national = products.find((p) => p.code === NATIONAL_CODE);
  if (!national) throw new Error('policy generate: no generated products — generate the product module first');
  const byRegion = new Map(products.filter((p) => p.locationId).map((p) => [p.locationId!, p]));
  // Village (any location) → its region's product.
  const productOf = new Map<string, Product>();
  for (const [regionId, p] of byRegion) {
    for (const id of await location.subtreeIds(ctx, [regionId])) productOf.set(id, p);
  }
  const total = (await insuree.searchFamilies(ctx, {}, { first: 1 })).totalCount;
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const page = await insuree.familiesWithMembers(ctx, { first: PAGE, after });
    if (!page.families.length) break;
    const plans = page.families
      .filter((f) => f.members.length)
      .map((f, i) =>
        planPolicy(f, pickProduct(opts.seed, done + i, national, productOf.get(f.locationId)), ageOfMajority),
      );
    await withTransaction(ctx, (tx) => insertPolicies(tx, plans));
    done += page.families.length;
    after = page.endCursor;
    await opts.progress(Math.min(done, total), total, 'policies');
  }
}
