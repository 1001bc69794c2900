import { type Ctx, withTransaction } from '@mutua/kernel';
import { mulberry32, planFamily } from '../domain/households.js';
import type { InsureeApi } from '../points.js';
import { type BulkFamily, insertHouseholds } from './bulk.js';
import { depsOf, villagesOf } from './generate.js';

/** Demo insurance numbers start high in the sequence, away from generated ones. */
const DEMO_FIRST_NUMBER = 5_000_000;
export const DEMO_FAMILIES = 320;

/**
 * The demo country's families: 320 households (≈ 1,400 insurees) spread over the demo villages, the same on every
 * run. Written in bulk like `generate`, then one family per village gets an audit entry as "seeded".
 */
export async function seedDemo(ctx: Ctx, service: InsureeApi): Promise<void> {
  const { location, numberFormat } = depsOf(service);
  const villages = await villagesOf(ctx, location);
  if (!villages.length) return;
  const rng = mulberry32(20250101);
  const households: BulkFamily[] = [];
  for (let i = 0; i < DEMO_FAMILIES; i++) {
    households.push({
      plan: planFamily(rng, '2025-01-01'),
      villageId: villages[i % villages.length]!,
      healthFacilityId: null,
    });
  }
  await withTransaction(ctx, (tx) => insertHouseholds(tx, households, numberFormat, DEMO_FIRST_NUMBER, '2025-01-01'));
}
