import { ConflictError, type Ctx, RuleViolation, requireRight, requireUser, withTransaction } from '@mutua/kernel';
import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { addDays, localToday } from '../domain/dates.js';
import { renewalDate, renewalWarnings } from '../domain/renewal.js';
import { RIGHTS } from '../manifest.js';
import type {
  CreatePolicyInput,
  Policy,
  PolicyValues,
  PolicyValuesInput,
  RenewalReminder,
  RenewPolicyInput,
} from '../points.js';
import { computePolicy, requireFamilyWrite } from './compute.js';
import type { Versions, WriteDeps } from './policy-versions.js';
import { toPolicy } from './read.js';
import { policy } from './schema.js';

/** New and renewed policies: their values, creation, renewal and the renewal reminders. */
export function enrolmentWrites(deps: WriteDeps, versions: Versions) {
  const { mustGet, insertPolicy } = versions;

  /** The product a renewal uses: the conversion chain followed (DECISIONS #26), at most 20 steps. */
  async function renewalProduct(ctx: Ctx, productId: string): Promise<string> {
    let id = productId;
    const seen = new Set([id]);
    for (let i = 0; i < 20; i++) {
      const p = await deps.product.getProduct(ctx, id);
      const next = p?.conversionProductId ?? null;
      if (!next || seen.has(next)) break;
      seen.add(next);
      id = next;
    }
    return id;
  }

  async function previousFor(ctx: Ctx, policyId: string) {
    const prev = await mustGet(ctx, policyId);
    if (prev.status !== 2 && prev.status !== 8)
      throw new RuleViolation('policy.error.renewStatus', { field: 'policyId' }, [
        { field: 'policyId', key: 'policy.error.renewStatus' },
      ]);
    return prev;
  }

  const officer = (v: string | null | undefined) => (v && v.trim() !== '' ? v : null);

  return {
    async policyValues(ctx: Ctx, input: PolicyValuesInput): Promise<PolicyValues> {
      requireUser(ctx);
      if (input.stage === 'R' || input.previousPolicyId) {
        requireRight(ctx, RIGHTS.renew);
        const prev = input.previousPolicyId ? await previousFor(ctx, input.previousPolicyId) : null;
        return (
          await computePolicy(deps, ctx, {
            familyId: prev?.familyId ?? input.familyId,
            productId: prev ? await renewalProduct(ctx, prev.productId) : input.productId,
            enrollDate: input.enrollDate,
            stage: 'R',
            previousExpiry: prev?.expiryDate ?? null,
          })
        ).values;
      }
      requireRight(ctx, RIGHTS.add);
      return (await computePolicy(deps, ctx, { ...input, stage: 'N' })).values;
    },

    async createPolicy(ctx: Ctx, input: CreatePolicyInput): Promise<Policy> {
      requireRight(ctx, RIGHTS.add);
      return withTransaction(ctx, async (tx) => {
        const c = await computePolicy(deps, tx, { ...input, stage: 'N' });
        await requireFamilyWrite(deps, tx, input.familyId);
        return insertPolicy(tx, c.values, input.familyId, officer(input.officerId), null, c.counted);
      });
    },

    async renewPolicy(ctx: Ctx, input: RenewPolicyInput): Promise<Policy> {
      requireRight(ctx, RIGHTS.renew);
      return withTransaction(ctx, async (tx) => {
        const prev = await previousFor(tx, input.policyId);
        await requireFamilyWrite(deps, tx, prev.familyId);
        const [renewed] = await tx.db
          .select({ id: policy.id })
          .from(policy)
          .where(and(eq(policy.previousPolicyId, prev.id), isNull(policy.validTo)))
          .limit(1);
        if (renewed) throw new ConflictError('policy.error.alreadyRenewed', { policyId: renewed.id });
        const c = await computePolicy(deps, tx, {
          familyId: prev.familyId,
          productId: await renewalProduct(tx, prev.productId),
          enrollDate: input.enrollDate,
          stage: 'R',
          previousExpiry: prev.expiryDate,
        });
        const off = input.officerId === undefined ? prev.officerId : officer(input.officerId);
        return insertPolicy(tx, c.values, prev.familyId, off, prev.id, c.counted);
      });
    },

    /**
     * Active or expired policies whose expiry falls within `days` before or after `today`, not yet renewed, with the
     * product a renewal would use (DECISIONS #26) and warnings.
     */
    async renewalReminders(
      ctx: Ctx,
      opts: { days?: number | null; today?: string | null } = {},
    ): Promise<RenewalReminder[]> {
      requireRight(ctx, RIGHTS.renew);
      const day = opts.today ?? localToday();
      const days = opts.days ?? deps.renewalInterval;
      const scope = await deps.insuree.familyScopeCondition(ctx, policy.familyId);
      const rows = (
        await ctx.db
          .select()
          .from(policy)
          .where(
            and(
              isNull(policy.validTo),
              inArray(policy.status, [2, 8]),
              gte(policy.expiryDate, addDays(day, -days)),
              lte(policy.expiryDate, addDays(day, days)),
              scope,
            ),
          )
          .orderBy(asc(policy.expiryDate), asc(policy.id))
          .limit(500)
      ).map(toPolicy);
      if (!rows.length) return [];
      const followers = await ctx.db
        .select({
          familyId: policy.familyId,
          productId: policy.productId,
          startDate: policy.startDate,
          prev: policy.previousPolicyId,
        })
        .from(policy)
        .where(and(isNull(policy.validTo), inArray(policy.familyId, [...new Set(rows.map((r) => r.familyId))])));
      const out: RenewalReminder[] = [];
      for (const p of rows) {
        const date = renewalDate(p.expiryDate);
        const productId = await renewalProduct(ctx, p.productId);
        const renewed = followers.some(
          (f) =>
            f.prev === p.id ||
            (f.familyId === p.familyId &&
              (f.productId === p.productId || f.productId === productId) &&
              f.startDate >= date),
        );
        if (renewed) continue;
        const prod = await deps.product.getProduct(ctx, productId);
        out.push({
          policy: p,
          renewalDate: date,
          renewalProductId: productId,
          warnings: prod
            ? renewalWarnings({
                renewalDate: date,
                productDateFrom: prod.dateFrom,
                productDateTo: prod.dateTo,
                officerId: p.officerId,
              })
            : 1 | (p.officerId ? 0 : 2),
        });
      }
      return out;
    },
  };
}
