import { type Ctx, hasRight, InputError, isUuid, keysetPage, likeEscape, requireRight } from '@mutua/kernel';
import type { Policy } from '@mutua/policy';
import { and, asc, count, eq, inArray, isNull, type SQL, sql, sum } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { clean, problem } from '../domain/check-input.js';
import { isIsoDate } from '../domain/dates.js';
import { fromCents, toCents } from '../domain/money.js';
import type { Contribution } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import type { ContributionApi, ContributionFilter } from '../points.js';
import { contributionBatchApi } from './batch-premiums.js';
import type { ContributionDeps } from './deps.js';
import { paymentFrom, previewFrom, termsOf } from './payment.js';
import { currentRows, toContribution } from './read.js';
import { premium } from './schema.js';
import { createWrites } from './write.js';

const current = isNull(premium.validTo);

export function createContributionService(deps: ContributionDeps): ContributionApi {
  const { insurees, policies } = deps;
  const scope = (ctx: Ctx) => insurees.familyScopeCondition(ctx, premium.familyId);

  /** A policy the user may see, or null. */
  const visiblePolicy = async (ctx: Ctx, policyId: string): Promise<Policy | null> =>
    isUuid(policyId) ? policies.getPolicy(ctx, policyId) : null;

  async function ofPolicy(ctx: Ctx, policyId: string, exceptId?: string | null): Promise<Contribution[]> {
    const except = exceptId && isUuid(exceptId) ? sql`${premium.id} <> ${exceptId}` : undefined;
    return currentRows(ctx, and(current, eq(premium.policyId, policyId), except, await scope(ctx)));
  }

  const writes = createWrites(deps, { ofPolicy, scope });

  async function filterWhere(ctx: Ctx, f: ContributionFilter): Promise<SQL | undefined> {
    const conds: Array<SQL | undefined> = [current];
    const receipt = clean(f.receipt);
    if (receipt) conds.push(sql`lower(${premium.receipt}) LIKE ${`${likeEscape(receipt.toLowerCase())}%`}`);
    const from = clean(f.payDateFrom);
    const to = clean(f.payDateTo);
    const dateProblems = [
      ...(from && !isIsoDate(from) ? [problem('payDateFrom', 'contribution.error.date')] : []),
      ...(to && !isIsoDate(to) ? [problem('payDateTo', 'contribution.error.date')] : []),
    ];
    if (dateProblems.length) throw InputError.fields(dateProblems);
    if (from) conds.push(sql`${premium.payDate} >= ${from}`);
    if (to) conds.push(sql`${premium.payDate} <= ${to}`);
    const ids: Array<[string | null | undefined, AnyPgColumn]> = [
      [f.payerId, premium.payerId],
      [f.policyId, premium.policyId],
      [f.familyId, premium.familyId],
      [f.productId, premium.productId],
    ];
    for (const [value, column] of ids) {
      const v = clean(value);
      if (v) conds.push(isUuid(v) ? eq(column, v) : sql`false`);
    }
    const payType = clean(f.payType);
    if (payType) conds.push(eq(premium.payType, payType.toUpperCase()));
    if (f.isPhotoFee === true || f.isPhotoFee === false) conds.push(eq(premium.isPhotoFee, f.isPhotoFee));
    conds.push(await scope(ctx));
    return and(...conds);
  }

  // The policy module asks what was paid when a member joins a paid policy (RULES.md §7.4). It is the policy
  // module's internal need, so no contribution right is asked of its caller.
  policies.provideContributions({
    paidTotal: async (ctx, policyId) => {
      if (!isUuid(policyId)) return '0.00';
      const [r] = await ctx.db
        .select({ total: sum(premium.amount) })
        .from(premium)
        .where(and(current, eq(premium.policyId, policyId), eq(premium.isPhotoFee, false)));
      return fromCents(toCents(r?.total ?? '0') ?? 0n);
    },
  });

  return {
    ...writes,
    ...contributionBatchApi,

    async getContribution(ctx, id) {
      requireRight(ctx, RIGHTS.search);
      if (!isUuid(id)) return null;
      const [row] = await ctx.db
        .select()
        .from(premium)
        .where(and(current, eq(premium.id, id), await scope(ctx)))
        .limit(1);
      return row ? toContribution(row) : null;
    },

    async contributionVersions(ctx, id) {
      requireRight(ctx, RIGHTS.search);
      if (!isUuid(id)) return [];
      const rows = await ctx.db
        .select()
        .from(premium)
        .where(and(eq(premium.id, id), await scope(ctx)))
        .orderBy(asc(premium.validFrom), asc(premium.rowId));
      return rows.map(toContribution);
    },

    async policyContributions(ctx, policyId) {
      requireRight(ctx, RIGHTS.search);
      if (!isUuid(policyId)) return [];
      return ofPolicy(ctx, policyId);
    },

    async familyContributions(ctx, familyId) {
      requireRight(ctx, RIGHTS.search);
      if (!isUuid(familyId)) return [];
      return currentRows(ctx, and(current, eq(premium.familyId, familyId), await scope(ctx)));
    },

    async searchContributions(ctx, filter, page) {
      requireRight(ctx, RIGHTS.search);
      const where = await filterWhere(ctx, filter);
      // Newest payments first: the keyset runs on (pay date, id) descending.
      return keysetPage<Contribution>({
        first: page.first,
        after: page.after,
        key: (c) => [c.payDate, c.id],
        fetch: async (limit, after) => {
          const rows = await ctx.db
            .select()
            .from(premium)
            .where(
              and(where, after ? sql`(${premium.payDate}, ${premium.id}) < (${after[0]}, ${after[1]})` : undefined),
            )
            .orderBy(sql`${premium.payDate} DESC`, sql`${premium.id} DESC`)
            .limit(limit);
          return rows.map(toContribution);
        },
        count: async () => (await ctx.db.select({ n: count() }).from(premium).where(where))[0]?.n ?? 0,
      });
    },

    async policyPayment(ctx, policyId) {
      requireRight(ctx, RIGHTS.search);
      const policy = await visiblePolicy(ctx, policyId);
      if (!policy) return null;
      return paymentFrom(policy, await ofPolicy(ctx, policy.id), await termsOf(ctx, policy, deps));
    },

    async paidTotals(ctx, policyIds) {
      requireRight(ctx, RIGHTS.search);
      const ids = [...new Set(policyIds.filter(isUuid))];
      const out = new Map<string, string>(ids.map((id) => [id, '0.00']));
      if (!ids.length) return out;
      const rows = await ctx.db
        .select({ policyId: premium.policyId, total: sum(premium.amount) })
        .from(premium)
        .where(and(current, inArray(premium.policyId, ids), eq(premium.isPhotoFee, false), await scope(ctx)))
        .groupBy(premium.policyId);
      // numeric sums come back as exact decimal strings; normalise to two decimals.
      for (const r of rows) out.set(r.policyId, fromCents(toCents(r.total ?? '0') ?? 0n));
      return out;
    },

    async amountDue(ctx, policyId) {
      requireRight(ctx, RIGHTS.search);
      const policy = await visiblePolicy(ctx, policyId);
      if (!policy) throw InputError.fields([problem('policyId', 'contribution.error.policyNotFound')]);
      return paymentFrom(policy, await ofPolicy(ctx, policy.id), { maxInstallments: null, deadline: null }).due;
    },

    async previewContribution(ctx, input) {
      if (!hasRight(ctx, RIGHTS.add) && !hasRight(ctx, RIGHTS.edit)) requireRight(ctx, RIGHTS.add);
      const policy = await visiblePolicy(ctx, input.policyId);
      if (!policy) throw InputError.fields([problem('policyId', 'contribution.error.policyNotFound')]);
      const amount = toCents(clean(input.amount));
      const problems = [
        ...(amount === null || amount <= 0n ? [problem('amount', 'contribution.error.amountPositive')] : []),
        ...(!isIsoDate(input.payDate) ? [problem('payDate', 'contribution.error.date')] : []),
      ];
      if (problems.length) throw InputError.fields(problems);
      const others = await ofPolicy(ctx, policy.id, input.exceptId);
      return previewFrom(
        policy,
        others,
        await termsOf(ctx, policy, deps),
        { amount: amount!, payDate: input.payDate, isPhotoFee: input.isPhotoFee === true },
        deps.activationOption,
      );
    },
  };
}
