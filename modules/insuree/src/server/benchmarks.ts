import { type Benchmark, type Ctx, likeEscape, queryRows } from '@mutua/kernel';
import { sql } from 'drizzle-orm';
import { LAST_NAMES, mulberry32 } from '../domain/households.js';
import type { InsureeApi } from '../points.js';

/**
 * Insuree search as a clerk does it (by part of a name, by insurance number), through the service, against the bare
 * indexed SQL on the same rows (`mutua bench`).
 */
export async function benchmarks(ctx: Ctx, service: InsureeApi): Promise<Benchmark[]> {
  const rng = mulberry32(11);
  const numbers = (
    await queryRows<{ chf_id: string }>(
      ctx.db,
      sql`SELECT chf_id FROM insuree WHERE valid_to IS NULL ORDER BY id LIMIT 500`,
    )
  ).map((r) => r.chf_id);
  if (!numbers.length) return [];
  // A 4-letter fragment of a family name: what a clerk types.
  const fragment = () => {
    const n = rng.pick(LAST_NAMES).replace(/[^A-Za-z]/g, '');
    const at = rng.int(0, Math.max(0, n.length - 4));
    return n.slice(at, at + 4);
  };
  return [
    {
      name: 'insuree search by name (trigram)',
      ops: 1,
      iterations: 200,
      run: async () => {
        await service.searchInsurees(ctx, { lastName: fragment() }, { first: 50 });
      },
      baseline: async () => {
        const where = sql`valid_to IS NULL AND last_name ILIKE ${`%${likeEscape(fragment())}%`}`;
        await Promise.all([
          queryRows(ctx.db, sql`SELECT * FROM insuree WHERE ${where} ORDER BY last_name, other_names, id LIMIT 51`),
          queryRows(ctx.db, sql`SELECT count(*)::int AS n FROM insuree WHERE ${where}`),
        ]);
      },
    },
    {
      name: 'insuree by insurance number',
      ops: 1,
      iterations: 500,
      run: async () => {
        await service.findByNumber(ctx, rng.pick(numbers));
      },
      baseline: async () => {
        await queryRows(ctx.db, sql`SELECT * FROM insuree WHERE chf_id = ${rng.pick(numbers)} AND valid_to IS NULL`);
      },
    },
    {
      name: 'insuree search by number prefix',
      ops: 1,
      iterations: 200,
      run: async () => {
        await service.searchInsurees(ctx, { chfId: rng.pick(numbers).slice(0, 7) }, { first: 50 });
      },
      baseline: async () => {
        const where = sql`valid_to IS NULL AND chf_id LIKE ${`${rng.pick(numbers).slice(0, 7)}%`}`;
        await Promise.all([
          queryRows(ctx.db, sql`SELECT * FROM insuree WHERE ${where} ORDER BY last_name, other_names, id LIMIT 51`),
          queryRows(ctx.db, sql`SELECT count(*)::int AS n FROM insuree WHERE ${where}`),
        ]);
      },
    },
  ];
}
