import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HealthFacilityInput } from '../domain/types.js';
import { rejects, useLocationKernel } from './db-test-kernel.js';

const t = useLocationKernel();

const HF_RIGHTS = ['location.hf.search', 'location.hf.add', 'location.hf.edit', 'location.hf.delete'];
const base = (locationId: string, code: string): HealthFacilityInput => ({
  code,
  name: `CSI ${code}`,
  legalForm: 'G',
  level: 'C',
  careType: 'B',
  locationId,
});

const SEARCH = `query($first: Int, $after: String, $level: String) {
  healthFacilities(first: $first, after: $after, level: $level) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { code location { code } catchments { percentage village { code } } } }
  }
}`;

describe('health facility search', () => {
  it('shows a district-limited user only the facilities of their district', async () => {
    await t.k.createUser({
      username: 'konni-clerk',
      rights: ['location.hf.search'],
      districtIds: [(await t.loc('R1D2')).id],
    });
    const token = await t.k.loginToken('konni-clerk');
    const res = await t.k.gql<{ healthFacilities: { edges: Array<{ node: { code: string } }> } }>(
      SEARCH,
      {},
      { token },
    );
    assert.deepEqual(
      res.data?.healthFacilities.edges.map((e) => e.node.code),
      ['HF1201', 'HF1202'],
    );
    const other = await t.service.findHealthFacilityByCode(t.admin, 'HF2101');
    const single = await t.k.gql('query($id: ID!) { healthFacility(id: $id) { code } }', { id: other!.id }, { token });
    assert.deepEqual(single.data, { healthFacility: null });
  });

  it('pages with a keyset cursor, without overlap, and counts the total', async () => {
    await t.k.createUser({ username: 'hf-admin', admin: true });
    const token = await t.k.loginToken('hf-admin');
    type Page = {
      healthFacilities: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: Array<{ node: { code: string; location: { code: string }; catchments: unknown[] } }>;
      };
    };
    const first = await t.k.gql<Page>(SEARCH, { first: 4 }, { token });
    const p1 = first.data!.healthFacilities;
    assert.equal(p1.totalCount, 6);
    assert.equal(p1.pageInfo.hasNextPage, true);
    assert.equal(p1.edges[0]?.node.location.code, 'R1D1');
    assert.equal(p1.edges[0]?.node.catchments.length, 3);
    const second = await t.k.gql<Page>(SEARCH, { first: 4, after: p1.pageInfo.endCursor }, { token });
    const p2 = second.data!.healthFacilities;
    assert.equal(p2.pageInfo.hasNextPage, false);
    assert.deepEqual(
      [...p1.edges, ...p2.edges].map((e) => e.node.code),
      ['HF1101', 'HF1102', 'HF1201', 'HF1202', 'HF2101', 'HF2201'],
    );
  });

  it('filters by name fragment, level and region', async () => {
    const byName = await t.service.searchHealthFacilities(t.admin, { search: 'tessa' }, {});
    assert.deepEqual(
      byName.edges.map((e) => e.node.code),
      ['HF2101'],
    );
    const hospitals = await t.service.searchHealthFacilities(t.admin, { level: 'H' }, {});
    assert.equal(hospitals.totalCount, 2);
    const inDosso = await t.service.searchHealthFacilities(t.admin, { locationId: (await t.loc('R2')).id }, {});
    assert.deepEqual(
      inDosso.edges.map((e) => e.node.code),
      ['HF2101', 'HF2201'],
    );
  });
});

describe('health facility writes', () => {
  it('creates a facility with catchment villages and replaces them on update', async () => {
    const district = await t.loc('R2D1');
    const v1 = await t.loc('R2D1M1V1');
    const v2 = await t.loc('R2D1M1V2');
    const hf = await t.service.createHealthFacility(t.admin, {
      ...base(district.id, 'HFNEW1'),
      contractStartDate: '2025-01-01',
      contractEndDate: '2025-12-31',
      catchments: [{ villageId: v1.id, percentage: 70 }],
    });
    assert.equal(hf.status, 'AC');
    const updated = await t.service.updateHealthFacility(t.admin, hf.id, {
      ...base(district.id, 'HFNEW1'),
      catchments: [{ villageId: v2.id, percentage: 100 }],
    });
    assert.deepEqual(updated.catchments, [{ villageId: v2.id, percentage: 100 }]);
    assert.equal(updated.contractStartDate, null);
    assert.deepEqual((await t.service.getHealthFacility(t.admin, hf.id))?.catchments, updated.catchments);
  });

  it('refuses a duplicate code with a conflict on the code field', async () => {
    await rejects(t.service.createHealthFacility(t.admin, base((await t.loc('R1D1')).id, 'HF1101')), 'CONFLICT', (e) =>
      assert.deepEqual(
        e.problems.map((p) => p.field),
        ['code'],
      ),
    );
  });

  it('names every bad field at once, including a catchment that is not a village', async () => {
    const district = await t.loc('R1D1');
    await rejects(
      t.service.createHealthFacility(t.admin, {
        ...base(district.id, 'HFBAD'),
        legalForm: 'X',
        email: 'nope',
        contractStartDate: '2025-01-01',
        catchments: [{ villageId: district.id, percentage: 50 }],
      }),
      'BAD_INPUT',
      (e) =>
        assert.deepEqual(
          e.problems.map((p) => p.field),
          ['legalForm', 'email', 'contractEndDate', 'catchments.0.villageId'],
        ),
    );
    await rejects(t.service.createHealthFacility(t.admin, base((await t.loc('R1')).id, 'HFREG')), 'BAD_INPUT', (e) =>
      assert.equal(e.key, 'location.error.notDistrict'),
    );
  });

  it('refuses a district user creating a facility in another district', async () => {
    const { ctx } = await t.user('dosso-admin', HF_RIGHTS, ['R2D1']);
    await rejects(t.service.createHealthFacility(ctx, base((await t.loc('R1D1')).id, 'HFX1')), 'FORBIDDEN', (e) =>
      assert.equal(e.key, 'location.error.outOfScope'),
    );
    const own = await t.service.createHealthFacility(ctx, base((await t.loc('R2D1')).id, 'HFX2'));
    assert.equal(own.code, 'HFX2');
  });

  it('refuses a user without the right to add', async () => {
    const { ctx } = await t.user('hf-reader', ['location.hf.search']);
    await rejects(t.service.createHealthFacility(ctx, base((await t.loc('R2D1')).id, 'HFX3')), 'FORBIDDEN');
  });

  it('creates once when a mutation is retried with the same clientMutationId', async () => {
    await t.k.createUser({ username: 'retry-admin', admin: true });
    const token = await t.k.loginToken('retry-admin');
    const input = { ...base((await t.loc('R2D2')).id, 'HFRETRY'), clientMutationId: 'c-1' };
    const q =
      'mutation($i: CreateHealthFacilityInput!) { createHealthFacility(input: $i) { healthFacility { id code } } }';
    const a = await t.k.gql<{ createHealthFacility: { healthFacility: { id: string } } }>(q, { i: input }, { token });
    const b = await t.k.gql<{ createHealthFacility: { healthFacility: { id: string } } }>(q, { i: input }, { token });
    assert.equal(a.errors, undefined);
    assert.equal(a.data?.createHealthFacility.healthFacility.id, b.data?.createHealthFacility.healthFacility.id);
  });

  it('soft-deletes a facility, freeing its code', async () => {
    const hf = await t.service.createHealthFacility(t.admin, base((await t.loc('R2D2')).id, 'HFDEL'));
    await t.service.deleteHealthFacility(t.admin, hf.id);
    assert.equal(await t.service.getHealthFacility(t.admin, hf.id), null);
    assert.equal(await t.service.isHealthFacilityCodeFree(t.admin, 'HFDEL'), true);
  });
});
