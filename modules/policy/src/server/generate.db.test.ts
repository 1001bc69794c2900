import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import insuree, { type FamilyPage } from '@mutua/insuree';
import { queryRows } from '@mutua/kernel';
import location from '@mutua/location';
import medical, { medicalService } from '@mutua/medical';
import product, { NATIONAL_CODE } from '@mutua/product';
import { sql } from 'drizzle-orm';
import { usePolicyKernel } from './db-test-kernel.js';
import { pickProduct, planPolicy } from './generate.js';
import policy from './index.js';

const t = usePolicyKernel();

async function allFamilies(): Promise<FamilyPage['families']> {
  const out: FamilyPage['families'] = [];
  let after: string | null = null;
  for (;;) {
    const page = await t.insuree.familiesWithMembers(t.admin, { first: 1000, after });
    if (!page.families.length) return out;
    out.push(...page.families);
    after = page.endCursor;
  }
}

describe('generated policies', () => {
  it('one active policy per family covering every member through 2026, with progress', async () => {
    const opts = { seed: 6, insurees: 6000, progress: () => {} };
    await location.generate!(t.admin, t.location, opts);
    await medical.generate!(t.admin, t.k.kernel.service(medicalService)!, opts);
    await product.generate!(t.admin, t.products, opts);
    await insuree.generate!(t.admin, t.insuree, opts);
    const seen: Array<[number, number]> = [];
    await policy.generate!(t.admin, t.service, { ...opts, progress: (d, n) => void seen.push([d, n]) });
    assert.ok(seen.length >= 1);
    assert.equal(seen.at(-1)![0], seen.at(-1)![1]);

    const families = await allFamilies();
    const [c] = await queryRows<{ policies: number; families: number; covered: number; value: string }>(
      t.admin.db,
      sql`SELECT count(*)::int AS policies, count(DISTINCT family_id)::int AS families,
                 (SELECT count(*)::int FROM insuree_policy WHERE valid_to IS NULL) AS covered,
                 sum(value)::text AS value
          FROM policy WHERE valid_to IS NULL AND status = 2`,
    );
    assert.equal(c!.policies, families.length);
    assert.equal(c!.families, families.length);
    assert.equal(
      c!.covered,
      families.reduce((n, f) => n + f.members.length, 0),
    );

    // The rows are the plan: the same seed plans the same products and values (ids aside).
    const generated = (await t.products.searchProducts(t.admin, { code: 'GP-' }, { first: 100 })).edges.map(
      (e) => e.node,
    );
    const national = generated.find((p) => p.code === NATIONAL_CODE)!;
    const regionProduct = new Map<string, (typeof generated)[number]>();
    for (const p of generated.filter((x) => x.locationId)) {
      for (const id of await t.location.subtreeIds(t.admin, [p.locationId!])) regionProduct.set(id, p);
    }
    const plans = families.map((f, i) =>
      planPolicy(f, pickProduct(6, i, national, regionProduct.get(f.locationId)), 18),
    );
    const cents = plans.reduce((s, p) => s + BigInt(p.value.replace('.', '')), 0n);
    assert.equal(c!.value.replace('.', ''), String(cents));
    assert.ok(new Set(plans.map((p) => p.productId)).size >= 3, 'national and regional products are used');

    // A sample of insurees, as the claim check sees them.
    for (const f of families.filter((_, i) => i % 97 === 0)) {
      for (const m of f.members) {
        const covering = await t.service.coveringPolicies(t.admin, m.id, '2026-06-15');
        assert.equal(covering.length, 1, m.id);
        const p = covering[0]!;
        assert.equal(p.status, 2);
        assert.equal(p.stage, 'N');
        assert.equal(p.familyId, f.id);
        assert.deepEqual(
          [p.enrollDate, p.startDate, p.effectiveDate, p.expiryDate],
          ['2025-12-15', '2026-01-01', '2026-01-01', '2026-12-31'],
        );
        const members = await t.service.policyMembers(t.admin, p.id);
        assert.deepEqual(members.map((x) => x.insureeId).sort(), f.members.map((x) => x.id).sort());
        assert.ok(members.every((x) => x.effectiveDate === '2026-01-01' && x.expiryDate === '2026-12-31'));
        assert.equal((await t.service.coveringPolicies(t.admin, m.id, '2025-12-31')).length, 0);
      }
    }
  });
});
