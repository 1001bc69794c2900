import type { ClaimApi } from '@mutua/claim';
import type { ContributionApi } from '@mutua/contribution';
import { type Ctx, queryRows, systemUser } from '@mutua/kernel';
import type { HealthFacility, LocationService } from '@mutua/location';
import type { PolicyApi } from '@mutua/policy';
import type { Product, ProductApi } from '@mutua/product';
import { sql } from 'drizzle-orm';
import { toCents } from '../domain/money.js';
import { daysInMonth, isoDate } from '../domain/period.js';
import type {
  BatchFacility,
  BatchInput,
  BatchLine,
  BatchProduct,
  CapitationComponent,
  InsuredCount,
  Premium,
  PriceOrigin,
  RunScope,
} from '../domain/types.js';

export interface InputDeps {
  location: LocationService;
  product: ProductApi;
  policy: PolicyApi;
  contribution: ContributionApi;
  claim: ClaimApi;
}

const system = systemUser();
/** The run reads reference data as the system (its own right is checked by the caller). */
export const sys = (ctx: Ctx): Ctx => ({ ...ctx, user: system });

const money = (s: string | null): bigint | null => (s === null ? null : toCents(s));
const qty = (s: string | null): number | null => (s === null ? null : Number(s));

const WEIGHTS: Record<CapitationComponent, string> = {
  population: 'weightPopulation',
  families: 'weightNbFamilies',
  insuredPeople: 'weightInsuredPopulation',
  insuredFamilies: 'weightNbInsuredFamilies',
  visits: 'weightNbVisits',
  adjustedAmount: 'weightAdjustedAmount',
};

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** The product fields the batch reads (BatchProduct). */
export function toBatchProduct(p: Product): BatchProduct {
  const capitationLevels = [1, 2, 3, 4].flatMap((i) => {
    const level = text(p[`capitationLevel${i}`]);
    return level ? [{ level, sublevel: text(p[`capitationSublevel${i}`]) }] : [];
  });
  const ci = text(p.ceilingInterpretation);
  return {
    id: p.id,
    locationId: p.locationId,
    ceilingInterpretation: ci === 'I' || ci === 'H' ? ci : null,
    relativeDistribution: p.relativeDistribution.map((d) => ({ careType: d.careType, periods: d.periods })),
    capitationLevels,
    shareContribution: text(p.shareContribution) ?? '0',
    weights: Object.fromEntries(Object.entries(WEIGHTS).map(([k, field]) => [k, text(p[field]) ?? '0'])) as Record<
      CapitationComponent,
      string
    >,
  };
}

export const monthEnd = (year: number, month: number): string => isoDate(year, month, daysInMonth(year, month));

/** Every page of a keyset connection. */
async function all<T>(
  fetch: (after: string | null) => Promise<{
    edges: Array<{ node: T }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  }>,
): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetch(after);
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

/**
 * Gathers the batch input for a month and location through the other modules' services (set-based: one query per
 * kind of data). `runId` makes a resumed run see the same lines as its first attempt (ADR 0008).
 */
export async function loadInput(
  deps: InputDeps,
  ctxIn: Ctx,
  target: { year: number; month: number; scope: RunScope; locationId: string | null },
  runId: string | null,
): Promise<BatchInput> {
  const ctx = sys(ctxIn);
  const end = monthEnd(target.year, target.month);
  const products = (await all((after) => deps.product.searchProducts(ctx, {}, { first: 500, after }))).filter(
    (p) => p.locationId === target.locationId,
  );
  const batchProducts = products.map(toBatchProduct);
  const productIds = products.map((p) => p.id);

  const [rows, premiumRows, policies] = await Promise.all([
    deps.claim.batchClaimLines(ctx, { processedUpTo: end, runId }),
    deps.contribution.batchPremiums(ctx, productIds, end),
    deps.policy.batchPolicies(ctx, productIds),
  ]);

  // Lines an earlier run settled, and (on resume) this run's own lines with their price valuated before the run. The
  // query runs while the lines are converted below; the few it finds are patched afterwards.
  const claimIds = [...new Set(rows.map((r) => r.claimId))];
  const writtenQuery = claimIds.length
    ? queryRows<{ lineId: string; runId: string; remunerated: string; before: string | null }>(
        ctx.db,
        sql`SELECT line_id::text AS "lineId", run_id::text AS "runId", remunerated::text AS remunerated,
              price_valuated_before::text AS before
            FROM claim_batch_line WHERE claim_id = ANY(${`{${claimIds.join(',')}}`}::uuid[])`,
      )
    : Promise.resolve([]);

  const lines: BatchLine[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    claimId: r.claimId,
    facilityId: r.facilityId,
    productId: r.productId,
    status: r.status === 2 ? 2 : 1,
    claimDateFrom: r.claimDateFrom,
    claimDateTo: r.claimDateTo,
    processed: r.processed,
    priceOrigin: (r.priceOrigin?.trim() || null) as PriceOrigin | null,
    priceAsked: toCents(r.priceAsked),
    qtyProvided: Number(r.qtyProvided),
    priceApproved: money(r.priceApproved),
    qtyApproved: qty(r.qtyApproved),
    priceAdjusted: money(r.priceAdjusted),
    // A claim this run already wrote (resumed run): its relative-price lines had no price valuated before the run
    // (the valuation leaves them to the batch), whatever the run wrote there since.
    priceValuated: r.claimStatus === 16 && r.priceOrigin?.trim() === 'R' ? null : money(r.priceValuated),
    remunerated: money(r.remunerated),
    settled: false,
  }));
  const written = await writtenQuery;
  if (written.length) {
    const at = new Map(lines.map((l, i) => [l.id, i]));
    for (const w of written) {
      const line = lines[at.get(w.lineId) ?? -1];
      if (!line) continue;
      if (w.runId === runId) line.priceValuated = money(w.before);
      else {
        line.remunerated = toCents(w.remunerated);
        line.settled = true;
      }
    }
  }

  const policyById = new Map(policies.map((p) => [p.id, p]));
  const premiums: Premium[] = [];
  for (const p of premiumRows) {
    const pol = policyById.get(p.policyId);
    if (!pol) continue;
    premiums.push({
      id: p.id,
      productId: p.productId,
      amount: toCents(p.amount),
      payDate: p.payDate,
      isPhotoFee: p.isPhotoFee,
      policyStatus: pol.status,
      effectiveDate: pol.effectiveDate,
      expiryDate: pol.expiryDate,
    });
  }

  const { facilities, catchments } = await loadFacilities(deps, ctx, lines, batchProducts);
  const capitationProducts = batchProducts.filter((p) => p.capitationLevels.length).map((p) => p.id);
  const insured = capitationProducts.length
    ? insuredCounts(await deps.policy.insuredByVillage(ctx, capitationProducts, end), catchments)
    : [];
  return {
    year: target.year,
    month: target.month,
    scope: target.scope,
    products: batchProducts,
    premiums,
    facilities,
    insured,
    lines,
  };
}

/** Facilities of the lines, and those at the capitation levels of the run's products, with catchment facts. */
async function loadFacilities(
  deps: InputDeps,
  ctx: Ctx,
  lines: readonly BatchLine[],
  products: readonly BatchProduct[],
): Promise<{ facilities: BatchFacility[]; catchments: Map<string, readonly Catchment[]> }> {
  const ids = new Set(lines.map((l) => l.facilityId));
  const found = new Map<string, HealthFacility>();
  const idList = [...ids];
  for (let i = 0; i < idList.length; i += 1000) {
    for (const f of await deps.location.getHealthFacilities(ctx, idList.slice(i, i + 1000))) found.set(f.id, f);
  }
  const levels = new Set(products.flatMap((p) => p.capitationLevels.map((l) => l.level)));
  for (const level of levels) {
    const rows = await all((after) => deps.location.searchHealthFacilities(ctx, { level }, { first: 500, after }));
    for (const f of rows) found.set(f.id, f);
  }
  const villageIds = [...new Set([...found.values()].flatMap((f) => f.catchments.map((c) => c.villageId)))];
  const districtIds = [...new Set([...found.values()].map((f) => f.locationId))];
  const places = new Map<string, { parentId: string | null; population: number; families: number }>();
  const all2 = [...villageIds, ...districtIds];
  for (let i = 0; i < all2.length; i += 1000) {
    for (const l of await deps.location.getLocations(ctx, all2.slice(i, i + 1000))) {
      places.set(l.id, {
        parentId: l.parentId,
        population: (l.malePopulation ?? 0) + (l.femalePopulation ?? 0) + (l.otherPopulation ?? 0),
        families: l.families ?? 0,
      });
    }
  }
  const catchments = new Map([...found.values()].map((f) => [f.id, f.catchments]));
  const facilities = [...found.values()].map((f) => {
    let population = 0;
    let families = 0;
    for (const c of f.catchments) {
      const v = places.get(c.villageId);
      if (!v) continue;
      population += (v.population * c.percentage) / 100;
      families += (v.families * c.percentage) / 100;
    }
    return {
      id: f.id,
      level: f.level,
      sublevel: f.subLevel,
      districtId: f.locationId,
      regionId: places.get(f.locationId)?.parentId ?? null,
      population: Math.round(population * 100) / 100,
      families: Math.round(families * 100) / 100,
    };
  });
  return { facilities, catchments };
}

interface Catchment {
  villageId: string;
  percentage: number;
}

/**
 * Insured people and families per product and facility: the counts of the facility's catchment villages × the
 * catchment percentage (RULES.md §9.4), to two decimals like the population.
 */
export function insuredCounts(
  byVillage: ReadonlyArray<{ productId: string; villageId: string; people: number; families: number }>,
  catchments: ReadonlyMap<string, readonly Catchment[]>,
): InsuredCount[] {
  const villages = new Map<string, Array<{ productId: string; people: number; families: number }>>();
  for (const r of byVillage) {
    const list = villages.get(r.villageId) ?? [];
    list.push(r);
    villages.set(r.villageId, list);
  }
  const out: InsuredCount[] = [];
  for (const [facilityId, list] of catchments) {
    const sums = new Map<string, { people: number; families: number }>();
    for (const c of list)
      for (const r of villages.get(c.villageId) ?? []) {
        const s = sums.get(r.productId) ?? { people: 0, families: 0 };
        s.people += (r.people * c.percentage) / 100;
        s.families += (r.families * c.percentage) / 100;
        sums.set(r.productId, s);
      }
    for (const [productId, s] of sums)
      out.push({
        productId,
        facilityId,
        people: Math.round(s.people * 100) / 100,
        families: Math.round(s.families * 100) / 100,
      });
  }
  return out;
}
