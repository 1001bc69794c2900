import type { Ctx, FieldProblem, Hooks } from '@mutua/kernel';
import { hfDeleted, type LocationService, locationDeleted, locationMoved } from '@mutua/location';
import { and, count, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { claimAdmin, officer, officerVillage } from './schema.js';

const inIds = (col: AnyPgColumn, ids: readonly string[]): SQL => sql`${col} = ANY(${`{${ids.join(',')}}`}::uuid[])`;

async function officersAt(ctx: Ctx, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const [row] = await ctx.db
    .select({ n: count() })
    .from(officer)
    .where(and(inIds(officer.locationId, ids), isNull(officer.deletedAt)));
  return row?.n ?? 0;
}

async function servingVillages(ctx: Ctx, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const [row] = await ctx.db
    .select({ n: sql<number>`count(DISTINCT ${officerVillage.officerId})::int` })
    .from(officerVillage)
    .innerJoin(officer, eq(officer.id, officerVillage.officerId))
    .where(and(inIds(officerVillage.villageId, ids), isNull(officer.deletedAt)));
  return row?.n ?? 0;
}

const problem = (key: string, n: number): FieldProblem[] => (n ? [{ field: 'id', key, params: { count: n } }] : []);

/**
 * Officers keep valid places: deleting a district with current officers, re-typing their district or a village they
 * serve, or deleting a facility with current claim administrators is refused; a deleted village leaves the lists of
 * the officers who served it (in the same transaction).
 */
export function guardLocations(hooks: Hooks, location: LocationService): void {
  hooks.validate(locationDeleted, async ({ deletedIds }, ctx) =>
    problem('officer.error.locationHasOfficers', await officersAt(ctx, deletedIds)),
  );
  hooks.after(locationDeleted, async ({ deletedIds }, ctx) => {
    if (deletedIds.length) await ctx.db.delete(officerVillage).where(inIds(officerVillage.villageId, deletedIds));
  });
  hooks.validate(locationMoved, async ({ retyped }, ctx) => {
    const district = location.levels[1];
    const village = location.levels.at(-1);
    return [
      ...problem(
        'officer.error.locationHasOfficers',
        await officersAt(
          ctx,
          retyped.filter((r) => r.from === district).map((r) => r.id),
        ),
      ),
      ...problem(
        'officer.error.villageServed',
        await servingVillages(
          ctx,
          retyped.filter((r) => r.from === village).map((r) => r.id),
        ),
      ),
    ];
  });
  hooks.validate(hfDeleted, async ({ healthFacility }, ctx) => {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(claimAdmin)
      .where(and(eq(claimAdmin.hfId, healthFacility.id), isNull(claimAdmin.deletedAt)));
    return problem('officer.error.hfHasClaimAdmins', row?.n ?? 0);
  });
}
