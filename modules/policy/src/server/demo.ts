import type { InsureeApi } from '@mutua/insuree';
import type { Ctx } from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import type { ProductApi } from '@mutua/product';
import { addDays, addMonths, localToday } from '../domain/dates.js';
import type { Policy, PolicyApi } from '../points.js';

/** The services each policy service was built with (set in setup), for the demo seed and generate. */
export const demoDeps = new WeakMap<
  PolicyApi,
  { insuree: InsureeApi; product: ProductApi; location: LocationService; ageOfMajority: number }
>();

/**
 * Demo policies on the insuree module's demo families, in every status, dated from today so the demo always looks
 * current: active (MUS-FAM), expiring within the renewal interval (MUS-FFS, renewal converts to MUS-FAM), expired,
 * idle, suspended and ready. Active ones are activated directly; the contribution module seeds matching payments.
 */
export async function seedDemo(ctx: Ctx, policies: PolicyApi): Promise<void> {
  const deps = demoDeps.get(policies);
  if (!deps) throw new Error('policy demo: service without its dependencies');
  const fam = await deps.product.findByCode(ctx, 'MUS-FAM');
  const ffs = await deps.product.findByCode(ctx, 'MUS-FFS');
  if (!fam || !ffs) return;
  const page = await deps.insuree.searchInsurees(ctx, {}, { first: 200 });
  const families = [...new Set(page.edges.map((e) => e.node.familyId))];
  const today = localToday();
  const plan: Array<{ product: string; enroll: string; after?: (p: Policy) => Promise<unknown> }> = [
    { product: fam.id, enroll: addMonths(today, -6), after: (p) => policies.activatePolicy(ctx, p.id, p.startDate) },
    {
      product: ffs.id,
      enroll: addDays(addMonths(today, -12), 7),
      after: (p) => policies.activatePolicy(ctx, p.id, p.startDate),
    },
    { product: ffs.id, enroll: addMonths(today, -14), after: (p) => policies.activatePolicy(ctx, p.id, p.startDate) },
    { product: fam.id, enroll: today },
    {
      product: ffs.id,
      enroll: addMonths(today, -3),
      after: async (p) => {
        await policies.activatePolicy(ctx, p.id, p.startDate);
        await policies.suspendPolicy(ctx, p.id);
      },
    },
    {
      product: fam.id,
      enroll: addMonths(today, -2),
      after: (p) => policies.activatePolicy(ctx, p.id, p.startDate, { status: 16 }),
    },
  ];
  // Two rounds over the plan: 12 families with a policy in each status.
  for (let i = 0; i < Math.min(families.length, plan.length * 2); i++) {
    const step = plan[i % plan.length]!;
    const p = await policies.createPolicy(ctx, {
      familyId: families[i]!,
      productId: step.product,
      enrollDate: step.enroll,
    });
    await step.after?.(p);
  }
  await policies.expirePolicies(ctx, today);
}
