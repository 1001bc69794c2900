import { type Benchmark, type Ctx, queryRows } from '@mutua/kernel';
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { mulberry32 } from '../domain/prng.js';
import type { LocationService } from '../points.js';
import { likeEscape } from './rows.js';
import { healthFacility, location } from './schema.js';
import { scopeRows } from './tree-sql.js';

/**
 * Each benchmark runs the service as a user would, and the bare SQL the service stands on as the baseline, so the
 * ratio shows what the service layer costs (`mutua bench`).
 */
export async function benchmarks(ctx: Ctx, service: LocationService): Promise<Benchmark[]> {
  const rng = mulberry32(7);
  const names = await ctx.db
    .select({ name: healthFacility.name })
    .from(healthFacility)
    .where(isNull(healthFacility.deletedAt))
    .limit(200);
  const districts = await ctx.db
    .select({ id: location.id })
    .from(location)
    .where(and(eq(location.type, service.levels[1]!), isNull(location.deletedAt)))
    .orderBy(asc(location.code))
    .limit(50);
  const out: Benchmark[] = [];

  if (names.length) {
    // A 4-letter fragment from inside a real name: what a clerk types in the search box.
    const fragment = () => {
      const words = rng
        .pick(names)
        .name.split(/\s+/)
        .filter((w) => w.length >= 4);
      const w = words.length ? rng.pick(words) : 'CSI ';
      return w.slice(0, 4);
    };
    out.push({
      name: 'hf search by name (trigram)',
      ops: 1,
      iterations: 200,
      run: async () => {
        await service.searchHealthFacilities(ctx, { search: fragment() }, { first: 50 });
      },
      baseline: async () => {
        const t = likeEscape(fragment());
        const where = sql`deleted_at IS NULL AND (code ILIKE ${`${t}%`} OR name ILIKE ${`%${t}%`})`;
        await pageWithCatchments(ctx, where);
      },
    });
  }

  if (districts.length) {
    const districtUser = (id: string): Ctx => ({
      ...ctx,
      // A new user object per call, as per request: the scope memo does not hide the expansion cost.
      user: {
        id: '00000000-0000-7000-8000-00000000b001',
        username: 'bench-district',
        language: 'en',
        rights: new Set(['location.hf.search']),
        isAdmin: false,
        districtIds: [id],
        healthFacilityId: null,
      },
    });
    out.push({
      name: 'location scope expansion for a district user',
      ops: 1,
      iterations: 500,
      run: async () => {
        await service.scope(districtUser(rng.pick(districts).id));
      },
      baseline: async () => {
        await scopeRows(ctx.db, [rng.pick(districts).id]);
      },
    });
    out.push({
      name: 'hf search for a district user (scoped)',
      ops: 1,
      iterations: 200,
      run: async () => {
        await service.searchHealthFacilities(districtUser(rng.pick(districts).id), {}, { first: 50 });
      },
      baseline: async () => {
        const ids = (await scopeRows(ctx.db, [rng.pick(districts).id])).map((r) => r.id);
        const where = sql`deleted_at IS NULL AND location_id = ANY(${`{${ids.join(',')}}`}::uuid[])`;
        await pageWithCatchments(ctx, where);
      },
    });
  }
  return out;
}

/** The bare equivalent of a facility page: rows, total, and the catchments of the page (as the service loads them). */
async function pageWithCatchments(ctx: Ctx, where: SQL): Promise<void> {
  const [rows] = await Promise.all([
    queryRows<{ id: string }>(ctx.db, sql`SELECT * FROM health_facility WHERE ${where} ORDER BY code, id LIMIT 51`),
    queryRows(ctx.db, sql`SELECT count(*)::int AS n FROM health_facility WHERE ${where}`),
  ]);
  if (!rows.length) return;
  await queryRows(
    ctx.db,
    sql`SELECT c.* FROM health_facility_catchment c JOIN location l ON l.id = c.village_id
        WHERE c.hf_id = ANY(${`{${rows.map((r) => r.id).join(',')}}`}::uuid[]) AND l.deleted_at IS NULL ORDER BY l.code`,
  );
}
