import { type Ctx, uuidv7 } from '@mutua/kernel';
import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { localToday } from '../domain/dates.js';
import { toCents } from '../domain/money.js';
import { termsOf } from '../domain/terms.js';
import { computePolicy, enrolmentOrder, productAt } from './compute.js';
import type { Versions, WriteDeps } from './policy-versions.js';
import { toPolicy } from './read.js';
import { insureePolicy, policy } from './schema.js';

/** Coverage follows the family: a member joining or leaving changes the family's running policies. */
export function memberCoverageWrites(deps: WriteDeps, versions: Versions) {
  const { read } = deps;
  const { newVersion } = versions;

  return {
    /**
     * A member joins a family (RULES.md §7.4, uspAddInsureePolicy): each of the family's idle, active or ready
     * policies still running gets a coverage row when the product has room; the value is recomputed, and on a paid
     * policy the newcomer is covered from the policy's effective date only if the payments still reach it.
     */
    async memberAdded(ctx: Ctx, e: { familyId: string; insureeId: string; enrolledOn: string }): Promise<void> {
      const rows = await ctx.db
        .select()
        .from(policy)
        .where(
          and(
            eq(policy.familyId, e.familyId),
            isNull(policy.validTo),
            inArray(policy.status, [1, 2, 16]),
            gte(policy.expiryDate, e.enrolledOn),
          ),
        );
      if (!rows.length) return;
      const newcomer = await deps.insuree.getInsuree(ctx, e.insureeId);
      if (!newcomer) return;
      for (const p of rows.map(toPolicy)) {
        const covered = await ctx.db
          .select()
          .from(insureePolicy)
          .where(and(eq(insureePolicy.policyId, p.id), isNull(insureePolicy.validTo)))
          .orderBy(asc(insureePolicy.id));
        const mine = covered.find((c) => c.insureeId === e.insureeId);
        if (mine && mine.expiryDate >= p.expiryDate) continue;
        if (mine) await ctx.db.update(insureePolicy).set({ validTo: sql`now()` }).where(eq(insureePolicy.id, mine.id));
        const others = covered.filter((c) => c.insureeId !== e.insureeId);
        const product = await productAt(deps, ctx, p.productId, p.enrollDate);
        if (!product) continue;
        const max = termsOf(product).maxMembers;
        if (max > 0 && others.length >= max) continue;
        const members = enrolmentOrder([
          ...(await deps.insuree.getInsurees(
            ctx,
            others.map((c) => c.insureeId),
          )),
          newcomer,
        ]);
        const prev = p.previousPolicyId ? await read.getPolicy(ctx, p.previousPolicyId) : null;
        const c = await computePolicy(deps, ctx, {
          familyId: p.familyId,
          productId: p.productId,
          enrollDate: p.enrollDate,
          stage: p.stage,
          previousExpiry: prev?.expiryDate ?? null,
          members,
        }).catch((err: unknown) => {
          // The value stays as it was (e.g. the product left its sale window); the member is still covered.
          ctx.logger.warn({ err, policyId: p.id }, 'policy value not recomputed for a new member');
          return null;
        });
        const newValue = c?.values.value ?? p.value;
        let effectiveDate: string | null = null;
        if (p.status !== 1 && p.effectiveDate) {
          const provider = deps.contributions();
          const paid = provider ? await provider.paidTotal(ctx, p.id) : p.value;
          effectiveDate =
            (toCents(paid) ?? 0n) >= (toCents(newValue) ?? 0n) ? maxDateOf(p.effectiveDate, e.enrolledOn) : null;
        }
        await ctx.db.insert(insureePolicy).values({
          id: uuidv7(),
          policyId: p.id,
          insureeId: e.insureeId,
          enrollmentDate: p.enrollDate,
          startDate: p.startDate,
          expiryDate: p.expiryDate,
          effectiveDate,
        });
        if (newValue !== p.value) await newVersion(ctx, p, { value: newValue }, 'memberAdded');
      }
    },

    /** A member leaves the family: their open coverage ends today (DOMAIN.md §9.6). */
    async memberRemoved(ctx: Ctx, e: { familyId: string; insureeId: string }): Promise<void> {
      const today = localToday();
      const ids = ctx.db
        .select({ id: policy.id })
        .from(policy)
        .where(and(eq(policy.familyId, e.familyId), isNull(policy.validTo)));
      await ctx.db
        .update(insureePolicy)
        .set({ expiryDate: sql`LEAST(${insureePolicy.expiryDate}, ${today}::date)` })
        .where(
          and(
            eq(insureePolicy.insureeId, e.insureeId),
            isNull(insureePolicy.validTo),
            inArray(insureePolicy.policyId, ids),
          ),
        );
    },
  };
}

const maxDateOf = (a: string, b: string): string => (a >= b ? a : b);
