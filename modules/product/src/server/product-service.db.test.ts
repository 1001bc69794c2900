import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RIGHTS } from '../manifest.js';
import { rejects, useProductKernel } from './db-test-kernel.js';

const t = useProductKernel();
const base = { name: 'Test plan', dateFrom: '2025-01-01', dateTo: '2026-12-31' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('product service', () => {
  it('seeds the two demo products with their lines', async () => {
    const fam = (await t.service.findByCode(t.admin, 'MUS-FAM'))!;
    const ffs = (await t.service.findByCode(t.admin, 'MUS-FFS'))!;
    assert.equal(fam.startCycle1, '01-01');
    assert.equal(fam.premiumAdult, '6000.00');
    assert.equal(fam.periodRelPricesIp, 'M');
    assert.deepEqual(fam.relativeDistribution, [{ careType: 'I', periods: Array(12).fill('60.00') }]);
    const famServices = await t.service.productServices(t.admin, fam.id);
    assert.ok(famServices.length >= 50);
    assert.ok(famServices.some((l) => l.priceOrigin === 'R'));
    const ffsItems = await t.service.productItems(t.admin, ffs.id);
    assert.ok(ffsItems.length >= 100);
    assert.ok(ffsItems.every((l) => l.limitationType === 'C' && l.limitAdult === '80.00'));
    const ffsServices = await t.service.productServices(t.admin, ffs.id);
    assert.ok(ffsServices.some((l) => l.limitationType === 'F' && l.limitAdult === '15000.00'));
    assert.equal(ffs.conversionProductId, fam.id);
  });

  it('refuses bad input naming each field, and a taken code', async () => {
    await rejects(
      t.service.createProduct(t.admin, {
        ...base,
        code: 'BAD1',
        dateTo: '2024-01-01',
        premiumAdult: '-5',
        startCycle1: '32-01',
        renewalDiscountPerc: '150',
        relativeDistribution: [{ careType: 'B', periods: ['60', '150', '0', '0'] }],
      }),
      'BAD_INPUT',
      (e) =>
        assert.deepEqual(e.problems.map((p) => p.field).sort(), [
          'dateTo',
          'premiumAdult',
          'relativeDistribution.0.periods.1',
          'renewalDiscountPerc',
          'startCycle1',
        ]),
    );
    await rejects(t.service.createProduct(t.admin, { ...base, code: 'MUS-FAM' }), 'CONFLICT', (e) =>
      assert.equal(e.problems[0]?.field, 'code'),
    );
    await rejects(
      t.service.createProduct(t.admin, { ...base, code: 'X1', locationId: '00000000-0000-7000-8000-000000000000' }),
      'BAD_INPUT',
      (e) => assert.equal(e.problems[0]?.field, 'locationId'),
    );
  });

  it('versions a product: an update closes the old version, asOf reads it', async () => {
    const p = await t.service.createProduct(t.admin, { ...base, code: 'VER1', premiumAdult: '1000' });
    await sleep(20);
    const mid = new Date().toISOString();
    await sleep(20);
    const u = await t.service.updateProduct(t.admin, p.id, { ...base, code: 'VER1', premiumAdult: '1500' });
    assert.equal(u.id, p.id);
    assert.equal(u.premiumAdult, '1500.00');
    assert.equal((await t.service.getProduct(t.admin, p.id, mid))?.premiumAdult, '1000.00');
    assert.equal((await t.service.productHistory(t.admin, p.id)).length, 2);
    const same = await t.service.updateProduct(t.admin, p.id, { ...base, code: 'VER1', premiumAdult: '1500.00' });
    assert.equal(same.validFrom, u.validFrom);
    // Two editors saving from the same version: the second is refused, not silently lost.
    const racing = await Promise.allSettled([
      t.service.updateProduct(t.admin, p.id, { ...base, code: 'VER1', premiumAdult: '1600' }),
      t.service.updateProduct(t.admin, p.id, { ...base, code: 'VER1', premiumAdult: '1700' }),
    ]);
    assert.ok(racing.some((r) => r.status === 'fulfilled'));
    for (const r of racing) if (r.status === 'rejected') assert.equal((r.reason as { code: string }).code, 'CONFLICT');
    assert.equal((await t.service.productHistory(t.admin, p.id)).filter((v) => v.validTo === null).length, 1);
    await rejects(t.service.getProduct(t.admin, p.id, 'yesterday'), 'BAD_INPUT', (e) =>
      assert.equal(e.problems[0]?.field, 'asOf'),
    );
  });

  it('versions lines: a change closes the old line, asOf returns the old value; remove closes', async () => {
    const p = await t.service.createProduct(t.admin, { ...base, code: 'LIN1' });
    const item = (await t.medical.findItemByCode(t.admin, 'D001'))!;
    const svc = (await t.medical.findServiceByCode(t.admin, 'S001'))!;
    await t.service.setLines(t.admin, p.id, 'item', { upsert: [{ medicalId: item.id, limitAdult: '70' }] });
    await t.service.setLines(t.admin, p.id, 'service', { upsert: [{ medicalId: svc.id, priceOrigin: 'O' }] });
    await sleep(20);
    const mid = new Date().toISOString();
    await sleep(20);
    const [changed] = await t.service.setLines(t.admin, p.id, 'item', {
      upsert: [{ medicalId: item.id, limitAdult: '60', waitingPeriodAdult: 3 }],
    });
    assert.equal(changed?.limitAdult, '60.00');
    const old = await t.service.productItems(t.admin, p.id, mid);
    assert.equal(old[0]?.limitAdult, '70.00');
    assert.equal(old[0]?.id, changed?.id);
    const gqlOld = await t.k.gql<{ product: { items: Array<{ code: string; limitAdult: string }> } }>(
      'query($id: ID!, $at: String) { product(id: $id, asOf: $at) { items(asOf: $at) { code limitAdult } } }',
      { id: p.id, at: mid },
      { token: t.token },
    );
    assert.deepEqual(gqlOld.data?.product.items, [{ code: 'D001', limitAdult: '70.00' }]);
    await t.service.setLines(t.admin, p.id, 'item', { remove: [item.id] });
    assert.equal((await t.service.productItems(t.admin, p.id)).length, 0);
    await rejects(
      t.service.setLines(t.admin, p.id, 'service', {
        upsert: [{ medicalId: item.id }, { medicalId: svc.id, limitationType: 'C', limitChild: '120' }],
      }),
      'BAD_INPUT',
      (e) => assert.deepEqual(e.problems.map((x) => x.field).sort(), ['services.0.medicalId', 'services.1.limitChild']),
    );
  });

  it('duplicates a product with its lines, and deletes one', async () => {
    const fam = (await t.service.findByCode(t.admin, 'MUS-FAM'))!;
    const copy = await t.service.duplicateProduct(t.admin, fam.id, 'MUS-FAM2', 'Copie');
    assert.notEqual(copy.id, fam.id);
    assert.equal(copy.premiumAdult, fam.premiumAdult);
    assert.equal(
      (await t.service.productServices(t.admin, copy.id)).length,
      (await t.service.productServices(t.admin, fam.id)).length,
    );
    await t.service.deleteProduct(t.admin, copy.id);
    assert.equal(await t.service.getProduct(t.admin, copy.id), null);
    assert.equal((await t.service.productServices(t.admin, copy.id)).length, 0);
    assert.ok(await t.service.isCodeFree(t.admin, 'MUS-FAM2'));
  });

  it('applies the location scope and rights', async () => {
    const r1d1 = (await t.location.findByCode(t.admin, 'R1D1'))!;
    const r2d1 = (await t.location.findByCode(t.admin, 'R2D1'))!;
    await t.service.createProduct(t.admin, { ...base, code: 'R2D1P', locationId: r2d1.id });
    const { ctx } = await t.user('prod-d1', Object.values(RIGHTS), ['R1D1']);
    const local = await t.service.createProduct(ctx, { ...base, code: 'R1D1P', locationId: r1d1.id });
    assert.equal(local.locationId, r1d1.id);
    await rejects(t.service.createProduct(ctx, { ...base, code: 'NAT1' }), 'FORBIDDEN');
    const seen = (await t.service.searchProducts(ctx, {}, { first: 500 })).edges.map((e) => e.node.code);
    assert.ok(seen.includes('MUS-FAM') && seen.includes('R1D1P') && !seen.includes('R2D1P'));
    const { ctx: reader } = await t.user('prod-reader', [RIGHTS.search]);
    await rejects(t.service.createProduct(reader, { ...base, code: 'NOPE' }), 'FORBIDDEN');
  });
});

describe('product GraphQL', () => {
  it('lists, reads with lines named through medical, and pages by keyset', async () => {
    const res = await t.k.gql<{
      products: { totalCount: number; edges: Array<{ node: { id: string; code: string } }> };
    }>(
      '{ products(search: "MUS", first: 1) { totalCount edges { node { id code } } pageInfo { hasNextPage endCursor } } }',
      {},
      { token: t.token },
    );
    assert.equal(res.errors, undefined);
    assert.equal(res.data?.products.edges.length, 1);
    assert.ok((res.data?.products.totalCount ?? 0) >= 2);
    const ffs = (await t.service.findByCode(t.admin, 'MUS-FFS'))!;
    const one = await t.k.gql<{
      product: { code: string; items: Array<{ code: string; name: string }>; services: Array<{ code: string }> };
    }>(
      'query($id: ID!) { product(id: $id) { code lumpSum items { code name limitAdult } services { code priceOrigin } } }',
      { id: ffs.id },
      { token: t.token },
    );
    assert.equal(one.errors, undefined);
    assert.equal(one.data?.product.code, 'MUS-FFS');
    assert.match(one.data?.product.items[0]?.code ?? '', /^[DM]\d{3}$/);
    const defaults = await t.k.gql<{ productLimitDefaults: { priceOrigin: string; limitationType: string } }>(
      '{ productLimitDefaults { priceOrigin limitationType waitingPeriodAdult } }',
      {},
      { token: t.token },
    );
    assert.deepEqual(defaults.data?.productLimitDefaults, {
      priceOrigin: 'P',
      limitationType: 'C',
      waitingPeriodAdult: null,
    });
  });

  it('returns translated input errors naming the field, never a 500', async () => {
    const res = await t.k.gql(
      'mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id } } }',
      { i: { code: 'GQL1', name: 'G', dateFrom: '2025-01-01', dateTo: '2025-12-31', startCycle1: '31-02' } },
      { token: t.token, locale: 'fr' },
    );
    assert.equal(res.status, 200);
    const err = res.errors?.[0];
    assert.equal(err?.extensions?.code, 'BAD_INPUT');
    const problems = err?.extensions?.problems as Array<{ field: string; message: string }>;
    assert.equal(problems[0]?.field, 'startCycle1');
    assert.match(problems[0]?.message ?? '', /JJ-MM/);
  });

  it('creates, sets lines and duplicates through mutations', async () => {
    const svc = (await t.medical.findServiceByCode(t.admin, 'S002'))!;
    const c = await t.k.gql<{ createProduct: { product: { id: string } } }>(
      'mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id } } }',
      {
        i: {
          code: 'GQL2',
          name: 'G',
          dateFrom: '2025-01-01',
          dateTo: '2025-12-31',
          relativeDistribution: [{ careType: 'O', periods: ['25', '25', '25', '25'] }],
        },
      },
      { token: t.token },
    );
    assert.equal(c.errors, undefined);
    const id = c.data!.createProduct.product.id;
    const l = await t.k.gql<{
      setProductLines: {
        product: { services: Array<{ code: string; limitationType: string }>; periodRelPricesOp: string };
      };
    }>(
      'mutation($i: SetProductLinesInput!) { setProductLines(input: $i) { product { periodRelPricesOp services { code limitationType } } } }',
      { i: { productId: id, services: [{ medicalId: svc.id, limitationType: 'F', limitAdult: '1500' }] } },
      { token: t.token },
    );
    assert.equal(l.errors, undefined);
    assert.deepEqual(l.data?.setProductLines.product.services, [{ code: 'S002', limitationType: 'F' }]);
    assert.equal(l.data?.setProductLines.product.periodRelPricesOp, 'Q');
    const d = await t.k.gql<{ duplicateProduct: { product: { code: string; services: unknown[] } } }>(
      'mutation($i: DuplicateProductInput!) { duplicateProduct(input: $i) { product { code services { code } } } }',
      { i: { id, code: 'GQL3', name: 'Copie' } },
      { token: t.token },
    );
    assert.equal(d.errors, undefined);
    assert.equal(d.data?.duplicateProduct.product.services.length, 1);
  });
});
