import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rejects, usePricelistKernel } from './db-test-kernel.js';
import { DEMO } from './demo.js';

const t = usePricelistKernel();
const hf = async (code: string) => (await t.location.findHealthFacilityByCode(t.admin, code))!;
const item = async (code: string) => (await t.medical.findItemByCode(t.admin, code))!;
const list = async (name: string) => (await t.service.items.findByName(t.admin, name))!;

describe('price lists', () => {
  it('seeds national and district lists and assigns them to the demo facilities', async () => {
    const national = await list(DEMO.nationalItems);
    const district = await list(DEMO.districtItems);
    assert.equal(national.locationId, null);
    assert.ok(district.locationId);
    const d001 = await item('D001');
    const inDistrict = await t.service.priceFor(t.admin, {
      hfId: (await hf('HF1102')).id,
      kind: 'item',
      medicalId: d001.id,
    });
    assert.equal(inDistrict.inList, true);
    assert.ok(Number(inDistrict.price) > Number(d001.price), `${inDistrict.price} > ${d001.price}`);
    const nat = await t.service.priceFor(t.admin, { hfId: (await hf('HF2101')).id, kind: 'item', medicalId: d001.id });
    assert.equal(nat.inList, true);
    const details = await t.service.items.details(t.admin, national.id);
    assert.equal(details.length, (await t.medical.searchItems(t.admin, {}, { first: 500 })).totalCount);
    assert.equal((await t.service.items.facilities(t.admin, national.id)).length, 4);
  });

  it('an override change closes the old line; as-of reads return the old price', async () => {
    const l = await t.service.items.create(t.admin, { name: 'Tarif test versions', pricelistDate: '2025-06-01' });
    const d002 = await item('D002');
    const [first] = await t.service.items.setDetails(t.admin, l.id, { add: [{ id: d002.id, price: '100' }] });
    assert.equal(first!.price, '100.00');
    await new Promise((r) => setTimeout(r, 5));
    const [second] = await t.service.items.setDetails(t.admin, l.id, { prices: [{ id: d002.id, price: '120.5' }] });
    assert.equal(second!.price, '120.50');
    assert.equal(second!.id, first!.id, 'a repriced line keeps its id');
    const history = await t.service.items.detailHistory(t.admin, l.id, d002.id);
    assert.deepEqual(
      history.map((h) => [h.override, h.validTo === null]),
      [
        ['100.00', false],
        ['120.50', true],
      ],
    );
    // Timestamps come back at millisecond precision (PostgreSQL keeps microseconds): read 1 ms after the first version.
    const at = new Date(Date.parse(first!.validFrom) + 1).toISOString();
    const old = await t.service.items.details(t.admin, l.id, at);
    assert.equal(old[0]?.price, '100.00');
    const viaApi = await t.k.gql<{ itemsPricelist: { details: Array<{ price: string; override: string }> } }>(
      'query($id: ID!, $at: String) { itemsPricelist(id: $id, asOf: $at) { details { price override } } }',
      { id: l.id, at },
      { token: t.token },
    );
    assert.deepEqual(viaApi.data?.itemsPricelist.details, [{ price: '100.00', override: '100.00' }]);
    // Clearing the override falls back to the register price.
    const [third] = await t.service.items.setDetails(t.admin, l.id, { prices: [{ id: d002.id, price: null }] });
    assert.deepEqual([third!.override, third!.price], [null, d002.price]);
  });

  it('priceFor: an item not in the facility list is not in list', async () => {
    const l = await t.service.items.create(t.admin, { name: 'Tarif restreint', pricelistDate: '2025-06-01' });
    const [d001, d003] = [await item('D001'), await item('D003')];
    await t.service.items.setDetails(t.admin, l.id, { add: [{ id: d001.id }] });
    const f = await hf('HF2201');
    const before = await t.service.facilityPricelists(t.admin, f.id);
    await t.service.assignToFacility(t.admin, f.id, {
      itemsPricelistId: l.id,
      servicesPricelistId: before.servicesPricelistId,
    });
    assert.deepEqual(await t.service.priceFor(t.admin, { hfId: f.id, kind: 'item', medicalId: d003.id }), {
      inList: false,
      price: null,
      override: null,
    });
    assert.deepEqual(await t.service.priceFor(t.admin, { hfId: f.id, kind: 'item', medicalId: d001.id }), {
      inList: true,
      price: d001.price,
      override: null,
    });
    await t.service.assignToFacility(t.admin, f.id, {
      itemsPricelistId: (await list(DEMO.nationalItems)).id,
      servicesPricelistId: before.servicesPricelistId,
    });
  });

  it('refuses a district list for a facility of another district, naming the field', async () => {
    await rejects(
      t.service.assignToFacility(t.admin, (await hf('HF2101')).id, {
        itemsPricelistId: (await list(DEMO.districtItems)).id,
      }),
      'BAD_INPUT',
      (e) => assert.equal(e.problems[0]?.field, 'itemsPricelistId'),
    );
  });

  it('names must be unique among current lists; bad input names its field', async () => {
    await rejects(
      t.service.items.create(t.admin, { name: DEMO.nationalItems, pricelistDate: '2025-01-01' }),
      'CONFLICT',
    );
    await rejects(t.service.items.create(t.admin, { name: 'X', pricelistDate: '2025-13-01' }), 'BAD_INPUT', (e) =>
      assert.equal(e.problems[0]?.field, 'pricelistDate'),
    );
    const l = await list(DEMO.nationalItems);
    await rejects(
      t.service.items.setDetails(t.admin, l.id, { prices: [{ id: (await item('D001')).id, price: '-1' }] }),
      'BAD_INPUT',
      (e) => assert.equal(e.problems[0]?.field, 'prices.0.price'),
    );
  });

  it('update opens a new header version; duplicate copies lines; delete closes all', async () => {
    const l = await t.service.items.create(t.admin, { name: 'Tarif à dupliquer', pricelistDate: '2025-01-01' });
    await t.service.items.setDetails(t.admin, l.id, { add: [{ id: (await item('D001')).id, price: '7' }] });
    const u = await t.service.items.update(t.admin, l.id, {
      name: 'Tarif dupliqué source',
      pricelistDate: '2025-02-01',
    });
    assert.equal((await t.service.items.history(t.admin, l.id)).length, 2);
    assert.equal(u.name, 'Tarif dupliqué source');
    const copy = await t.service.items.duplicate(t.admin, l.id, { name: 'Copie', pricelistDate: '2025-03-01' });
    assert.deepEqual(
      (await t.service.items.details(t.admin, copy.id)).map((d) => d.override),
      ['7.00'],
    );
    await t.service.items.delete(t.admin, l.id);
    assert.equal(await t.service.items.get(t.admin, l.id), null);
    assert.deepEqual(await t.service.items.details(t.admin, l.id), []);
  });

  it('FORBIDDEN without the right, over GraphQL too', async () => {
    const user = await t.k.createUser({ username: 'no-pl', rights: ['medical-pricelist.services.search'] });
    const ctx = t.k.ctxAs(user);
    await rejects(t.service.items.search(ctx, {}, {}), 'FORBIDDEN');
    await rejects(t.service.items.create(ctx, { name: 'Y', pricelistDate: '2025-01-01' }), 'FORBIDDEN');
    const token = await t.k.loginToken('no-pl');
    const res = await t.k.gql('{ itemsPricelists { totalCount } }', {}, { token });
    assert.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const ok = await t.k.gql('{ servicesPricelists { totalCount } }', {}, { token });
    assert.equal(ok.errors, undefined);
  });

  it('GraphQL: a list with its details and the facility fields', async () => {
    const l = await list(DEMO.districtItems);
    const res = await t.k.gql<{
      itemsPricelist: {
        name: string;
        details: Array<{ code: string; price: string; registerPrice: string }>;
        healthFacilities: Array<{ code: string }>;
      };
      healthFacilities: { edges: Array<{ node: { code: string; itemsPricelist: { name: string } | null } }> };
    }>(
      `query($id: ID!) { itemsPricelist(id: $id) { name details { code price registerPrice override }
          healthFacilities { code } }
        healthFacilities(first: 10) { edges { node { code itemsPricelist { name } servicesPricelist { name } } } } }`,
      { id: l.id },
      { token: t.token },
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.ok(res.data!.itemsPricelist.details.length > 100);
    assert.deepEqual(
      res.data!.itemsPricelist.healthFacilities.map((h) => h.code),
      ['HF1101', 'HF1102'],
    );
    const hf1101 = res.data!.healthFacilities.edges.find((e) => e.node.code === 'HF1101');
    assert.equal(hf1101?.node.itemsPricelist?.name, DEMO.districtItems);
    const m = await t.k.gql<{ setItemsPricelistDetails: { pricelist: { details: Array<{ price: string }> } } }>(
      `mutation($input: SetItemsPricelistDetailsInput!) { setItemsPricelistDetails(input: $input) { pricelist { name } } }`,
      { input: { id: l.id, prices: [{ id: (await item('D001')).id, price: '-5' }] } },
      { token: t.token, locale: 'fr' },
    );
    assert.equal(m.errors?.[0]?.extensions?.code, 'BAD_INPUT');
    assert.match(m.errors![0]!.message, /négatif/);
  });
});

describe('rights and location scope', () => {
  it('an editor without the search right can still change lines', async () => {
    const user = await t.k.createUser({ username: 'editor-only', rights: ['medical-pricelist.services.edit'] });
    const l = await t.service.services.findByName(t.admin, DEMO.nationalServices);
    const s = (await t.medical.findServiceByCode(t.admin, 'S003'))!;
    const lines = await t.service.services.setDetails(t.k.ctxAs(user), l!.id, { prices: [{ id: s.id, price: '42' }] });
    assert.equal(lines.find((d) => d.medicalId === s.id)?.price, '42.00');
  });

  it('a user of another district does not see a district list and cannot write national lists', async () => {
    const r1d2 = (await t.location.findByCode(t.admin, 'R1D2'))!;
    const user = await t.k.createUser({
      username: 'r1d2-user',
      rights: ['medical-pricelist.items.search', 'medical-pricelist.items.add', 'medical-pricelist.items.edit'],
      districtIds: [r1d2.id],
    });
    const ctx = t.k.ctxAs(user);
    const names = (await t.service.items.search(ctx, {}, { first: 100 })).edges.map((e) => e.node.name);
    assert.ok(names.includes(DEMO.nationalItems));
    assert.ok(!names.includes(DEMO.districtItems));
    await rejects(
      t.service.items.create(ctx, { name: 'Nationale interdite', pricelistDate: '2025-01-01' }),
      'FORBIDDEN',
    );
    const own = await t.service.items.create(ctx, {
      name: 'Tarif Konni',
      pricelistDate: '2025-01-01',
      locationId: r1d2.id,
    });
    assert.equal(own.locationId, r1d2.id);
    const national = (await t.service.items.findByName(ctx, DEMO.nationalItems))!;
    await rejects(t.service.items.setDetails(ctx, national.id, { remove: [] }), 'FORBIDDEN');
  });
});

describe('facility assignment over GraphQL', () => {
  it('assigns lists with the facility edit right only, and a deleted facility drops its assignment', async () => {
    const f = await hf('HF1202');
    const items = await list(DEMO.nationalItems);
    const q = `mutation($input: AssignPricelistsToFacilityInput!) {
      assignPricelistsToFacility(input: $input) { assignment { hfId itemsPricelistId servicesPricelistId } } }`;
    await t.k.createUser({ username: 'pl-search', rights: ['medical-pricelist.items.search'] });
    const denied = await t.k.gql(
      q,
      { input: { hfId: f.id, itemsPricelistId: items.id } },
      {
        token: await t.k.loginToken('pl-search'),
      },
    );
    assert.equal(denied.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const ok = await t.k.gql<{ assignPricelistsToFacility: { assignment: { itemsPricelistId: string | null } } }>(
      q,
      { input: { hfId: f.id, itemsPricelistId: items.id } },
      { token: t.token },
    );
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
    assert.equal(ok.data?.assignPricelistsToFacility.assignment.itemsPricelistId, items.id);
    assert.equal((await t.service.facilityPricelists(t.admin, f.id)).servicesPricelistId, null);
    await t.location.deleteHealthFacility(t.admin, f.id);
    assert.equal((await t.service.facilityPricelists(t.admin, f.id)).itemsPricelistId, null);
  });
});

describe('register changes', () => {
  it('a service deleted from the register leaves the lists', async () => {
    const s = (await t.medical.findServiceByCode(t.admin, 'S010'))!;
    const national = (await t.service.services.findByName(t.admin, DEMO.nationalServices))!;
    const has = async () => (await t.service.services.details(t.admin, national.id)).some((d) => d.medicalId === s.id);
    assert.equal(await has(), true);
    await t.medical.deleteService(t.admin, s.id);
    assert.equal(await has(), false);
  });
});
