import { type Ctx, type GenerateOptions, uuidv7, withTransaction } from '@mutua/kernel';
import type { HealthFacility, Location } from '@mutua/location';
import { allOf, plus } from './demo.js';
import { hfPricelist, TABLES } from './schema.js';
import type { PricelistService } from './service.js';

/** Names of the generated national lists (region lists add the region's code and name). */
export const GENERATED = {
  items: 'Tarif national des produits (généré)',
  services: 'Tarif national des actes (généré)',
} as const;

const PRICELIST_DATE = '2025-01-01';
/** The lists apply since their date, so a claim of 2025 or later reads them "as of" its date. */
const VALID_FROM = new Date(`${PRICELIST_DATE}T00:00:00Z`);
const CHUNK = 5000;

/** A deterministic choice in [0, n) for (seed, list, line): a multiplicative hash, no PRNG state to thread. */
export const hashPick = (seed: number, list: number, line: number, n: number): number =>
  ((Math.imul(seed ^ 0x9e37, 0x85ebca6b) ^ Math.imul(list + 1, 0xc2b2ae35) ^ Math.imul(line + 1, 0x27d4eb2f)) >>> 0) %
  n;

export interface PlannedList {
  name: string;
  locationId: string | null;
  /** Register id → override (null = the register price). */
  lines: Array<{ medicalId: string; override: string | null }>;
}

/**
 * The lists of one kind: a national one (every 40th line 10 % below the register, a negotiated tariff) and one per
 * region (about one line in 25 at +5 % or +15 %: regional transport costs); every list holds every register line.
 */
export function planLists(
  seed: number,
  kind: 'items' | 'services',
  register: ReadonlyArray<{ id: string; price: string }>,
  regions: ReadonlyArray<Pick<Location, 'id' | 'code' | 'name'>>,
): PlannedList[] {
  const national: PlannedList = {
    name: GENERATED[kind],
    locationId: null,
    lines: register.map((m, i) => ({
      medicalId: m.id,
      override: hashPick(seed, 0, i, 40) === 0 ? plus(m.price, -10) : null,
    })),
  };
  const label = kind === 'items' ? 'Tarif produits' : 'Tarif actes';
  const regional = regions.map(
    (r, k): PlannedList => ({
      name: `${label} ${r.code} ${r.name} (généré)`.slice(0, 100),
      locationId: r.id,
      lines: register.map((m, i) => {
        const h = hashPick(seed, k + 1, i, 50);
        return { medicalId: m.id, override: h === 0 ? plus(m.price, 5) : h === 1 ? plus(m.price, 15) : null };
      }),
    }),
  );
  return [national, ...regional];
}

/** District id → region id, through the location service (each region's subtree). */
export async function regionOfDistricts(
  ctx: Ctx,
  service: PricelistService,
  regions: readonly Location[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const r of regions) for (const id of await service.deps.location.subtreeIds(ctx, [r.id])) out.set(id, r.id);
  return out;
}

/**
 * `mutua generate`: items and services lists covering the whole register (national + one per region), and every
 * health facility linked to its region's lists (the national ones when it has no region). Direct multi-row inserts,
 * one transaction per kind; a facility already linked (the demo's) keeps its lists. Nobody edited these rows: no audit.
 */
export async function generate(ctx: Ctx, service: PricelistService, opts: GenerateOptions): Promise<void> {
  const { location, medical } = service.deps;
  const items = await allOf((after) => medical.searchItems(ctx, {}, { first: 500, after }));
  const services = await allOf((after) => medical.searchServices(ctx, {}, { first: 500, after }));
  const regions = (await location.children(ctx, null)).sort((a, b) => a.code.localeCompare(b.code));
  const facilities = await allOf<HealthFacility>((after) =>
    location.searchHealthFacilities(ctx, {}, { first: 500, after }),
  );
  const plans = {
    items: planLists(opts.seed, 'items', items, regions),
    services: planLists(opts.seed, 'services', services, regions),
  };
  const total = (items.length + services.length) * (regions.length + 1) + facilities.length;
  let done = 0;
  const listIds = { items: new Map<string | null, string>(), services: new Map<string | null, string>() };
  for (const kind of ['items', 'services'] as const) {
    const { header, detail } = TABLES[kind];
    for (const list of plans[kind]) {
      const id = uuidv7();
      listIds[kind].set(list.locationId, id);
      await withTransaction(ctx, async (tx) => {
        await tx.db.insert(header).values({
          rowId: uuidv7(),
          id,
          validFrom: VALID_FROM,
          name: list.name,
          pricelistDate: PRICELIST_DATE,
          locationId: list.locationId,
        });
        for (let i = 0; i < list.lines.length; i += CHUNK) {
          await tx.db.insert(detail).values(
            list.lines.slice(i, i + CHUNK).map((l) => ({
              rowId: uuidv7(),
              id: uuidv7(),
              validFrom: VALID_FROM,
              pricelistId: id,
              medicalId: l.medicalId,
              priceOverride: l.override,
            })),
          );
        }
      });
      done += list.lines.length;
      await opts.progress(done, total, `${kind} price lists`);
    }
  }
  const regionOf = await regionOfDistricts(ctx, service, regions);
  for (let i = 0; i < facilities.length; i += CHUNK) {
    const rows = facilities.slice(i, i + CHUNK).map((hf) => {
      const region = regionOf.get(hf.locationId) ?? null;
      return {
        hfId: hf.id,
        itemsPricelistId: listIds.items.get(region) ?? listIds.items.get(null)!,
        servicesPricelistId: listIds.services.get(region) ?? listIds.services.get(null)!,
      };
    });
    await ctx.db.insert(hfPricelist).values(rows).onConflictDoNothing({ target: hfPricelist.hfId });
    done += rows.length;
    await opts.progress(done, total, 'facility price lists');
  }
}
