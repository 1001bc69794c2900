import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import location from '@mutua/location';
import medical from '@mutua/medical';
import { useProductKernel } from './db-test-kernel.js';
import { GENERATED_PREFIX, NATIONAL_CODE, planLines, planProducts } from './generate.js';
import product from './index.js';

const t = useProductKernel();

describe('generated products', () => {
  it('a national and one product per region, each covering the whole register, with progress', async () => {
    const opts = { seed: 4, insurees: 9000, progress: () => {} };
    await location.generate!(t.admin, t.location, opts);
    await medical.generate!(t.admin, t.medical, opts);
    const seen: Array<[number, number]> = [];
    await product.generate!(t.admin, t.service, { ...opts, progress: (d, n) => void seen.push([d, n]) });
    assert.equal(seen.at(-1)![0], seen.at(-1)![1]);

    const regions = await t.location.children(t.admin, null);
    const generated = await t.service.searchProducts(t.admin, { code: GENERATED_PREFIX }, { first: 100 });
    assert.equal(generated.totalCount, regions.length + 1);
    const items = (await t.medical.searchItems(t.admin, {}, { first: 1 })).totalCount;
    const services = (await t.medical.searchServices(t.admin, {}, { first: 1 })).totalCount;
    for (const { node: p } of generated.edges) {
      // Read as of a claim date in the policy year: the generated versions are valid since the sale opened.
      assert.ok(await t.service.getProduct(t.admin, p.id, '2026-06-15'));
      assert.equal(p.dateFrom, '2024-01-01');
      assert.equal(p.dateTo, '2030-12-31');
      assert.equal(p.insurancePeriod, 12);
      assert.ok(Number(p.lumpSum) > 0);
      assert.equal(p.locationId === null, p.code === NATIONAL_CODE);
      assert.equal(p.maxPolicy !== null, p.code === NATIONAL_CODE, p.code);
      const itemLines = await t.service.productItems(t.admin, p.id, '2026-06-15');
      const serviceLines = await t.service.productServices(t.admin, p.id, '2026-06-15');
      assert.equal(itemLines.length, items);
      assert.equal(serviceLines.length, services);
      const lines = [...itemLines, ...serviceLines];
      assert.ok(lines.every((l) => !l.waitingPeriodAdult && !l.waitingPeriodChild && l.limitNoAdult === null));
      assert.ok(lines.every((l) => l.limitationType === 'C' && l.limitAdult === '100.00'));
      const origins = (o: string) => lines.filter((l) => l.priceOrigin === o).length;
      assert.ok(origins('P') > lines.length * 0.8, p.code);
      assert.ok(origins('R') > 0 && origins('O') > 0, p.code);
    }
  });

  it('plans the same products and lines for the same seed', () => {
    const regions = [
      { id: '00000000-0000-7000-8000-000000000001', code: 'GR01', name: 'Tahoua' },
      { id: '00000000-0000-7000-8000-000000000002', code: 'GR02', name: 'Maradi' },
    ];
    assert.deepEqual(planProducts(1, regions), planProducts(1, regions));
    assert.deepEqual(
      planProducts(1, regions).map((p) => p.code),
      ['GP-NAT', 'GP-GR01', 'GP-GR02'],
    );
    const items = Array.from({ length: 300 }, (_, i) => ({ id: `i${i}` }));
    const services = [{ id: 's', category: 'H', careType: 'I' }];
    assert.deepEqual(planLines(1, 0, items, services), planLines(1, 0, items, services));
    assert.equal(planLines(1, 0, items, services).service[0]!.priceOrigin, 'R');
  });
});
