import { type Ctx, type GenerateOptions, withTransaction } from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import { mulberry32, planFamily } from '../domain/households.js';
import type { NumberFormat } from '../domain/insurance-number.js';
import type { InsureeApi } from '../points.js';
import { type BulkFamily, insertHouseholds } from './bulk.js';

/** What generate and the demo need besides the service (set in `setup`). */
export const generateDeps = new WeakMap<InsureeApi, { location: LocationService; numberFormat: NumberFormat }>();

export function depsOf(service: InsureeApi) {
  const d = generateDeps.get(service);
  if (!d) throw new Error('insuree: generate/demo called with a service that was not set up by this module');
  return d;
}

/** Every current village (last level), in code order, read through the location service page by page. */
export async function villagesOf(ctx: Ctx, location: LocationService): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await location.searchLocations(ctx, { type: location.levels.at(-1)! }, { first: 500, after });
    out.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

const REF_DATE = '2025-01-01';
const CHUNK_FAMILIES = 1500;

/**
 * `mutua generate`: households spread over every generated village until `opts.insurees` insurees exist, written in
 * chunks of ~7,000 insurees per statement pair and one transaction per chunk (progress after each). Deterministic
 * in content for a seed; direct inserts, no per-row audit or hooks (nobody edited these rows).
 */
export async function generate(ctx: Ctx, service: InsureeApi, opts: GenerateOptions): Promise<void> {
  const { location, numberFormat } = depsOf(service);
  const villages = await villagesOf(ctx, location);
  if (!villages.length) throw new Error('insuree: no villages to put families in — generate the location module first');
  const rng = mulberry32(opts.seed ^ 0x1a5e);
  let made = 0;
  let v = 0;
  while (made < opts.insurees) {
    const chunk: BulkFamily[] = [];
    let size = 0;
    while (chunk.length < CHUNK_FAMILIES && made + size < opts.insurees) {
      const plan = planFamily(rng, REF_DATE);
      const room = opts.insurees - made - size;
      if (plan.members.length > room) plan.members = plan.members.slice(0, room);
      chunk.push({ plan, villageId: villages[v++ % villages.length]!, healthFacilityId: null });
      size += plan.members.length;
    }
    await withTransaction(ctx, (tx) => insertHouseholds(tx, chunk, numberFormat, made, REF_DATE));
    made += size;
    await opts.progress(made, opts.insurees, 'insurees');
  }
}
