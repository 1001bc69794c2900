import { type Ctx, InputError, isUuid, RuleViolation, recordAudit, requireRight } from '@mutua/kernel';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { checkChildrenTarget, checkMoveTarget, isRegionOrDistrict, retype } from '../domain/location-rules.js';
import { clean } from '../domain/text.js';
import type { Location } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { locationDeleted, locationMoved } from '../points.js';
import { loadLocation } from './location-read.js';
import { loadWritable, outOfScope, treeWrite, type WriteDeps } from './location-write.js';
import { toLocation } from './rows.js';
import { healthFacility, location } from './schema.js';
import { isInScope, isUnrestricted } from './scope.js';
import { subtree, subtreeWithDepth, uuidArray } from './tree-sql.js';

/** Facilities attached to any of these locations: they would point at a deleted or re-typed district. */
async function facilitiesAt(ctx: Ctx, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const [r] = await ctx.db
    .select({ n: count() })
    .from(healthFacility)
    .where(and(sql`${healthFacility.locationId} = ANY(${uuidArray(ids)})`, isNull(healthFacility.deletedAt)));
  return r?.n ?? 0;
}

/**
 * DOMAIN.md §4.1 delete: with `newParentId`, the direct children move under that location (same level as the deleted
 * one) and only this location is deleted; without it the whole subtree is soft-deleted.
 */
export async function deleteLocation(
  deps: WriteDeps,
  ctx: Ctx,
  id: string,
  opts: { newParentId?: string | null } = {},
): Promise<{ deletedIds: string[] }> {
  requireRight(ctx, RIGHTS.locationDelete);
  const target = await loadWritable(ctx, id);
  const newParentId = clean(opts.newParentId);
  let deletedIds: string[];
  let kids: Location[] = [];
  if (newParentId) {
    const newParent = await loadLocation(ctx, newParentId);
    const problem = checkChildrenTarget(target, newParent);
    if (problem) throw InputError.fields([problem]);
    if (!(await isInScope(ctx, newParentId))) throw outOfScope();
    deletedIds = [target.id];
    const rows = await ctx.db
      .select()
      .from(location)
      .where(and(eq(location.parentId, target.id), isNull(location.deletedAt)));
    kids = rows.map(toLocation);
  } else {
    deletedIds = await subtree(ctx.db, [target.id]);
  }
  const attached = await facilitiesAt(ctx, deletedIds);
  if (attached) {
    throw new RuleViolation('location.error.hasHealthFacilities', { count: attached }, [
      { field: 'id', key: 'location.error.hasHealthFacilities', params: { count: attached } },
    ]);
  }
  const payload = { location: target, deletedIds, newParentId: newParentId ?? null };
  return treeWrite(ctx, async (tx) => {
    await deps.hooks.runValidate(locationDeleted, payload, tx);
    await deps.hooks.runBefore(locationDeleted, payload, tx);
    if (newParentId) {
      await tx.db
        .update(location)
        .set({ parentId: newParentId, updatedAt: sql`now()` })
        .where(and(eq(location.parentId, target.id), isNull(location.deletedAt)));
      for (const k of kids) {
        await recordAudit(tx, {
          entity: 'Location',
          entityId: k.id,
          action: 'move',
          before: { parentId: target.id },
          after: { parentId: newParentId },
        });
      }
    }
    await tx.db
      .update(location)
      .set({ deletedAt: sql`now()` })
      .where(and(sql`${location.id} = ANY(${uuidArray(deletedIds)})`, isNull(location.deletedAt)));
    for (const d of deletedIds) {
      await recordAudit(tx, {
        entity: 'Location',
        entityId: d,
        action: 'delete',
        before: d === target.id ? target : null,
      });
    }
    await deps.hooks.runAfter(locationDeleted, payload, tx);
    return { deletedIds };
  });
}

/**
 * DOMAIN.md §4.1 move: the location goes under `newParentId` (`null` = becomes top level). When its depth changes,
 * it and its descendants are re-typed so every child stays exactly one level under its parent.
 */
export async function moveLocation(
  deps: WriteDeps,
  ctx: Ctx,
  id: string,
  newParentId: string | null,
): Promise<Location> {
  const { levels } = deps.config;
  requireRight(ctx, RIGHTS.locationMove);
  const node = await loadWritable(ctx, id);
  const targetId = clean(newParentId);
  if (targetId !== null && !isUuid(targetId))
    throw InputError.fields([{ field: 'newParentId', key: 'location.error.parentNotFound' }]);
  const newParent = targetId ? await loadLocation(ctx, targetId) : null;
  if (newParent === undefined)
    throw InputError.fields([{ field: 'newParentId', key: 'location.error.parentNotFound' }]);
  if (!(newParent ? await isInScope(ctx, newParent.id) : await isUnrestricted(ctx))) throw outOfScope();
  if ((newParent?.id ?? null) === node.parentId) return node;

  const nodes = await subtreeWithDepth(ctx.db, node.id);
  const cycle = checkMoveTarget(new Set(nodes.map((n) => n.id)), newParent?.id ?? null);
  if (cycle) throw InputError.fields([cycle]);
  const { changes, problem } = retype(nodes, newParent?.type ?? null, levels);
  if (problem) throw InputError.fields([problem]);
  // Regions and districts are managed with 121906: moving one, or making one, needs it too.
  if (isRegionOrDistrict(node.type, levels) || changes.some((c) => isRegionOrDistrict(c.to, levels))) {
    requireRight(ctx, RIGHTS.manageRegions);
  }
  // A facility belongs to a district: re-typing a district would leave it attached to another level.
  const attached = await facilitiesAt(
    ctx,
    changes.map((c) => c.id),
  );
  if (attached) {
    throw new RuleViolation('location.error.retypeWithHealthFacilities', { count: attached }, [
      { field: 'newParentId', key: 'location.error.retypeWithHealthFacilities', params: { count: attached } },
    ]);
  }
  const moved: Location = {
    ...node,
    parentId: newParent?.id ?? null,
    type: changes.find((c) => c.id === node.id)?.to ?? node.type,
  };
  const payload = { location: moved, previousParentId: node.parentId, retyped: changes };
  return treeWrite(ctx, async (tx) => {
    await deps.hooks.runValidate(locationMoved, payload, tx);
    await deps.hooks.runBefore(locationMoved, payload, tx);
    await tx.db
      .update(location)
      .set({ parentId: moved.parentId, updatedAt: sql`now()` })
      .where(eq(location.id, node.id));
    // One UPDATE per target level (at most the number of levels), not one per node.
    for (const to of new Set(changes.map((c) => c.to))) {
      const ids = changes.filter((c) => c.to === to).map((c) => c.id);
      await tx.db
        .update(location)
        .set({ type: to, updatedAt: sql`now()` })
        .where(sql`${location.id} = ANY(${uuidArray(ids)})`);
    }
    await recordAudit(tx, {
      entity: 'Location',
      entityId: node.id,
      action: 'move',
      before: { parentId: node.parentId, type: node.type },
      after: { parentId: moved.parentId, type: moved.type },
    });
    for (const c of changes.filter((x) => x.id !== node.id)) {
      await recordAudit(tx, {
        entity: 'Location',
        entityId: c.id,
        action: 'update',
        before: { type: c.from },
        after: { type: c.to },
      });
    }
    await deps.hooks.runAfter(locationMoved, payload, tx);
    return moved;
  });
}
