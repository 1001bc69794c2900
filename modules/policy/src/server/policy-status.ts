import {
  ConflictError,
  type Ctx,
  ForbiddenError,
  RuleViolation,
  recordAudit,
  requireRight,
  requireUser,
  withTransaction,
} from '@mutua/kernel';
import { and, asc, count, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import { isIsoDate, localToday } from '../domain/dates.js';
import { RIGHTS } from '../manifest.js';
import { type Policy, type PolicyStatus, policyActivated, policyDeleting, policyExpired } from '../points.js';
import { requireFamilyWrite } from './compute.js';
import type { Versions, WriteDeps } from './policy-versions.js';
import { toPolicy } from './read.js';
import { insureePolicy, policy } from './schema.js';

const EXPIRY_BATCH = 500;

/** A policy's status changes: suspension, deletion, activation and the expiry job. */
export function statusWrites(deps: WriteDeps, versions: Versions) {
  const { hooks } = deps;
  const { mustGet, newVersion } = versions;

  return {
    async suspendPolicy(ctx: Ctx, policyId: string): Promise<Policy> {
      requireRight(ctx, RIGHTS.edit);
      return withTransaction(ctx, async (tx) => {
        const p = await mustGet(tx, policyId);
        await requireFamilyWrite(deps, tx, p.familyId);
        if (p.status !== 1 && p.status !== 2 && p.status !== 16)
          throw new RuleViolation('policy.error.suspendStatus', { status: p.status });
        return newVersion(tx, p, { status: 4 }, 'suspend');
      });
    },

    async deletePolicy(ctx: Ctx, policyId: string): Promise<void> {
      requireRight(ctx, RIGHTS.delete);
      await withTransaction(ctx, async (tx) => {
        const p = await mustGet(tx, policyId);
        await requireFamilyWrite(deps, tx, p.familyId);
        if (p.status !== 1) throw new RuleViolation('policy.error.deleteNotIdle', { status: p.status });
        await hooks.runValidate(policyDeleting, { policy: p }, tx);
        const closed = await tx.db
          .update(policy)
          .set({ validTo: sql`now()` })
          .where(and(eq(policy.id, p.id), isNull(policy.validTo), eq(policy.status, 1)))
          .returning({ id: policy.id });
        if (!closed.length) throw new ConflictError('policy.error.changedMeanwhile');
        await tx.db
          .update(insureePolicy)
          .set({ validTo: sql`now()` })
          .where(and(eq(insureePolicy.policyId, p.id), isNull(insureePolicy.validTo)));
        await recordAudit(tx, { entity: 'Policy', entityId: p.id, action: 'delete', before: p });
      });
    },

    async activatePolicy(
      ctx: Ctx,
      policyId: string,
      effectiveDate: string,
      opts: { status?: 2 | 16 } = {},
    ): Promise<Policy> {
      requireUser(ctx);
      if (!isIsoDate(effectiveDate))
        throw new RuleViolation('policy.error.date', { field: 'effectiveDate' }, [
          { field: 'effectiveDate', key: 'policy.error.date' },
        ]);
      return withTransaction(ctx, async (tx) => {
        const p = await mustGet(tx, policyId);
        // Ready (16) waits for activation; an idle policy is activated or made ready (DOMAIN.md §10.2).
        if (p.status !== 1 && p.status !== 16) throw new RuleViolation('policy.error.notIdle', { status: p.status });
        const status: PolicyStatus = p.status === 16 ? 2 : (opts.status ?? (deps.activationOption === 3 ? 16 : 2));
        const after = await newVersion(tx, p, { status, effectiveDate }, status === 16 ? 'ready' : 'activate');
        await tx.db
          .update(insureePolicy)
          .set({ effectiveDate, startDate: p.startDate, expiryDate: p.expiryDate })
          .where(and(eq(insureePolicy.policyId, p.id), isNull(insureePolicy.validTo)));
        await hooks.runAfter(policyActivated, { policyId: p.id, familyId: p.familyId, effectiveDate }, tx);
        return after;
      });
    },

    /**
     * The expiry job (RULES.md §7.4): every current policy not yet expired whose expiry date is before `today`
     * becomes expired (8), in batches of 500, each batch one transaction (a crash loses no finished batch).
     */
    async expirePolicies(
      ctx: Ctx,
      today?: string | null,
      progress?: (done: number, total: number) => Promise<void>,
    ): Promise<number> {
      const user = requireUser(ctx);
      if (!user.isAdmin) throw new ForbiddenError(undefined, 'policy.error.adminOnly');
      const day = today ?? localToday();
      const due = and(isNull(policy.validTo), ne(policy.status, 8), lt(policy.expiryDate, day));
      const total = (await ctx.db.select({ n: count() }).from(policy).where(due))[0]?.n ?? 0;
      let done = 0;
      await progress?.(0, total);
      for (;;) {
        const n = await withTransaction(ctx, async (tx) => {
          const batch = (await tx.db.select().from(policy).where(due).orderBy(asc(policy.id)).limit(EXPIRY_BATCH)).map(
            toPolicy,
          );
          for (const p of batch) await newVersion(tx, p, { status: 8 }, 'expire');
          if (batch.length) await hooks.runAfter(policyExpired, { policyIds: batch.map((p) => p.id) }, tx);
          return batch.length;
        });
        done += n;
        await progress?.(Math.min(done, total), total);
        if (n < EXPIRY_BATCH) return done;
      }
    },
  };
}
