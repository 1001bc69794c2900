import { type Db, queryRows } from '@mutua/kernel';
import { type SQL, sql } from 'drizzle-orm';

/**
 * A uuid[] literal passed as ONE parameter: `= ANY(…)` keeps the statement the same size however many ids there are
 * (an IN list of tens of thousands of parameters would hit PostgreSQL's 65 535-parameter limit). UUIDs are hex and
 * dashes only, so the literal needs no quoting; callers pass validated ids.
 */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Keeps only well-formed ids (a malformed id would make the whole uuid[] cast fail). */
export const validIds = (ids: readonly string[]): string[] => ids.filter((id) => UUID_RE.test(id));

/** The given locations and all their current descendants: one recursive query. */
export async function subtree(db: Db, ids: readonly string[]): Promise<string[]> {
  const roots = validIds(ids);
  if (!roots.length) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`WITH RECURSIVE down(id) AS (
          SELECT id FROM location WHERE id = ANY(${uuidArray(roots)}) AND deleted_at IS NULL
          UNION
          SELECT l.id FROM location l JOIN down d ON l.parent_id = d.id WHERE l.deleted_at IS NULL
        ) SELECT id FROM down`,
  );
  return rows.map((r) => r.id);
}

/** A subtree with each node's type and depth under the root (0 = the root). */
export async function subtreeWithDepth(
  db: Db,
  rootId: string,
): Promise<Array<{ id: string; type: string; depth: number }>> {
  return queryRows(
    db,
    sql`WITH RECURSIVE down(id, type, depth) AS (
          SELECT id, type, 0 FROM location WHERE id = ${rootId} AND deleted_at IS NULL
          UNION ALL
          SELECT l.id, l.type, d.depth + 1 FROM location l JOIN down d ON l.parent_id = d.id WHERE l.deleted_at IS NULL
        ) SELECT id, type, depth FROM down`,
  );
}

/**
 * One query for a district-limited user's scope: the districts and every descendant (`writable`), plus their
 * ancestors up to the top level (visible, not writable).
 */
export async function scopeRows(
  db: Db,
  districtIds: readonly string[],
): Promise<Array<{ id: string; writable: boolean }>> {
  const roots = validIds(districtIds);
  if (!roots.length) return [];
  const arr = uuidArray(roots);
  return queryRows(
    db,
    sql`WITH RECURSIVE down(id) AS (
          SELECT id FROM location WHERE id = ANY(${arr}) AND deleted_at IS NULL
          UNION
          SELECT l.id FROM location l JOIN down d ON l.parent_id = d.id WHERE l.deleted_at IS NULL
        ), up(id, parent_id) AS (
          SELECT id, parent_id FROM location WHERE id = ANY(${arr}) AND deleted_at IS NULL
          UNION
          SELECT l.id, l.parent_id FROM location l JOIN up u ON l.id = u.parent_id
        )
        SELECT id, true AS writable FROM down
        UNION ALL
        SELECT id, false AS writable FROM up WHERE NOT (id = ANY(${arr}))`,
  );
}

/** The location and its ancestors, top level first. */
export async function ancestorIds(db: Db, id: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`WITH RECURSIVE up(id, parent_id, n) AS (
          SELECT id, parent_id, 0 FROM location WHERE id = ${id} AND deleted_at IS NULL
          UNION ALL
          SELECT l.id, l.parent_id, u.n + 1 FROM location l JOIN up u ON l.id = u.parent_id
        ) SELECT id FROM up ORDER BY n DESC`,
  );
  return rows.map((r) => r.id);
}
