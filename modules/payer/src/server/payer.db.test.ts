import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Ctx, ModuleDefinition, MutuaError } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import location, { type LocationService, locationService } from '@mutua/location';
import { type PayerService, payerService } from '../points.js';
import payer from './index.js';

let k: TestKernel;
let loc: LocationService;
let svc: PayerService;
let admin: Ctx;
const at = async (code: string) => {
  const l = await loc.findByCode(admin, code);
  if (!l) throw new Error(`demo location ${code} missing`);
  return l.id;
};
const rejects = (p: Promise<unknown>, code: string, check?: (e: MutuaError) => void) =>
  assert.rejects(p, (e: MutuaError) => {
    assert.equal(e.code, code, e.message);
    check?.(e);
    return true;
  });
const RIGHTS = ['payer.payer.search', 'payer.payer.add', 'payer.payer.edit', 'payer.payer.delete'];

before(async () => {
  k = await startTestKernel({
    modules: [location as ModuleDefinition<unknown, unknown>, payer as ModuleDefinition<unknown, unknown>],
  });
  loc = k.kernel.service(locationService)!;
  svc = k.kernel.service(payerService)!;
  admin = k.adminCtx();
  await location.seedDemo!(admin, loc);
  await payer.seedDemo!(admin, svc);
});
after(async () => {
  await k?.close();
});

describe('payers', () => {
  it('seeds the demo payers and filters by type and location', async () => {
    assert.equal((await svc.searchPayers(admin, {}, {})).totalCount, 6);
    const gov = await svc.searchPayers(admin, { type: 'G' }, {});
    assert.deepEqual(
      gov.edges.map((e) => e.node.type),
      ['G'],
    );
    // A region filter finds the payers of the region and of its districts.
    const tahoua = await svc.searchPayers(admin, { locationId: await at('R1') }, {});
    assert.equal(tahoua.totalCount, 3);
  });

  it('shows a district-limited user the payers of their district and its region only', async () => {
    const user = await k.createUser({ username: 'konni', rights: RIGHTS, districtIds: [await at('R1D2')] });
    const ctx = k.ctxAs(user);
    const names = (await svc.searchPayers(ctx, {}, {})).edges.map((e) => e.node.name).sort();
    assert.deepEqual(names, ['Coopérative des maraîchers de Konni', 'État du Niger — Ministère de la Santé Publique']);
    const dosso = (await svc.searchPayers(admin, { locationId: await at('R2D2') }, {})).edges[0]!.node;
    assert.equal(await svc.getPayer(ctx, dosso.id), null);
    // Visible but not writable: the region above the user's district.
    const region = (await svc.searchPayers(ctx, { type: 'G' }, {})).edges[0]!.node;
    await rejects(svc.updatePayer(ctx, region.id, { ...region, name: 'X' }), 'FORBIDDEN');
    await rejects(svc.createPayer(ctx, { type: 'O', name: 'Y', locationId: await at('R2D1') }), 'FORBIDDEN', (e) =>
      assert.equal(e.key, 'payer.error.outOfScope'),
    );
    const own = await svc.createPayer(ctx, { type: 'O', name: 'Tontine de Konni', locationId: await at('R1D2') });
    assert.equal(own.name, 'Tontine de Konni');
  });

  it('keeps history: an update closes the old version, reads as of a past instant see it', async () => {
    const p = await svc.createPayer(admin, { type: 'D', name: 'Bailleur A', locationId: await at('R2') });
    const firstFrom = p.validFrom;
    await new Promise((r) => setTimeout(r, 20));
    const mid = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const u = await svc.updatePayer(admin, p.id, { type: 'D', name: 'Bailleur B', locationId: await at('R2D1') });
    assert.equal(u.id, p.id);
    // Saving the same values again makes no new version.
    await svc.updatePayer(admin, p.id, { type: 'D', name: 'Bailleur B', locationId: await at('R2D1') });
    assert.equal((await svc.getPayer(admin, p.id))?.name, 'Bailleur B');
    assert.equal((await svc.getPayerAt(admin, p.id, mid))?.name, 'Bailleur A');
    const versions = await svc.payerVersions(admin, p.id);
    assert.deepEqual(
      versions.map((v) => v.name),
      ['Bailleur A', 'Bailleur B'],
    );
    assert.equal(versions[0]!.validFrom, firstFrom);
    assert.equal(versions[0]!.validTo, versions[1]!.validFrom);
    await svc.deletePayer(admin, p.id);
    assert.equal(await svc.getPayer(admin, p.id), null);
    assert.equal((await svc.payerVersions(admin, p.id)).length, 2);
    await rejects(svc.deletePayer(admin, p.id), 'NOT_FOUND');
    await rejects(svc.getPayerAt(admin, p.id, 'not a date'), 'BAD_INPUT', (e) =>
      assert.equal(e.problems[0]?.field, 'at'),
    );
    assert.equal(await svc.getPayerAt(admin, p.id, new Date().toISOString().slice(0, 10)), null);
  });

  it('refuses bad input naming the field, translated, over GraphQL', async () => {
    await k.createUser({ username: 'payer-admin', admin: true, language: 'fr' });
    const token = await k.loginToken('payer-admin');
    const q = 'mutation($i: CreatePayerInput!) { createPayer(input: $i) { payer { name location { code } } } }';
    const village = await at('R1D1M1V1');
    const bad = await k.gql(
      q,
      { i: { type: 'Z', name: ' ', locationId: village, email: 'x' } },
      { token, locale: 'fr' },
    );
    assert.equal(bad.data, null);
    const ext = bad.errors?.[0]?.extensions as { code: string; problems: Array<{ field: string; message: string }> };
    assert.equal(ext.code, 'BAD_INPUT');
    assert.deepEqual(ext.problems.map((p) => p.field).sort(), ['email', 'locationId', 'name', 'type']);
    assert.match(ext.problems.find((p) => p.field === 'name')!.message, /obligatoire/);
    const notFound = await k.gql(q, { i: { type: 'G', name: 'N', locationId: 'not-a-uuid' } }, { token });
    assert.equal(notFound.errors?.[0]?.extensions?.code, 'BAD_INPUT');
    const ok = await k.gql<{ createPayer: { payer: { name: string; location: { code: string } } } }>(
      q,
      { i: { type: 'L', name: 'Commune de Gaya', locationId: await at('R2D2'), clientMutationId: 'p-1' } },
      { token },
    );
    assert.equal(ok.errors, undefined);
    assert.deepEqual(ok.data?.createPayer.payer, { name: 'Commune de Gaya', location: { code: 'R2D2' } });
    const list = await k.gql<{ payers: { totalCount: number } }>(
      'query { payers(search: "gaya", first: 1) { totalCount edges { node { name } } } }',
      {},
      { token },
    );
    assert.equal(list.data?.payers.totalCount, 2);
  });

  it('refuses a user without the search right', async () => {
    await k.createUser({ username: 'no-payer', rights: ['location.location.search'] });
    const token = await k.loginToken('no-payer');
    const res = await k.gql('query { payers { totalCount } }', {}, { token });
    assert.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  it('keeps the location of current payers: deleting or re-typing it is refused', async () => {
    const district = await loc.createLocation(admin, { code: 'R1D9', name: 'Madaoua', parentId: await at('R1') });
    const p = await svc.createPayer(admin, { type: 'L', name: 'Commune de Madaoua', locationId: district.id });
    await rejects(loc.deleteLocation(admin, district.id), 'RULE_VIOLATION', (e) =>
      assert.equal(e.key, 'payer.error.locationHasPayers'),
    );
    // Moving the district under another district would make it a municipality.
    await rejects(loc.moveLocation(admin, district.id, await at('R1D1')), 'RULE_VIOLATION', (e) =>
      assert.equal(e.key, 'payer.error.locationHasPayers'),
    );
    await svc.deletePayer(admin, p.id);
    await loc.deleteLocation(admin, district.id);
  });
});
