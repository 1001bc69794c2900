import { and, eq } from 'drizzle-orm';
import { type Ctx, requireUser, withTransaction } from '../context.js';
import { mutationLog } from '../core/tables.js';
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
