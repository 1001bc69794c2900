import type { Insuree } from '@mutua/insuree';
import {
  ConflictError,
  type Ctx,
  ForbiddenError,
  type Hooks,
  NotFoundError,
  RuleViolation,
  recordAudit,
  requireRight,
  requireUser,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import { and, asc, count, eq, gte, inArray, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import { addDays, isIsoDate, localToday } from '../domain/dates.js';
import { toCents } from '../domain/money.js';
import { renewalDate, renewalWarnings } from '../domain/renewal.js';
import { termsOf } from '../domain/terms.js';
import { RIGHTS } from '../manifest.js';
import {
  type ContributionProvider,
  type CreatePolicyInput,
  type Policy,
  type PolicyStatus,
  type PolicyValues,
  type PolicyValuesInput,
  policyActivated,
  policyCreated,
  policyDeleting,
  policyExpired,
  type RenewalReminder,
  type RenewPolicyInput,
} from '../points.js';
import { type ComputeDeps, computePolicy, enrolmentOrder, productAt, requireFamilyWrite } from './compute.js';
import { type Reader, toPolicy } from './read.js';
import { insureePolicy, policy } from './schema.js';

export interface WriteDeps extends ComputeDeps {
  hooks: Hooks;
  read: Reader;
  activationOption: 1 | 3;
  renewalInterval: number;
  contributions: () => ContributionProvider | null;
}

type PolicyChanges = Partial<Pick<Policy, 'status' | 'effectiveDate' | 'value'>>;
const EXPIRY_BATCH = 500;

export function createWriter(deps: WriteDeps) {
  const { read, hooks } = deps;

  async function mustGet(ctx: Ctx, id: string): Promise<Policy> {
    const p = await read.getPolicy(ctx, id);
    if (!p) throw new NotFoundError('Policy', id);
    return p;
  }

  /** Closes the current version and opens the changed one (same id); a concurrent change is a conflict. */
  async function newVersion(tx: Ctx, before: Policy, changes: PolicyChanges, action: string): Promise<Policy> {
    const closed = await tx.db
      .update(policy)
      .set({ validTo: sql`now()` })
      .where(and(eq(policy.id, before.id), isNull(policy.validTo), eq(policy.status, before.status)))
      .returning();
    const old = closed[0];
    if (!old) throw new ConflictError('policy.error.changedMeanwhile');
    const { rowId: _r, validFrom: _f, validTo: _t, ...rest } = old;
    const [row] = await tx.db
      .insert(policy)
      .values({ ...rest, ...changes, rowId: uuidv7(), validFrom: sql`now()` })
      .returning();
    const after = toPolicy(row!);
    await recordAudit(tx, { entity: 'Policy', entityId: before.id, action, before, after });
    return after;
  }

  async function insertPolicy(
    tx: Ctx,
    v: PolicyValues,
    familyId: string,
    officerId: string | null,
    previousPolicyId: string | null,
    members: Insuree[],
  ): Promise<Policy> {
    const id = uuidv7();
    const [row] = await tx.db
      .insert(policy)
      .values({
        rowId: uuidv7(),
        id,
        familyId,
        productId: v.productId,
        stage: v.stage,
        status: 1,
        enrollDate: v.enrollDate,
        startDate: v.startDate,
        expiryDate: v.expiryDate,
        effectiveDate: null,
        value: v.value,
        officerId,
        previousPolicyId,
      })
      .returning();
    if (members.length)
      await tx.db.insert(insureePolicy).values(
        members.map((m) => ({
          id: uuidv7(),
          policyId: id,
          insureeId: m.id,
          enrollmentDate: v.enrollDate,
          startDate: v.startDate,
          expiryDate: v.expiryDate,
          effectiveDate: null,
        })),
      );
    const created = toPolicy(row!);
    await recordAudit(tx, {
      entity: 'Policy',
      entityId: id,
      action: v.stage === 'N' ? 'create' : 'renew',
      after: created,
    });
    await hooks.runAfter(policyCreated, { policy: created }, tx);
    return created;
  }

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

const maxDateOf = (a: string, b: string): string => (a >= b ? a : b);
