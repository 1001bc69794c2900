import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Ctx, ModuleDefinition, MutuaError } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import location, { type LocationService, locationService } from '@mutua/location';
import type { EnrolmentOfficerInput } from '../domain/types.js';
import { type OfficerService, officerService } from '../points.js';
import officer from './index.js';

let k: TestKernel;
let loc: LocationService;
let svc: OfficerService;
let admin: Ctx;
const at = async (code: string) => {
  const l = await loc.findByCode(admin, code);
  if (!l) throw new Error(`demo location ${code} missing`);
  return l.id;
};
const hf = async (code: string) => (await loc.findHealthFacilityByCode(admin, code))!.id;
const eo = async (code: string) => (await svc.findOfficerByCode(admin, code))!;
const rejects = (p: Promise<unknown>, code: string, check?: (e: MutuaError) => void) =>
  assert.rejects(p, (e: MutuaError) => {
    assert.equal(e.code, code, e.message);
    check?.(e);
    return true;
  });
const fieldsOf = (e: MutuaError) => e.problems.map((p) => p.field);
const EO_RIGHTS = ['officer.officer.search', 'officer.officer.add', 'officer.officer.edit', 'officer.officer.delete'];
const CA_RIGHTS = [
  'officer.claimAdmin.search',
  'officer.claimAdmin.add',
  'officer.claimAdmin.edit',
  'officer.claimAdmin.delete',
];
const base = async (code: string, district = 'R2D1'): Promise<EnrolmentOfficerInput> => ({
  code,
  lastName: 'Test',
  otherNames: code,
  locationId: await at(district),
});

before(async () => {
  k = await startTestKernel({
    modules: [location as ModuleDefinition<unknown, unknown>, officer as ModuleDefinition<unknown, unknown>],
  });
  loc = k.kernel.service(locationService)!;
  svc = k.kernel.service(officerService)!;
  admin = k.adminCtx();
  await location.seedDemo!(admin, loc);
  await officer.seedDemo!(admin, svc);
});
after(async () => {
  await k?.close();
});

describe('enrolment officers', () => {
  it('seeds one officer per district with villages, one substituting another', async () => {
    const all = await svc.searchOfficers(admin, {}, {});
    assert.equal(all.totalCount, 4);
    const eo1 = await eo('EO0001');
    assert.equal(eo1.substituteId, (await eo('EO0002')).id);
    assert.equal(eo1.villageIds.length, 4);
    const byVillage = await svc.searchOfficers(admin, { villageId: await at('R1D1M1V2') }, {});
    assert.deepEqual(
      byVillage.edges.map((e) => e.node.code),
      ['EO0001'],
    );
    const byRegion = await svc.searchOfficers(admin, { locationId: await at('R2') }, {});
    assert.deepEqual(
      byRegion.edges.map((e) => e.node.code),
      ['EO0003', 'EO0004'],
    );
  });

  it('limits a district user to their district, for reads and writes', async () => {
    const user = await k.createUser({ username: 'gaya-eo', rights: EO_RIGHTS, districtIds: [await at('R2D2')] });
    const ctx = k.ctxAs(user);
    assert.deepEqual(
      (await svc.searchOfficers(ctx, {}, {})).edges.map((e) => e.node.code),
      ['EO0004'],
    );
    assert.equal(await svc.getOfficer(ctx, (await eo('EO0001')).id), null);
    await rejects(svc.createOfficer(ctx, await base('EOX1', 'R1D1')), 'FORBIDDEN');
    const own = await svc.createOfficer(ctx, { ...(await base('EOX2', 'R2D2')), villageIds: [await at('R2D2M1V2')] });
    assert.deepEqual(own.villageIds, [await at('R2D2M1V2')]);
  });

  it('refuses villages outside the district, naming the entry', async () => {
    await rejects(
      svc.createOfficer(admin, {
        ...(await base('EOV1')),
        villageIds: [await at('R2D1M1V1'), await at('R1D1M1V1'), await at('R2D1M1')],
      }),
      'BAD_INPUT',
      (e) => {
        assert.deepEqual(
          e.problems.map((p) => [p.field, p.key]),
          [
            ['villageIds.1', 'officer.error.villageOutsideDistrict'],
            ['villageIds.2', 'officer.error.notVillage'],
          ],
        );
      },
    );
  });

  it('refuses a region as district, a works-to date before birth, and a duplicate code', async () => {
    await rejects(
      svc.createOfficer(admin, {
        ...(await base('EOD1')),
        locationId: await at('R2'),
        dob: '1990-05-01',
        worksTo: '1980-01-01',
      }),
      'BAD_INPUT',
      (e) => assert.deepEqual(fieldsOf(e).sort(), ['locationId', 'worksTo']),
    );
    await rejects(svc.createOfficer(admin, await base('EO0001')), 'CONFLICT', (e) =>
      assert.deepEqual(fieldsOf(e), ['code']),
    );
  });

  it('refuses a substitute loop and deleting an officer who substitutes', async () => {
    const eo1 = await eo('EO0001');
    const eo2 = await eo('EO0002');
    // EO0001 → EO0002 already; EO0002 → EO0001 would close the loop.
    await rejects(svc.updateOfficer(admin, eo2.id, { ...eo2, substituteId: eo1.id }), 'BAD_INPUT', (e) =>
      assert.equal(e.problems[0]?.key, 'officer.error.substituteCycle'),
    );
    await rejects(svc.updateOfficer(admin, eo2.id, { ...eo2, substituteId: eo2.id }), 'BAD_INPUT', (e) =>
      assert.equal(e.problems[0]?.key, 'officer.error.substituteSelf'),
    );
    await rejects(svc.deleteOfficer(admin, eo2.id), 'RULE_VIOLATION', (e) =>
      assert.equal(e.key, 'officer.error.stillSubstitute'),
    );
  });

  it('links one officer per user account and finds it', async () => {
    const u = await k.createUser({ username: 'eo-account', rights: [] });
    const o = await svc.createOfficer(admin, { ...(await base('EOU1')), userId: u.id });
    assert.equal((await svc.findOfficerByUser(k.ctxAs(u), u.id))?.code, 'EOU1');
    await rejects(svc.createOfficer(admin, { ...(await base('EOU2')), userId: u.id }), 'CONFLICT', (e) =>
      assert.deepEqual(fieldsOf(e), ['userId']),
    );
    await rejects(
      svc.createOfficer(admin, { ...(await base('EOU3')), userId: '01900000-0000-7000-8000-000000000000' }),
      'BAD_INPUT',
      (e) => assert.deepEqual(fieldsOf(e), ['userId']),
    );
    await svc.deleteOfficer(admin, o.id);
    assert.equal(await svc.findOfficerByUser(admin, u.id), null);
    // The deleted officer's code and account are free again.
    const again = await svc.createOfficer(admin, { ...(await base('EOU1')), userId: u.id });
    assert.equal(again.userId, u.id);
  });

  it('answers over GraphQL with translated, field-named errors', async () => {
    await k.createUser({ username: 'eo-admin', admin: true, language: 'fr' });
    const token = await k.loginToken('eo-admin');
    const q = `mutation($i: CreateEnrolmentOfficerInput!) {
      createEnrolmentOfficer(input: $i) { enrolmentOfficer { code location { code } villages { code } substitute { code } } }
    }`;
    const bad = await k.gql(
      q,
      { i: { code: 'EO BAD', lastName: '', otherNames: 'X', locationId: 'nope', email: 'x@' } },
      { token, locale: 'fr' },
    );
    const ext = bad.errors?.[0]?.extensions as { code: string; problems: Array<{ field: string; message: string }> };
    assert.equal(ext.code, 'BAD_INPUT');
    assert.deepEqual(ext.problems.map((p) => p.field).sort(), ['code', 'email', 'lastName', 'locationId']);
    assert.match(ext.problems.find((p) => p.field === 'lastName')!.message, /obligatoire/);
    const ok = await k.gql<{ createEnrolmentOfficer: { enrolmentOfficer: unknown } }>(
      q,
      {
        i: {
          code: 'EOG1',
          lastName: 'Souley',
          otherNames: 'Ali',
          locationId: await at('R1D2'),
          villageIds: [await at('R1D2M2V1')],
          substituteId: (await eo('EO0003')).id,
          veoLastName: 'Chef',
          phoneCommunication: true,
        },
      },
      { token },
    );
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
    assert.deepEqual(ok.data?.createEnrolmentOfficer.enrolmentOfficer, {
      code: 'EOG1',
      location: { code: 'R1D2' },
      villages: [{ code: 'R1D2M2V1' }],
      substitute: { code: 'EO0003' },
    });
    const page = await k.gql<{ enrolmentOfficers: { totalCount: number; pageInfo: { hasNextPage: boolean } } }>(
      'query { enrolmentOfficers(first: 2) { totalCount pageInfo { hasNextPage } edges { node { code } } } }',
      {},
      { token },
    );
    assert.equal(page.data?.enrolmentOfficers.pageInfo.hasNextPage, true);
  });
});

describe('locations and facilities in use', () => {
  it('refuses deleting a district with officers or a facility with claim administrators', async () => {
    const district = await loc.createLocation(admin, { code: 'R2D9', name: 'Boboye', parentId: await at('R2') });
    const commune = await loc.createLocation(admin, { code: 'R2D9M1', name: 'Birni', parentId: district.id });
    const village = await loc.createLocation(admin, { code: 'R2D9M1V1', name: 'Kiota', parentId: commune.id });
    const o = await svc.createOfficer(admin, { ...(await base('EOL1', 'R2D9')), villageIds: [village.id] });
    await rejects(loc.deleteLocation(admin, district.id), 'RULE_VIOLATION', (e) =>
      assert.equal(e.key, 'officer.error.locationHasOfficers'),
    );
    // Moving the commune up under the region makes it a district and the served village a commune.
    await rejects(loc.moveLocation(admin, commune.id, await at('R2')), 'RULE_VIOLATION', (e) =>
      assert.equal(e.key, 'officer.error.villageServed'),
    );
    // A deleted village leaves the officer's list.
    await loc.deleteLocation(admin, village.id);
    assert.deepEqual((await svc.getOfficer(admin, o.id))?.villageIds, []);
    const hf1101 = await hf('HF1101');
    await rejects(loc.deleteHealthFacility(admin, hf1101), 'RULE_VIOLATION', (e) =>
      assert.equal(e.key, 'officer.error.hfHasClaimAdmins'),
    );
  });
});

describe('claim administrators', () => {
  it('seeds one per health facility and limits a district user to their facilities', async () => {
    assert.equal((await svc.searchClaimAdmins(admin, {}, {})).totalCount, 6);
    const user = await k.createUser({ username: 'konni-ca', rights: CA_RIGHTS, districtIds: [await at('R1D2')] });
    const ctx = k.ctxAs(user);
    assert.deepEqual(
      (await svc.searchClaimAdmins(ctx, {}, {})).edges.map((e) => e.node.code),
      ['CA1201', 'CA1202'],
    );
    const other = (await svc.findClaimAdminByCode(admin, 'CA2101'))!;
    assert.equal(await svc.getClaimAdmin(ctx, other.id), null);
    await rejects(svc.deleteClaimAdmin(ctx, other.id), 'NOT_FOUND');
    const own = await svc.createClaimAdmin(ctx, {
      code: 'CAX1',
      lastName: 'Kané',
      otherNames: 'Bintou',
      healthFacilityId: await hf('HF1202'),
    });
    assert.equal(own.code, 'CAX1');
  });

  it('requires an existing facility, a unique code and a unique account; updates and deletes', async () => {
    await rejects(
      svc.createClaimAdmin(admin, {
        code: 'CAY1',
        lastName: 'A',
        otherNames: 'B',
        healthFacilityId: '01900000-0000-7000-8000-000000000000',
      }),
      'BAD_INPUT',
      (e) => assert.deepEqual(fieldsOf(e), ['healthFacilityId']),
    );
    await rejects(
      svc.createClaimAdmin(admin, {
        code: 'CA1101',
        lastName: 'A',
        otherNames: 'B',
        healthFacilityId: await hf('HF1101'),
      }),
      'CONFLICT',
    );
    const u = await k.createUser({ username: 'ca-account', rights: [] });
    const ca = (await svc.findClaimAdminByCode(admin, 'CA2201'))!;
    const updated = await svc.updateClaimAdmin(admin, ca.id, { ...ca, userId: u.id, phone: '+227 90 00 00 01' });
    assert.equal(updated.phone, '+227 90 00 00 01');
    assert.equal((await svc.findClaimAdminByUser(k.ctxAs(u), u.id))?.code, 'CA2201');
    await rejects(
      svc.createClaimAdmin(admin, {
        code: 'CAY2',
        lastName: 'A',
        otherNames: 'B',
        healthFacilityId: await hf('HF2201'),
        userId: u.id,
      }),
      'CONFLICT',
      (e) => assert.deepEqual(fieldsOf(e), ['userId']),
    );
    await svc.deleteClaimAdmin(admin, ca.id);
    assert.equal(await svc.getClaimAdmin(admin, ca.id), null);
  });

  it('needs the right over GraphQL', async () => {
    await k.createUser({ username: 'no-ca', rights: ['officer.officer.search'] });
    const token = await k.loginToken('no-ca');
    const res = await k.gql('query { claimAdministrators { totalCount } }', {}, { token });
    assert.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});
