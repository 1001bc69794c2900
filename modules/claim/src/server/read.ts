import { anyOf, type Ctx, isUuid, keysetPage, pgArray, queryPrepared, requireRight } from '@mutua/kernel';
import {
  and,
  count,
  desc,
  eq,
  getTableColumns,
  getTableName,
  gte,
  inArray,
  isNull,
  lte,
  type SQL,
  sql,
} from 'drizzle-orm';
import { RIGHTS } from '../manifest.js';
import type {
  Claim,
  ClaimDetail,
  ClaimFilter,
  ClaimLine,
  ClaimStatus,
  LineKind,
  PageArgs,
  SelectionStatus,
  VisitType,
} from '../points.js';
import { type Deps, userFacility } from './deps.js';
import { type ClaimRow, claim, claimItem, claimService, type LineRow } from './schema.js';

export const lineTable = (kind: LineKind) => (kind === 'item' ? claimItem : claimService);

const isoStamp = (s: string | null): string | null => (s ? new Date(s).toISOString() : null);

export function toClaim(r: ClaimRow): Claim {
  return {
    id: r.id,
    code: r.code,
    hfId: r.hfId,
    insureeId: r.insureeId,
    adminId: r.adminId,
    dateFrom: r.dateFrom,
    dateTo: r.dateTo,
    dateClaimed: r.dateClaimed,
    icdId: r.icdId,
    secondaryIcdIds: [r.icd1Id, r.icd2Id, r.icd3Id, r.icd4Id].filter((x): x is string => !!x),
    visitType: r.visitType as VisitType,
    category: r.category,
    status: r.status as ClaimStatus,
    reviewStatus: r.reviewStatus as SelectionStatus,
    feedbackStatus: r.feedbackStatus as SelectionStatus,
    feedbackAvailable: r.feedbackAvailable,
    rejectionReason: r.rejectionReason,
    guaranteeId: r.guaranteeId,
    explanation: r.explanation,
    adjustment: r.adjustment,
    claimed: r.claimed,
    approved: r.approved,
    valuated: r.valuated,
    remunerated: r.remunerated,
    dateProcessed: r.dateProcessed,
    submitStamp: isoStamp(r.submitStamp),
    processStamp: isoStamp(r.processStamp),
    restoreId: r.restoreId,
    reviewFlags: r.reviewFlags ?? [],
    createdAt: isoStamp(r.createdAt) ?? '',
    updatedAt: isoStamp(r.updatedAt) ?? '',
  };
}

export function toLine(kind: LineKind, r: LineRow): ClaimLine {
  return {
    id: r.id,
    kind,
    medicalId: r.medicalId,
    qtyProvided: r.qtyProvided,
    qtyApproved: r.qtyApproved,
    priceAsked: r.priceAsked,
    priceAdjusted: r.priceAdjusted,
    priceApproved: r.priceApproved,
    priceValuated: r.priceValuated,
    explanation: r.explanation,
    justification: r.justification,
    status: r.status as 1 | 2,
    rejectionReason: r.rejectionReason,
    rejectionParams: r.rejectionParams ?? null,
    productId: r.productId,
    policyId: r.policyId,
    priceOrigin: r.priceOrigin,
    limitation: r.limitation,
    limitationValue: r.limitationValue,
    deductableAmount: r.deductableAmount,
    exceedCeilingAmount: r.exceedCeilingAmount,
    exceedCeilingAmountCategory: r.exceedCeilingAmountCategory,
    remuneratedAmount: r.remuneratedAmount,
  };
}

/**
 * The claims a user may see: a claim administrator only their facility's; others the facilities of their districts
 * (location's facility scope). `undefined` = everything.
 */
export async function claimScope(deps: Deps, ctx: Ctx): Promise<SQL | undefined> {
  const hf = await userFacility(deps, ctx);
  const loc = await deps.location.facilityScopeCondition(ctx, claim.hfId);
  return and(hf ? eq(claim.hfId, hf) : undefined, loc);
}

/**
 * A row of `table` (alias `alias`) as a JSON object keyed like the table's properties, as drizzle maps its rows;
 * amounts as text, so they stay exact. (`json_build_object` takes at most 100 arguments: 50 columns.)
 */
function rowJson(table: typeof claim | typeof claimItem | typeof claimService, alias: string): string {
  const fields = Object.entries(getTableColumns(table)).map(
    ([prop, col]) => `'${prop}', ${alias}.${col.name}${col.columnType === 'PgNumeric' ? '::text' : ''}`,
  );
  const objects: string[] = [];
  for (let i = 0; i < fields.length; i += 50) objects.push(`json_build_object(${fields.slice(i, i + 50).join(', ')})`);
  return objects.length === 1 ? objects[0]! : `(${objects.map((o) => `${o}::jsonb`).join(' || ')})::json`;
}

/**
 * A claim and its lines of both kinds as JSON, in entry order: one statement reads claims and their lines, and
 * one prepared statement text serves every read (no query building, no planning of its text each time).
 */
const DETAIL_COLUMNS = sql.raw(
  [
    `${rowJson(claim, '"claim"')} AS c`,
    ...(['item', 'service'] as const).map((kind) => {
      const t = lineTable(kind);
      return `(SELECT coalesce(json_agg(${rowJson(t, 'l')} ORDER BY l.sort_order), '[]'::json) FROM ${getTableName(t)} l WHERE l.claim_id = "claim"."id") AS ${kind}s`;
    }),
  ].join(', '),
);

/** Claims as stored now, by id, whatever the caller's scope (the payloads of hooks after a bulk write). */
export async function claimsByIds(ctx: Ctx, ids: readonly string[]): Promise<Claim[]> {
  if (!ids.length) return [];
  return (await ctx.db.select().from(claim).where(anyOf(claim.id, ids))).map(toClaim);
}

/** Claims with their lines, in the caller's scope (no right check: callers check theirs). */
export async function loadDetails(
  deps: Deps,
  ctx: Ctx,
  ids: readonly string[],
  forUpdate = false,
): Promise<ClaimDetail[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  const scope = await claimScope(deps, ctx);
  const rows = await queryPrepared<{ c: ClaimRow; items: LineRow[]; services: LineRow[] }>(
    ctx.db,
    sql`SELECT ${DETAIL_COLUMNS} FROM claim WHERE "claim"."id" = ANY(${pgArray(valid)}::uuid[])
      AND "claim"."deleted_at" IS NULL${scope ? sql` AND ${scope}` : sql``}
      ORDER BY "claim"."id"${sql.raw(forUpdate ? ' FOR UPDATE OF claim' : '')}`,
  );
  return rows.map((r) => ({
    ...toClaim(r.c),
    items: r.items.map((l) => toLine('item', l)),
    services: r.services.map((l) => toLine('service', l)),
  }));
}

export function createReader(deps: Deps) {
  async function filterWhere(ctx: Ctx, f: ClaimFilter): Promise<SQL | undefined> {
    const conds: Array<SQL | undefined> = [await claimScope(deps, ctx)];
    if (!f.includeDeleted) conds.push(isNull(claim.deletedAt));
    if (f.hfId) conds.push(isUuid(f.hfId) ? eq(claim.hfId, f.hfId) : sql`false`);
    if (f.status?.length) conds.push(inArray(claim.status, [...f.status]));
    if (f.reviewStatus) conds.push(eq(claim.reviewStatus, f.reviewStatus));
    if (f.feedbackStatus) conds.push(eq(claim.feedbackStatus, f.feedbackStatus));
    if (f.code?.trim()) conds.push(sql`${claim.code} ILIKE ${`${f.code.trim().replace(/[%_\\]/g, '\\$&')}%`}`);
    if (f.insureeId) conds.push(isUuid(f.insureeId) ? eq(claim.insureeId, f.insureeId) : sql`false`);
    if (f.insureeNumber?.trim()) {
      const ins = await deps.insuree.findByNumber(ctx, f.insureeNumber.trim()).catch(() => null);
      conds.push(ins ? eq(claim.insureeId, ins.id) : sql`false`);
    }
    if (f.dateClaimedFrom) conds.push(gte(claim.dateClaimed, f.dateClaimedFrom));
    if (f.dateClaimedTo) conds.push(lte(claim.dateClaimed, f.dateClaimedTo));
    if (f.dateFrom) conds.push(gte(claim.dateFrom, f.dateFrom));
    if (f.dateTo) conds.push(lte(claim.dateFrom, f.dateTo));
    if (f.claimedMin) conds.push(gte(claim.claimed, f.claimedMin));
    if (f.claimedMax) conds.push(lte(claim.claimed, f.claimedMax));
    if (f.icdId) conds.push(isUuid(f.icdId) ? eq(claim.icdId, f.icdId) : sql`false`);
    if (f.visitType) conds.push(eq(claim.visitType, f.visitType));
    return and(...conds);
  }

  return {
    filterWhere,
    async searchClaims(ctx: Ctx, filter: ClaimFilter, page: PageArgs) {
      requireRight(ctx, RIGHTS.search);
      const where = await filterWhere(ctx, filter);
      // Newest first: ids are time-ordered UUIDs, so `id DESC` is the creation order and a unique key.
      return keysetPage({
        first: page.first,
        after: page.after,
        key: (c: Claim) => [c.id],
        fetch: async (limit, after) =>
          (
            await ctx.db
              .select()
              .from(claim)
              .where(and(where, after ? sql`${claim.id} < ${after[0]}` : undefined))
              .orderBy(desc(claim.id))
              .limit(limit)
          ).map(toClaim),
        count: async () => (await ctx.db.select({ n: count() }).from(claim).where(where))[0]?.n ?? 0,
      });
    },
    async getClaim(ctx: Ctx, id: string): Promise<ClaimDetail | null> {
      requireRight(ctx, RIGHTS.search);
      return (await loadDetails(deps, ctx, [id]))[0] ?? null;
    },
    async getClaims(ctx: Ctx, ids: readonly string[]): Promise<Claim[]> {
      requireRight(ctx, RIGHTS.search);
      const valid = ids.filter(isUuid);
      if (!valid.length) return [];
      const rows = await ctx.db
        .select()
        .from(claim)
        .where(and(anyOf(claim.id, valid), await claimScope(deps, ctx)));
      return rows.map(toClaim);
    },
  };
}
