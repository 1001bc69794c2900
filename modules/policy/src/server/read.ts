import type { InsureeApi } from '@mutua/insuree';
import { type Connection, type Ctx, isUuid, keysetAfter, keysetPage, requireRight, requireUser } from '@mutua/kernel';
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { RIGHTS } from '../manifest.js';
import type { InsureePolicy, PageArgs, Policy, PolicyFilter, PolicyStatus } from '../points.js';
import { insureePolicy, policy } from './schema.js';

type PolicyRow = typeof policy.$inferSelect;
type CoverageRow = typeof insureePolicy.$inferSelect;

export function toPolicy(r: PolicyRow): Policy {
  return {
    id: r.id,
    familyId: r.familyId,
    productId: r.productId,
    stage: r.stage as Policy['stage'],
    status: r.status as PolicyStatus,
    enrollDate: r.enrollDate,
    startDate: r.startDate,
    effectiveDate: r.effectiveDate,
    expiryDate: r.expiryDate,
    value: r.value,
    officerId: r.officerId,
    previousPolicyId: r.previousPolicyId,
    validityFrom: r.validFrom.toISOString(),
  };
}

export function toCoverage(r: CoverageRow): InsureePolicy {
  return {
    id: r.id,
    policyId: r.policyId,
    insureeId: r.insureeId,
    enrollmentDate: r.enrollmentDate,
    startDate: r.startDate,
    effectiveDate: r.effectiveDate,
    expiryDate: r.expiryDate,
  };
}

export type Reader = ReturnType<typeof createReader>;

/**
 * Reads. Policies are visible when their family's village is in the user's scope. The reads other modules call
 * (getPolicy, familyPolicies, coveringPolicies, policyMembers) need only a signed-in user: the caller checks its
 * own right (a contribution clerk, a medical officer processing claims).
 */
export function createReader({ insuree }: { insuree: InsureeApi }) {
  const scope = (ctx: Ctx) => insuree.familyScopeCondition(ctx, policy.familyId);

  async function select(ctx: Ctx, where: SQL | undefined): Promise<Policy[]> {
    const rows = await ctx.db
      .select()
      .from(policy)
      .where(and(isNull(policy.validTo), where, await scope(ctx)))
      .orderBy(desc(policy.startDate), asc(policy.id));
    return rows.map(toPolicy);
  }

  const reader = {
    async getPolicy(ctx: Ctx, id: string): Promise<Policy | null> {
      requireUser(ctx);
      if (!isUuid(id)) return null;
      return (await select(ctx, eq(policy.id, id)))[0] ?? null;
    },
    async getPolicies(ctx: Ctx, ids: readonly string[]): Promise<Policy[]> {
      requireUser(ctx);
      const valid = [...new Set(ids.filter(isUuid))];
      return valid.length ? select(ctx, inArray(policy.id, valid)) : [];
    },
    async familyPolicies(ctx: Ctx, familyId: string): Promise<Policy[]> {
      requireUser(ctx);
      if (!isUuid(familyId)) return [];
      return select(ctx, eq(policy.familyId, familyId));
    },
    async searchPolicies(ctx: Ctx, filter: PolicyFilter, page: PageArgs): Promise<Connection<Policy>> {
      requireRight(ctx, RIGHTS.search);
      const conds: Array<SQL | undefined> = [isNull(policy.validTo), await scope(ctx)];
      const uuidFilter = (v: string | null | undefined, col: AnyPgColumn) => {
        if (!v) return;
        conds.push(isUuid(v) ? eq(col, v) : sql`false`);
      };
      uuidFilter(filter.familyId, policy.familyId);
      uuidFilter(filter.productId, policy.productId);
      uuidFilter(filter.officerId, policy.officerId);
      if (filter.status) conds.push(eq(policy.status, filter.status));
      const where = and(...conds);
      return keysetPage<Policy>({
        first: page.first,
        after: page.after,
        key: (p) => [p.expiryDate, p.id],
        fetch: async (limit, after) =>
          (
            await ctx.db
              .select()
              .from(policy)
              .where(and(where, after ? keysetAfter([policy.expiryDate, policy.id], after) : undefined))
              .orderBy(asc(policy.expiryDate), asc(policy.id))
              .limit(limit)
          ).map(toPolicy),
        count: async () => (await ctx.db.select({ n: count() }).from(policy).where(where))[0]?.n ?? 0,
      });
    },
    async policyMembers(ctx: Ctx, policyId: string): Promise<InsureePolicy[]> {
      if (!(await reader.getPolicy(ctx, policyId))) return [];
      const rows = await ctx.db
        .select()
        .from(insureePolicy)
        .where(and(eq(insureePolicy.policyId, policyId), isNull(insureePolicy.validTo)))
        .orderBy(asc(insureePolicy.id));
      return rows.map(toCoverage);
    },
    /** An insuree's current coverage rows (any policy status). */
    async insureeCoverage(ctx: Ctx, insureeId: string): Promise<InsureePolicy[]> {
      requireUser(ctx);
      const rows = await ctx.db
        .select()
        .from(insureePolicy)
        .where(and(eq(insureePolicy.insureeId, insureeId), isNull(insureePolicy.validTo)));
      return rows.map(toCoverage);
    },
    /**
     * Active or expired policies (DECISIONS #29) under which the member is covered on `date`. Not limited by the
     * family's location: a facility treats insurees from anywhere; the claim module checks its own scope.
     */
    async coveringPolicies(ctx: Ctx, insureeId: string, date: string): Promise<Policy[]> {
      requireUser(ctx);
      if (!isUuid(insureeId)) return [];
      const rows = await ctx.db
        .select({ p: policy })
        .from(insureePolicy)
        .innerJoin(policy, and(eq(policy.id, insureePolicy.policyId), isNull(policy.validTo)))
        .where(
          and(
            eq(insureePolicy.insureeId, insureeId),
            isNull(insureePolicy.validTo),
            lte(insureePolicy.effectiveDate, date),
            gte(insureePolicy.expiryDate, date),
            inArray(policy.status, [2, 8]),
            lte(policy.effectiveDate, date),
            gte(policy.expiryDate, date),
          ),
        )
        .orderBy(desc(policy.expiryDate), asc(policy.id));
      return rows.map((r) => toPolicy(r.p));
    },
    async policyScopeCondition(ctx: Ctx, policyIdColumn: AnyPgColumn | SQL): Promise<SQL | undefined> {
      const s = await scope(ctx);
      if (!s) return undefined;
      return sql`${policyIdColumn} IN (SELECT ${policy.id} FROM ${policy} WHERE ${policy.validTo} IS NULL AND ${s})`;
    },
  };
  return reader;
}
