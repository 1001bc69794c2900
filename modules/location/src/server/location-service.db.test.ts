import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coreTables } from '@mutua/kernel';
import { and, eq } from 'drizzle-orm';
import { rejects, useLocationKernel } from './db-test-kernel.js';

const t = useLocationKernel();

describe('location scope', () => {
  it('gives a district user their district, everything under it and the region above, nothing else', async () => {
    const { ctx } = await t.user('scope-user', [], ['R1D2']);
    const scope = await t.service.scope(ctx);
    assert.equal(scope.all, false);
    const ids = new Set(scope.all ? [] : scope.locationIds);
    for (const code of ['R1', 'R1D2', 'R1D2M1', 'R1D2M2V3']) assert.ok(ids.has((await t.loc(code)).id), code);
    for (const code of ['R2', 'R1D1', 'R1D1M1V1', 'R2D1']) assert.ok(!ids.has((await t.loc(code)).id), code);
    assert.equal(ids.size, 1 + 1 + 2 + 6);
    assert.equal(await t.service.isInScope(ctx, (await t.loc('R1D2M1')).id), true);
    assert.equal(await t.service.isInScope(ctx, (await t.loc('R1')).id), false, 'the region is visible, not writable');
  });

  it('leaves administrators unrestricted', async () => {
    assert.deepEqual(await t.service.scope(t.admin), { all: true });
    assert.equal(await t.service.scopeCondition(t.admin, coreTables.userDistrict.locationId), undefined);
  });

  it('shows a district user only their part of the tree', async () => {
    const { ctx } = await t.user('tree-user', [], ['R2D2']);
    const top = await t.service.children(ctx, null);
    assert.deepEqual(
      top.map((l) => l.code),
      ['R2'],
    );
    const districts = await t.service.children(ctx, top[0]!.id);
    assert.deepEqual(
      districts.map((l) => l.code),
      ['R2D2'],
    );
    const page = await t.service.searchLocations(ctx, { type: 'D' }, {});
    assert.deepEqual(
      page.edges.map((e) => e.node.code),
      ['R2D2'],
    );
    assert.equal(await t.service.getLocation(ctx, (await t.loc('R1D1')).id), null);
  });
});

describe('creating and editing locations', () => {
  it('types a new location from its parent and records it in the audit log', async () => {
    const muni = await t.loc('R1D1M1');
    const v = await t.service.createLocation(t.admin, {
      code: 'NEWV1',
      name: 'Tabalak',
      parentId: muni.id,
      families: 12,
    });
    assert.equal(v.type, 'V');
    const audit = await t.admin.db
      .select()
      .from(coreTables.auditLog)
      .where(and(eq(coreTables.auditLog.entity, 'Location'), eq(coreTables.auditLog.entityId, v.id)));
    assert.deepEqual(
      audit.map((a) => a.action),
      ['create'],
    );
  });

  it('refuses a duplicate code with a conflict naming the code field', async () => {
    const muni = await t.loc('R1D1M1');
    await rejects(
      t.service.createLocation(t.admin, { code: 'R1D1M1V1', name: 'Twin', parentId: muni.id }),
      'CONFLICT',
      (e) => {
        assert.equal(e.key, 'location.error.codeTaken');
        assert.equal(e.problems[0]?.field, 'code');
      },
    );
  });

  it('says in French which field is wrong over GraphQL', async () => {
    await t.k.createUser({ username: 'gql-admin', admin: true });
    const token = await t.k.loginToken('gql-admin');
    const muni = await t.loc('R1D1M1');
    const res = await t.k.gql(
      'mutation($i: CreateLocationInput!) { createLocation(input: $i) { location { id } } }',
      { i: { code: 'R1D1M1V1', name: 'Twin', parentId: muni.id } },
      { token, locale: 'fr' },
    );
    const err = res.errors?.[0];
    assert.equal(err?.extensions?.code, 'CONFLICT');
    assert.match(err?.message ?? '', /déjà utilisé/);
    const problems = err?.extensions?.problems as Array<{ field: string; message: string }>;
    assert.equal(problems[0]?.field, 'code');
  });

  it('needs the regions right to create a region or district', async () => {
    const { ctx } = await t.user('adder', ['location.location.add']);
    await rejects(t.service.createLocation(ctx, { code: 'R9', name: 'Maradi' }), 'FORBIDDEN');
    const muni = await t.loc('R2D1M1');
    const v = await t.service.createLocation(ctx, { code: 'ADDV1', name: 'Birni', parentId: muni.id });
    assert.equal(v.type, 'V');
  });

  it('refuses a district user writing outside their districts', async () => {
    const { ctx } = await t.user('outsider', ['location.location.add'], ['R2D1']);
    const elsewhere = await t.loc('R1D1M1');
    await rejects(t.service.createLocation(ctx, { code: 'OUTV1', name: 'Nope', parentId: elsewhere.id }), 'FORBIDDEN');
    const own = await t.loc('R2D1M2');
    assert.equal((await t.service.createLocation(ctx, { code: 'OWNV1', name: 'Yes', parentId: own.id })).type, 'V');
  });

  it('replaces the statistics on update (a complete update)', async () => {
    const v = await t.loc('R2D2M2V1');
    const updated = await t.service.updateLocation(t.admin, v.id, {
      code: v.code,
      name: 'Yélou Centre',
      malePopulation: 900,
    });
    assert.equal(updated.name, 'Yélou Centre');
    assert.equal(updated.femalePopulation, null);
  });
});

describe('deleting and moving', () => {
  it('moves the children to the new parent when deleting a municipality that keeps them', async () => {
    const gone = await t.loc('R2D1M1');
    const keeper = await t.loc('R2D1M2');
    const { deletedIds } = await t.service.deleteLocation(t.admin, gone.id, { newParentId: keeper.id });
    assert.deepEqual(deletedIds, [gone.id]);
    assert.equal(await t.service.findByCode(t.admin, 'R2D1M1'), null);
    const kids = await t.service.children(t.admin, keeper.id);
    assert.ok(kids.some((k) => k.code === 'R2D1M1V2'));
  });

  it('refuses a new parent of another level when keeping children', async () => {
    const m = await t.loc('R1D2M1');
    await rejects(t.service.deleteLocation(t.admin, m.id, { newParentId: (await t.loc('R1D2')).id }), 'BAD_INPUT');
  });

  it('deletes the whole subtree, but not while health facilities are attached', async () => {
    const district = await t.loc('R2D2');
    await rejects(t.service.deleteLocation(t.admin, district.id), 'RULE_VIOLATION');
    const muni = await t.loc('R1D1M1');
    const { deletedIds } = await t.service.deleteLocation(t.admin, muni.id);
    assert.equal(deletedIds.length, 1 + 3 + 1, 'the municipality, its 3 villages and NEWV1');
    assert.equal(await t.service.findByCode(t.admin, 'R1D1M1V2'), null);
  });

  it('removes a deleted location from the districts of the users limited to it', async () => {
    const muni = await t.loc('R2D1M2');
    const { user } = await t.user('limited-to-muni', [], ['R2D1M2']);
    await t.service.deleteLocation(t.admin, muni.id);
    const rows = await t.k.database.db
      .select()
      .from(coreTables.userDistrict)
      .where(eq(coreTables.userDistrict.userId, user.id));
    assert.deepEqual(rows, []);
  });

  it('re-types a municipality moved under a region into a district, and its villages into municipalities', async () => {
    const muni = await t.loc('R1D2M2');
    const moved = await t.service.moveLocation(t.admin, muni.id, (await t.loc('R2')).id);
    assert.equal(moved.type, 'D');
    assert.deepEqual(
      (await t.service.children(t.admin, muni.id)).map((c) => c.type),
      ['W', 'W', 'W'],
    );
  });

  it('refuses moving a location under its own descendant', async () => {
    const d = await t.loc('R1D2');
    await rejects(t.service.moveLocation(t.admin, d.id, (await t.loc('R1D2M1')).id), 'BAD_INPUT', (e) =>
      assert.equal(e.key, 'location.error.moveIntoOwnSubtree'),
    );
  });
});
