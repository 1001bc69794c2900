import type { Ctx } from '@mutua/kernel';
import type { ConsumptionProvider, DedRemSums, PolicyUsage } from '@mutua/policy';
import { and, eq, gt, gte, inArray, isNull, lte, sql, sum } from 'drizzle-orm';
import { claim, claimDedRem, claimItem, claimService } from './schema.js';

const zero = (): DedRemSums => ({
  dedG: '0.00',
  dedIp: '0.00',
  dedOp: '0.00',
  remG: '0.00',
  remIp: '0.00',
  remOp: '0.00',
});
const fix = (v: string | null) => Number(v ?? 0).toFixed(2);

/**
 * What claims consumed, for the policy module's enquiry (RULES.md §8.2): ledger sums per policy (this insuree and
 * all members), claims by category and quantities used in the policy window. Set-based: a handful of queries.
 */
export const consumption: ConsumptionProvider = {
  async usage(ctx: Ctx, q): Promise<Record<string, PolicyUsage>> {
    const out: Record<string, PolicyUsage> = {};
    if (!q.policies.length) return out;
    const ids = q.policies.map((p) => p.id);
    const sums = (extra?: ReturnType<typeof eq>) =>
      ctx.db
        .select({
          policyId: claimDedRem.policyId,
          dedG: sum(claimDedRem.dedG),
          dedIp: sum(claimDedRem.dedIp),
          dedOp: sum(claimDedRem.dedOp),
          remG: sum(claimDedRem.remG),
          remIp: sum(claimDedRem.remIp),
          remOp: sum(claimDedRem.remOp),
        })
        .from(claimDedRem)
        .where(and(inArray(claimDedRem.policyId, ids), extra))
        .groupBy(claimDedRem.policyId);
    const [all, mine] = await Promise.all([sums(), sums(eq(claimDedRem.insureeId, q.insureeId))]);
    const toSums = (r: (typeof all)[number] | undefined): DedRemSums =>
      r
        ? {
            dedG: fix(r.dedG),
            dedIp: fix(r.dedIp),
            dedOp: fix(r.dedOp),
            remG: fix(r.remG),
            remIp: fix(r.remIp),
            remOp: fix(r.remOp),
          }
        : zero();
    for (const p of q.policies) {
      const base = and(
        eq(claim.insureeId, q.insureeId),
        gt(claim.status, 2),
        isNull(claim.deletedAt),
        gte(claim.targetDate, p.from),
        lte(claim.targetDate, p.to),
      );
      const cats = await ctx.db
        .select({ category: claim.category, n: sql<number>`count(*)::int` })
        .from(claim)
        .where(base)
        .groupBy(claim.category);
      const qty = async (t: typeof claimItem | typeof claimService) => {
        const rows = await ctx.db
          .select({ id: t.medicalId, q: sql<string>`sum(coalesce(${t.qtyApproved}, ${t.qtyProvided}))` })
          .from(t)
          .innerJoin(claim, eq(claim.id, t.claimId))
          .where(and(base, eq(t.status, 1), eq(t.rejectionReason, 0)))
          .groupBy(t.medicalId);
        return Object.fromEntries(rows.map((r) => [r.id, Number(r.q)]));
      };
      out[p.id] = {
        insuree: toSums(mine.find((r) => r.policyId === p.id)),
        policy: toSums(all.find((r) => r.policyId === p.id)),
        claimsByCategory: Object.fromEntries(cats.map((c) => [c.category ?? 'V', c.n])),
        itemQuantities: await qty(claimItem),
        serviceQuantities: await qty(claimService),
      };
    }
    return out;
  },
};
