import type { Ctx } from '@mutua/kernel';
import type { PricelistService } from './service.js';

/** Demo names, used by tests too. */
export const DEMO = {
  nationalItems: 'Tarif national des produits',
  nationalServices: 'Tarif national des actes',
  districtItems: 'Tarif produits district de Tahoua',
  districtServices: 'Tarif actes district de Tahoua (hôpitaux)',
} as const;

/** Adds `pct` percent to an exact decimal string (cents, half-up), without floats. */
export function plus(price: string, pct: number): string {
  const [w, f = ''] = price.split('.');
  const cents = BigInt(w!) * 100n + BigInt(`${f}00`.slice(0, 2));
  const raised = (cents * BigInt(100 + pct) + 50n) / 100n;
  return `${raised / 100n}.${String(raised % 100n).padStart(2, '0')}`;
}

export async function allOf<T extends { id: string }>(
  fetch: (
    after: string | null,
  ) => Promise<{ edges: Array<{ node: T }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } }>,
): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetch(after);
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

/**
 * National items and services lists covering the demo register (every tenth line with an override 10 % below the
 * register), a Tahoua district (R1D1) pair with hospital prices 20 % above, and the six demo facilities assigned.
 */
export async function seedDemo(ctx: Ctx, service: PricelistService): Promise<void> {
  const { location, medical } = service.deps;
  const items = await allOf((after) => medical.searchItems(ctx, {}, { first: 500, after }));
  const services = await allOf((after) => medical.searchServices(ctx, {}, { first: 500, after }));
  const r1d1 = await location.findByCode(ctx, 'R1D1');
  const date = '2025-01-01';

  const nItems = await service.items.create(ctx, { name: DEMO.nationalItems, pricelistDate: date });
  await service.items.setDetails(ctx, nItems.id, {
    add: items.map((it, i) => ({ id: it.id, price: i % 10 === 0 ? plus(it.price, -10) : null })),
  });
  const nServices = await service.services.create(ctx, { name: DEMO.nationalServices, pricelistDate: date });
  await service.services.setDetails(ctx, nServices.id, {
    add: services.map((s, i) => ({ id: s.id, price: i % 10 === 0 ? plus(s.price, -10) : null })),
  });
  let dItems = nItems;
  let dServices = nServices;
  if (r1d1) {
    dItems = await service.items.duplicate(ctx, nItems.id, {
      name: DEMO.districtItems,
      pricelistDate: date,
      locationId: r1d1.id,
    });
    await service.items.setDetails(ctx, dItems.id, {
      prices: items.map((it) => ({ id: it.id, price: plus(it.price, 20) })),
    });
    dServices = await service.services.create(ctx, {
      name: DEMO.districtServices,
      pricelistDate: date,
      locationId: r1d1.id,
    });
    await service.services.setDetails(ctx, dServices.id, {
      add: services.map((s) => ({ id: s.id, price: s.level === 'H' || s.level === 'D' ? plus(s.price, 20) : null })),
    });
  }
  for (const code of ['HF1101', 'HF1102', 'HF1201', 'HF1202', 'HF2101', 'HF2201']) {
    const hf = await location.findHealthFacilityByCode(ctx, code);
    if (!hf) continue;
    const district = code.startsWith('HF11');
    await service.assignToFacility(ctx, hf.id, {
      itemsPricelistId: district ? dItems.id : nItems.id,
      servicesPricelistId: district ? dServices.id : nServices.id,
    });
  }
}
