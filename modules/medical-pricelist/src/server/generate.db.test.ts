import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { queryRows } from '@mutua/kernel';
import location from '@mutua/location';
import medical from '@mutua/medical';
import { sql } from 'drizzle-orm';
import { usePricelistKernel } from './db-test-kernel.js';
import { allOf } from './demo.js';
import { planLists } from './generate.js';
import pricelist from './index.js';

const t = usePricelistKernel();

describe('generated price lists', () => {
  it('lists the whole register and links every facility to an items and a services list, with progress', async () => {
    const opts = { seed: 5, insurees: 9000, progress: () => {} };
    await location.generate!(t.admin, t.location, opts);
    await medical.generate!(t.admin, t.medical, opts);
    const seen: Array<[number, number]> = [];
    await pricelist.generate!(t.admin, t.service, { ...opts, progress: (d, n) => void seen.push([d, n]) });
    assert.ok(seen.length >= 3);
    const [last] = seen.slice(-1);
    assert.equal(last![0], last![1]);

    // Every facility (generated or demo) has both lists, and each list in use holds the whole register.
    const facilities = await allOf((after) => t.location.searchHealthFacilities(t.admin, {}, { first: 500, after }));
    const items = (await t.medical.searchItems(t.admin, {}, { first: 1 })).totalCount;
    const services = (await t.medical.searchServices(t.admin, {}, { first: 1 })).totalCount;
    const links = await queryRows<{ hf: string; items: string | null; services: string | null }>(
      t.admin.db,
      sql`SELECT hf_id::text AS hf, items_pricelist_id::text AS items, services_pricelist_id::text AS services
          FROM hf_pricelist WHERE hf_id = ANY(${`{${facilities.map((f) => f.id).join(',')}}`}::uuid[])`,
    );
    assert.ok(facilities.length > 6);
    assert.equal(links.length, facilities.length);
    const lineCounts = async (table: string, id: string) =>
      (
        await queryRows<{ n: number }>(
          t.admin.db,
          sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE pricelist_id = ${id} AND valid_to IS NULL`,
        )
      )[0]!.n;
    for (const id of new Set(links.map((l) => l.items))) {
      assert.ok(id);
      if ((await t.service.items.get(t.admin, id))!.name.includes('généré'))
        assert.equal(await lineCounts('items_pricelist_detail', id), items);
    }
    for (const id of new Set(links.map((l) => l.services))) {
      assert.ok(id);
      if ((await t.service.services.get(t.admin, id))!.name.includes('généré'))
        assert.equal(await lineCounts('services_pricelist_detail', id), services);
    }

    const hf = (await t.location.searchHealthFacilities(t.admin, { code: 'GH' }, { first: 1 })).edges[0]!.node;
    const lists = await t.service.facilityPricelists(t.admin, hf.id);
    const item = (await t.medical.searchItems(t.admin, { search: 'GI0001' }, { first: 1 })).edges[0]!.node;
    const svc = (await t.medical.searchServices(t.admin, { search: 'GS0001' }, { first: 1 })).edges[0]!.node;
    const pi = await t.service.priceFor(t.admin, { hfId: hf.id, kind: 'item', medicalId: item.id });
    const ps = await t.service.priceFor(t.admin, { hfId: hf.id, kind: 'service', medicalId: svc.id });
    assert.ok(lists.itemsPricelistId && lists.servicesPricelistId);
    assert.ok(pi.inList && pi.price !== null, JSON.stringify(pi));
    assert.ok(ps.inList && ps.price !== null, JSON.stringify(ps));
    // A regional list: the facility's region's.
    const list = await t.service.items.get(t.admin, lists.itemsPricelistId!);
    assert.ok(list?.locationId);
  });

  it('plans the same lists for the same seed, most lines at the register price', () => {
    const register = Array.from({ length: 500 }, (_, i) => ({ id: `m${i}`, price: `${100 + i}.00` }));
    const regions = [{ id: 'r1', code: 'GR01', name: 'Tahoua' }];
    const a = planLists(7, 'items', register, regions);
    assert.deepEqual(a, planLists(7, 'items', register, regions));
    assert.notDeepEqual(a, planLists(8, 'items', register, regions));
    assert.equal(a.length, 2);
    for (const l of a) {
      assert.equal(l.lines.length, 500);
      const overrides = l.lines.filter((x) => x.override !== null).length;
      assert.ok(overrides > 0 && overrides < 50, `${l.name}: ${overrides}`);
    }
  });
});
