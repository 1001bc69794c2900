import {
  ConflictError,
  type Ctx,
  InputError,
  isUniqueViolation,
  isUuid,
  NotFoundError,
  recordAudit,
  requireRight,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import type { Policy } from '@mutua/policy';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { checkContribution, clean, problem } from '../domain/check-input.js';
import { localToday } from '../domain/dates.js';
import { toCents } from '../domain/money.js';
import type { Contribution, ContributionInput, ContributionValues, Problem } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { type ContributionApi, type ContributionResult, contributionChanged } from '../points.js';
import { type ContributionDeps, outOfScope } from './deps.js';
import { asSystem, previewFrom, termsOf } from './payment.js';
import { audited, toContribution } from './read.js';
import { premium } from './schema.js';

type Writes = Pick<ContributionApi, 'createContribution' | 'updateContribution' | 'deleteContribution'>;

interface Helpers {
  ofPolicy(ctx: Ctx, policyId: string, exceptId?: string | null): Promise<Contribution[]>;
  scope(ctx: Ctx): Promise<SQL | undefined>;
}

const receiptTaken = (receipt: string) =>
  InputError.fields([problem('receipt', 'contribution.error.receiptTaken', { receipt })]);

export function createWrites(deps: ContributionDeps, h: Helpers): Writes {
  const { hooks, policies, insurees, payers } = deps;

  async function policyFor(ctx: Ctx, policyId: string | null | undefined): Promise<Policy> {
    const id = clean(policyId);
    if (!id) throw InputError.fields([problem('policyId', 'contribution.error.required')]);
    const policy = isUuid(id) ? await policies.getPolicy(ctx, id) : null;
    if (!policy) throw InputError.fields([problem('policyId', 'contribution.error.policyNotFound')]);
    if (!(await insurees.canWriteFamily(ctx, policy.familyId))) throw outOfScope();
    return policy;
  }

  /** Field rules, then what needs the database: the payer exists, the receipt is free for the product. */
  async function prepare(ctx: Ctx, input: ContributionInput, policy: Policy, exceptId: string | null) {
    const { values, problems } = checkContribution(input, localToday());
    const extra: Problem[] = [];
    // Existence only: a clerk may name a payer without holding the payer-register right.
    if (values?.payerId && !(await payers.getPayer(asSystem(ctx), values.payerId))) {
      extra.push(problem('payerId', 'contribution.error.payerNotFound'));
    }
    if (values && (await receiptUsed(ctx, policy.productId, values.receipt, exceptId))) {
      extra.push(problem('receipt', 'contribution.error.receiptTaken', { receipt: values.receipt }));
    }
    if (problems.length || extra.length) throw InputError.fields([...problems, ...extra]);
    return values!;
  }

  async function receiptUsed(ctx: Ctx, productId: string, receipt: string, exceptId: string | null) {
    const [row] = await ctx.db
      .select({ id: premium.id })
      .from(premium)
      .where(
        and(
          isNull(premium.validTo),
          eq(premium.productId, productId),
          sql`lower(${premium.receipt}) = lower(${receipt})`,
          exceptId ? sql`${premium.id} <> ${exceptId}` : undefined,
        ),
      )
      .limit(1);
    return !!row;
  }

  /** Serialises writes to one policy's contributions, so two installments saved together both count. */
  const lockPolicy = (tx: Ctx, policyId: string) =>
    tx.db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`contribution:${policyId}`}))`);

  /**
   * Inserts a version, then activates the policy when this contribution completes its value (DECISIONS.md #25),
   * all in the caller's transaction.
   */
  async function save(
    tx: Ctx,
    policyId: string,
    id: string,
    v: ContributionValues,
    previous: Contribution | null,
  ): Promise<ContributionResult> {
    // Read the policy and the other contributions inside the lock: what another clerk just saved counts.
    const policy = (await policies.getPolicy(tx, policyId))!;
    const others = await h.ofPolicy(tx, policyId, id);
    const terms = await termsOf(tx, policy, deps);
    const preview = previewFrom(
      policy,
      others,
      terms,
      { amount: toCents(v.amount)!, payDate: v.payDate, isPhotoFee: v.isPhotoFee },
      deps.activationOption,
    );
    let row: typeof premium.$inferSelect | undefined;
    try {
      [row] = await tx.db
        .insert(premium)
        .values({
          rowId: uuidv7(),
          id,
          policyId,
          productId: policy.productId,
          familyId: policy.familyId,
          ...v,
          createdAt: previous ? new Date(previous.createdAt) : sql`now()`,
          validFrom: sql`now()`,
        })
        .returning();
    } catch (err) {
      // Two clerks saved the same receipt at the same moment: the unique index refuses the second.
      if (isUniqueViolation(err)) throw receiptTaken(v.receipt);
      throw err;
    }
    const contribution = toContribution(row!);
    let after = policy;
    if (preview.activates) after = await policies.activatePolicy(tx, policyId, preview.effectiveDate!);
    const change = {
      action: previous ? ('update' as const) : ('create' as const),
      current: contribution,
      previous,
      activated: preview.activates,
    };
    await recordAudit(tx, {
      entity: 'Contribution',
      entityId: id,
      action: change.action,
      before: previous ? audited(previous) : undefined,
      after: { ...audited(contribution), activatedPolicy: preview.activates ? preview.effectiveDate : undefined },
    });
    await hooks.runAfter(contributionChanged, change, tx);
    return { contribution, policy: after, activated: preview.activates };
  }

  async function loadWritable(ctx: Ctx, id: string): Promise<{ found: Contribution; policy: Policy }> {
    const [row] = isUuid(id)
      ? await ctx.db
          .select()
          .from(premium)
          .where(and(isNull(premium.validTo), eq(premium.id, id), await h.scope(ctx)))
          .limit(1)
      : [];
    if (!row) throw new NotFoundError('Contribution', id);
    const found = toContribution(row);
    const policy = await policies.getPolicy(ctx, found.policyId);
    if (!policy) throw new NotFoundError('Policy', found.policyId);
    if (!(await insurees.canWriteFamily(ctx, found.familyId))) throw outOfScope();
    return { found, policy };
  }

  /** Closes the current version; a conflict when another user changed or deleted it meanwhile. */
  async function close(tx: Ctx, c: Contribution) {
    const closed = await tx.db
      .update(premium)
      .set({ validTo: sql`now()` })
      .where(and(eq(premium.id, c.id), isNull(premium.validTo)))
      .returning({ rowId: premium.rowId });
    if (!closed.length) throw new ConflictError('contribution.error.changedMeanwhile', { receipt: c.receipt });
  }

  return {
    async createContribution(ctx, input) {
      requireRight(ctx, RIGHTS.add);
      const policy = await policyFor(ctx, input.policyId);
      const v = await prepare(ctx, input, policy, null);
      const id = uuidv7();
      return withTransaction(ctx, async (tx) => {
        await lockPolicy(tx, policy.id);
        const now = new Date().toISOString();
        const draft: Contribution = {
          ...v,
          id,
          policyId: policy.id,
          productId: policy.productId,
          familyId: policy.familyId,
          createdAt: now,
          validFrom: now,
          validTo: null,
        };
        await hooks.runValidate(
          contributionChanged,
          { action: 'create', current: draft, previous: null, activated: false },
          tx,
        );
        return save(tx, policy.id, id, v, null);
      });
    },

    async updateContribution(ctx, id, input) {
      requireRight(ctx, RIGHTS.edit);
      const { found, policy } = await loadWritable(ctx, id);
      const policyId = clean(input.policyId);
      if (policyId && policyId !== found.policyId) {
        throw InputError.fields([problem('policyId', 'contribution.error.policyFixed')]);
      }
      const v = await prepare(ctx, input, policy, found.id);
      const same = (Object.keys(v) as Array<keyof ContributionValues>).every((k) => v[k] === found[k]);
      if (same) return { contribution: found, policy, activated: false };
      return withTransaction(ctx, async (tx) => {
        await lockPolicy(tx, policy.id);
        await hooks.runValidate(
          contributionChanged,
          { action: 'update', current: { ...found, ...v }, previous: found, activated: false },
          tx,
        );
        await close(tx, found);
        return save(tx, policy.id, found.id, v, found);
      });
    },

    async deleteContribution(ctx, id) {
      requireRight(ctx, RIGHTS.delete);
      const { found, policy } = await loadWritable(ctx, id);
      await withTransaction(ctx, async (tx) => {
        await lockPolicy(tx, policy.id);
        const change = { action: 'delete' as const, current: null, previous: found, activated: false };
        await hooks.runValidate(contributionChanged, change, tx);
        await close(tx, found);
        // The policy keeps its status: openIMIS never deactivates on a deleted contribution (DOMAIN.md §11).
        await recordAudit(tx, { entity: 'Contribution', entityId: found.id, action: 'delete', before: audited(found) });
        await hooks.runAfter(contributionChanged, change, tx);
      });
    },
  };
}
