import type { Ctx, FieldProblem, Hooks } from '@mutua/kernel';
import { type LocationService, locationDeleted, locationMoved } from '@mutua/location';
import { and, count, type SQL, sql } from 'drizzle-orm';
import { isPayerLevel } from '../domain/payer-rules.js';
import { payer } from './schema.js';

async function payersAt(ctx: Ctx, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const inIds: SQL = sql`${payer.locationId} = ANY(${`{${ids.join(',')}}`}::uuid[])`;
  const [row] = await ctx.db
    .select({ n: count() })
    .from(payer)
    .where(and(inIds, sql`${payer.validTo} IS NULL`));
  return row?.n ?? 0;
}

const problem = (n: number): FieldProblem[] =>
  n ? [{ field: 'id', key: 'payer.error.locationHasPayers', params: { count: n } }] : [];

/**
 * Payers keep a valid location: the location module refuses to delete a region or district that current payers
 * belong to, or to move one to a level payers cannot hold.
 */
export function guardLocations(hooks: Hooks, location: LocationService): void {
  hooks.validate(locationDeleted, async ({ deletedIds }, ctx) => problem(await payersAt(ctx, deletedIds)));
  hooks.validate(locationMoved, async ({ retyped }, ctx) =>
    problem(
      await payersAt(
        ctx,
        retyped.filter((r) => !isPayerLevel(r.to, location.levels)).map((r) => r.id),
      ),
    ),
  );
}
