import type { Insuree } from '@mutua/insuree';
import { ConflictError, type Ctx, type Hooks, NotFoundError, recordAudit, uuidv7 } from '@mutua/kernel';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type ContributionProvider, type Policy, type PolicyValues, policyCreated } from '../points.js';
import type { ComputeDeps } from './compute.js';
import { type Reader, toPolicy } from './read.js';
import { insureePolicy, policy } from './schema.js';

export interface WriteDeps extends ComputeDeps {
  hooks: Hooks;
  read: Reader;
  activationOption: 1 | 3;
  renewalInterval: number;
  contributions: () => ContributionProvider | null;
}

export type PolicyChanges = Partial<Pick<Policy, 'status' | 'effectiveDate' | 'value'>>;

/** Policy versions: the current one read, a changed one opened, a new policy inserted with its coverage rows. */
export function createVersions(deps: WriteDeps) {
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

  return { mustGet, newVersion, insertPolicy };
}

export type Versions = ReturnType<typeof createVersions>;
