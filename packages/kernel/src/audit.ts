import { insertRows } from './bulk.js';
import type { Ctx } from './context.js';
import { auditLog } from './core/tables.js';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'move' | 'login' | string;

/**
 * Appends one audit row (who, when, entity, id, action, before, after) in the caller's transaction, so the
 * change and its audit commit or roll back together. `before`/`after` must be plain JSON (no secrets).
 */
export async function recordAudit(
  ctx: Ctx,
  entry: { entity: string; entityId: string; action: AuditAction; before?: unknown; after?: unknown },
): Promise<void> {
  await insertRows(ctx, auditLog, [
    {
      userId: ctx.user?.id ?? null,
      username: ctx.user?.username ?? null,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  ]);
}

function toJson(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  return JSON.parse(JSON.stringify(v));
}
