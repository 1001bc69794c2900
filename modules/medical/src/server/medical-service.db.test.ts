import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { rejects, useMedicalKernel } from './db-test-kernel.js';

const t = useMedicalKernel();

type Gql = Awaited<ReturnType<typeof t.k.gql>>;
const problems = (res: Gql) =>
  (res.errors?.[0]?.extensions?.problems ?? []) as Array<{ field: string; message: string }>;

const CREATE = `mutation($input: CreateMedicalItemInput!) { createMedicalItem(input: $input) { medicalItem { id code price patientCategory } } }`;
const UPDATE = `mutation($input: UpdateMedicalItemInput!) { updateMedicalItem(input: $input) { medicalItem { id price validFrom } } }`;
const ITEM = `query($id: ID!, $asOf: String) { medicalItem(id: $id, asOf: $asOf) { code price validFrom validTo } }`;
const item = (code: string, price = '150') => ({
  code,
  name: `Amoxicilline ${code}`,
  type: 'D',
  package: 'boîte de 100',
  price,
  careType: 'B',
  patientCategory: 15,
});

describe('medical items', () => {
  it('changing a price closes the old version and opens a new one; asOf reads the old price', async () => {
    const created = await t.k.gql<{ createMedicalItem: { medicalItem: { id: string; price: string } } }>(
      CREATE,
      { input: item('TST01', '150') },
      { token: t.token },
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const id = created.data!.createMedicalItem.medicalItem.id;
    assert.equal(created.data!.createMedicalItem.medicalItem.price, '150.00');
    await sleep(20);
    const between = new Date().toISOString();
    await sleep(20);
    const updated = await t.k.gql(UPDATE, { input: { id, ...item('TST01', '175.50') } }, { token: t.token });
    assert.equal(updated.errors, undefined, JSON.stringify(updated.errors));

    const now = await t.k.gql<{ medicalItem: { price: string } }>(ITEM, { id }, { token: t.token });
    assert.equal(now.data?.medicalItem.price, '175.50');
    const old = await t.k.gql<{ medicalItem: { price: string; validTo: string } }>(
      ITEM,
      { id, asOf: between },
      { token: t.token },
    );
    assert.equal(old.data?.medicalItem.price, '150.00');
    assert.ok(old.data?.medicalItem.validTo);
    const history = await t.service.itemHistory(t.admin, id);
    assert.deepEqual(
      history.map((h) => [h.price, h.validTo === null]),
      [
        ['150.00', false],
        ['175.50', true],
      ],
    );
    assert.equal(history[0]!.validTo, history[1]!.validFrom);
  });

  it('refuses a duplicate code with a translated CONFLICT naming code', async () => {
    const res = await t.k.gql(CREATE, { input: item('D001') }, { token: t.token, locale: 'fr' });
    assert.equal(res.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.equal(problems(res)[0]?.field, 'code');
    assert.match(res.errors![0]!.message, /Un autre produit médical en vigueur a le code D001/);
  });

  it('refuses patient category 0 and a negative price as BAD_INPUT naming the field', async () => {
    const zero = await t.k.gql(CREATE, { input: { ...item('TST02'), patientCategory: 0 } }, { token: t.token });
    assert.equal(zero.errors?.[0]?.extensions?.code, 'BAD_INPUT');
    assert.deepEqual(
      problems(zero).map((p) => p.field),
      ['patientCategory'],
    );
    const negative = await t.k.gql(CREATE, { input: item('TST03', '-5') }, { token: t.token });
    assert.equal(negative.errors?.[0]?.extensions?.code, 'BAD_INPUT');
    assert.deepEqual(
      problems(negative).map((p) => p.field),
      ['price'],
    );
    const badAsOf = await t.k.gql(
      ITEM,
      { id: '00000000-0000-7000-8000-000000000000', asOf: 'yesterday' },
      { token: t.token },
    );
    assert.equal(badAsOf.errors?.[0]?.extensions?.code, 'BAD_INPUT');
  });

  it('deleting closes the item: gone now, still readable as of before', async () => {
    const created = await t.service.createItem(t.admin, item('TST04'));
    await sleep(20);
    const before = new Date().toISOString();
    await sleep(20);
    await t.service.deleteItem(t.admin, created.id);
    assert.equal(await t.service.getItem(t.admin, created.id), null);
    assert.equal((await t.service.getItem(t.admin, created.id, before))?.code, 'TST04');
    // The code is free again for a new item.
    assert.equal(await t.service.isItemCodeFree(t.admin, 'TST04'), true);
    await rejects(t.service.deleteItem(t.admin, created.id), 'NOT_FOUND');
  });

  it('searches by name with filters and keyset pages', async () => {
    const q = `query($after: String) { medicalItems(search: "amoxicilline", type: "D", first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }`;
    type Page = {
      medicalItems: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: Array<{ node: { code: string } }>;
      };
    };
    const p1 = await t.k.gql<Page>(q, {}, { token: t.token });
    assert.ok(p1.data!.medicalItems.totalCount >= 4);
    const p2 = await t.k.gql<Page>(q, { after: p1.data!.medicalItems.pageInfo.endCursor }, { token: t.token });
    const codes = [...p1.data!.medicalItems.edges, ...p2.data!.medicalItems.edges].map((e) => e.node.code);
    assert.equal(new Set(codes).size, 4);
    assert.deepEqual(codes, [...codes].sort());
  });

  it('refuses a user without the search right', async () => {
    await t.k.createUser({ username: 'clerk', rights: ['medical.service.search'] });
    const token = await t.k.loginToken('clerk');
    const res = await t.k.gql('{ medicalItems { totalCount } }', {}, { token });
    assert.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const ok = await t.k.gql('{ medicalServices(category: "D") { totalCount } }', {}, { token });
    assert.ok((ok.data as { medicalServices: { totalCount: number } }).medicalServices.totalCount >= 4);
  });
});

describe('medical services and diagnoses', () => {
  it('updates a service to a new version and emits nothing for an unchanged update', async () => {
    const s = await t.service.findServiceByCode(t.admin, 'S001');
    assert.ok(s);
    const input = { ...s, category: s.category, frequency: s.frequency };
    const same = await t.service.updateService(t.admin, s.id, input);
    assert.equal(same.validFrom, s.validFrom);
    const changed = await t.service.updateService(t.admin, s.id, { ...input, price: '600' });
    assert.equal(changed.price, '600.00');
    assert.equal((await t.service.serviceHistory(t.admin, s.id)).length, 2);
  });

  it('finds diagnoses by code prefix and by French name', async () => {
    const byCode = await t.k.gql<{ diagnoses: { edges: Array<{ node: { code: string } }> } }>(
      '{ diagnoses(search: "B5", first: 10) { edges { node { code } } } }',
      {},
      { token: t.token },
    );
    assert.ok(byCode.data!.diagnoses.edges.some((e) => e.node.code === 'B50'));
    const byName = await t.service.searchDiagnoses(t.admin, { search: 'paludisme' }, { first: 50 });
    assert.ok(byName.edges.length >= 5);
    assert.equal((await t.service.findDiagnosisByCode(t.admin, 'J45'))?.name, 'Asthma');
  });
});

describe('generate', () => {
  it('plans the same register for the same seed, with unique codes', async () => {
    const { planRegisters } = await import('./generate.js');
    const a = planRegisters(42);
    assert.deepEqual(a, planRegisters(42));
    assert.equal(new Set(a.items.map((i) => i.code)).size, 2000);
    assert.equal(new Set(a.services.map((s) => s.code)).size, 1000);
  });

  it('bulk-inserts ~2,000 items and ~1,000 services that the search finds', async () => {
    const { generate, benchmarks } = await import('./generate.js');
    let last = 0;
    await generate(t.admin, t.service, {
      seed: 3,
      insurees: 1000,
      progress: (d) => {
        last = d;
      },
    });
    assert.equal(last, 3000);
    const found = await t.service.searchItems(t.admin, { code: 'GI' }, { first: 1 });
    assert.equal(found.totalCount, 2000);
    // Claims of the generated country need diagnoses: the ICD-10 subset is there once, never twice.
    const { icd10 } = await import('./demo.js');
    assert.equal((await t.service.searchDiagnoses(t.admin, {}, { first: 1 })).totalCount, icd10().length);
    const [bench] = await benchmarks(t.admin, t.service);
    await bench!.run();
    await bench!.baseline();
  });
});

describe('hooks', () => {
  it('emits itemChanged with the new version and the previous one on create, update and delete', async () => {
    const { itemChanged } = await import('../points.js');
    const seen: Array<[string, string | null, string | null]> = [];
    t.k.kernel.hooks.forModule('medical').after(itemChanged, async ({ action, current, previous }) => {
      seen.push([action, current?.price ?? null, previous?.price ?? null]);
    });
    const created = await t.service.createItem(t.admin, item('HK01', '10'));
    await t.service.updateItem(t.admin, created.id, item('HK01', '12'));
    await t.service.deleteItem(t.admin, created.id);
    assert.deepEqual(seen, [
      ['create', '10.00', null],
      ['update', '12.00', '10.00'],
      ['delete', null, '12.00'],
    ]);
  });

  it('a veto of a validate listener stops the change', async () => {
    const { serviceChanged } = await import('../points.js');
    t.k.kernel.hooks
      .forModule('medical')
      .validate(serviceChanged, async ({ current }) =>
        current?.code === 'VETO1' ? [{ field: 'code', key: 'kernel.error.badInput' }] : [],
      );
    await rejects(
      t.service.createService(t.admin, { code: 'VETO1', name: 'x', type: 'C', level: 'S', price: '1', careType: 'O' }),
      'RULE_VIOLATION',
    );
    assert.equal(await t.service.findServiceByCode(t.admin, 'VETO1'), null);
  });
});
