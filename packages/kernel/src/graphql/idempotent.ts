import { and, eq, sql } from 'drizzle-orm';
import { type Ctx, requireUser, withTransaction } from '../context.js';
import { mutationLog } from '../core/tables.js';
import { queryRows } from '../db.js';
import { ConflictError, InputError } from '../errors.js';

/**
 * Runs a mutation once per `(user, clientMutationId)`: a retry with the same id returns the stored result and
 * changes nothing twice. The log row is inserted first in the same transaction, so a concurrent retry waits on
 * its unique key and then reads the committed result. `fn`'s result must be plain JSON (dates as strings).
 */
export async function idempotent<R>(
  ctx: Ctx,
  operation: string,
  clientMutationId: string | null | undefined,
  fn: (tx: Ctx) => Promise<R>,
): Promise<R> {
  if (!clientMutationId) return withTransaction(ctx, fn);
  if (clientMutationId.length > 100) {
    throw InputError.fields([{ field: 'clientMutationId', key: 'kernel.error.tooLong', params: { max: 100 } }]);
  }
  const user = requireUser(ctx);
  return withTransaction(ctx, async (tx) => {
    const inserted = await tx.db
      .insert(mutationLog)
      .values({ userId: user.id, clientMutationId, operation })
      .onConflictDoNothing()
      .returning({ op: mutationLog.operation });
    if (inserted.length === 0) {
      const [prev] = await tx.db
        .select()
        .from(mutationLog)
        .where(and(eq(mutationLog.userId, user.id), eq(mutationLog.clientMutationId, clientMutationId)));
      if (prev?.operation !== operation) {
        throw new ConflictError('kernel.error.clientMutationIdReused', { operation: prev?.operation });
      }
      return prev.result as R;
    }
    const result = await fn(tx);
    await tx.db
      .update(mutationLog)
      .set({ result: JSON.parse(JSON.stringify(result ?? null)) })
      .where(and(eq(mutationLog.userId, user.id), eq(mutationLog.clientMutationId, clientMutationId)));
    return result;
  });
}

/** One mutation of a batch (`idempotentBatch`): its sender and client mutation id. */
export interface BatchMutation {
  userId: string;
  clientMutationId: string;
}

/**
 * Idempotency for a batch of mutations run in one transaction (`tx`), three statements for the whole batch instead of
 * two per mutation: `begin` logs each `(user, clientMutationId)` not seen before and tells which were (those are
 * replays: answer them with `idempotent`, which returns the stored result once the batch commits); `finish` stores
 * the results of those that succeeded and forgets those that failed (a failed mutation does not consume its id).
 */
export const idempotentBatch = {
  async begin(tx: Ctx, operation: string, items: readonly BatchMutation[]): Promise<Set<string>> {
    const fresh = new Set<string>();
    if (!items.length) return fresh;
    const json = JSON.stringify(items.map((i) => ({ user_id: i.userId, cmid: i.clientMutationId })));
    const rows = await queryRows<{ user_id: string; client_mutation_id: string }>(
      tx.db,
      sql`INSERT INTO mutation_log (user_id, client_mutation_id, operation)
          SELECT v.user_id, v.cmid, ${operation} FROM json_to_recordset(${json}::json) AS v(user_id uuid, cmid text)
          ON CONFLICT DO NOTHING RETURNING user_id::text AS user_id, client_mutation_id`,
    );
    for (const r of rows) fresh.add(batchKey({ userId: r.user_id, clientMutationId: r.client_mutation_id }));
    return fresh;
  },
  async finish(
    tx: Ctx,
    done: ReadonlyArray<BatchMutation & { result: unknown }>,
    failed: readonly BatchMutation[],
  ): Promise<void> {
    if (done.length) {
      const json = JSON.stringify(done.map((d) => ({ user_id: d.userId, cmid: d.clientMutationId, result: d.result })));
      await tx.db.execute(
        sql`UPDATE mutation_log m SET result = v.result FROM json_to_recordset(${json}::json) AS v(user_id uuid, cmid text, result jsonb)
            WHERE m.user_id = v.user_id AND m.client_mutation_id = v.cmid`,
      );
    }
    if (failed.length) {
      const json = JSON.stringify(failed.map((d) => ({ user_id: d.userId, cmid: d.clientMutationId })));
      await tx.db.execute(
        sql`DELETE FROM mutation_log m USING json_to_recordset(${json}::json) AS v(user_id uuid, cmid text)
            WHERE m.user_id = v.user_id AND m.client_mutation_id = v.cmid`,
      );
    }
  },
};

export const batchKey = (m: BatchMutation): string => `${m.userId}|${m.clientMutationId}`;
