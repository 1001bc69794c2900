import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { and, eq, like, sql } from 'drizzle-orm';
import { countrySize } from '../domain/country-plan.js';
import { useLocationKernel } from './db-test-kernel.js';
import location from './index.js';
import { location as locationTable } from './schema.js';

const t = useLocationKernel();

describe('generated country', () => {
  it('writes the planned tree and facilities, reporting progress up to the total', async () => {
    const calls: Array<[number, number]> = [];
    await location.generate!(t.admin, t.service, {
      seed: 1,
      insurees: 30_000,
      progress: (done, total) => {
        calls.push([done, total]);
      },
    });
    const size = countrySize(30_000);
    const count = async (type: string) => {
      const [r] = await t.admin.db
        .select({ n: sql<number>`count(*)::int` })
        .from(locationTable)
        .where(and(eq(locationTable.type, type), like(locationTable.code, 'G%')));
      return r?.n;
    };
    assert.equal(await count('R'), size.regions);
    assert.equal(await count('D'), size.districts);
    assert.equal(await count('V'), size.villages);
    const hfs = await t.service.searchHealthFacilities(t.admin, { code: 'GH' }, { first: 1 });
    assert.equal(hfs.totalCount, size.healthFacilities);
    const last = calls.at(-1)!;
    assert.equal(last[0], last[1]);
    // A generated district user sees their district's facilities only.
    const { ctx } = await t.user('gen-user', ['location.hf.search'], ['GD001']);
    const mine = await t.service.searchHealthFacilities(ctx, {}, { first: 500 });
    const district = await t.loc('GD001');
    assert.ok(mine.totalCount > 0);
    assert.ok(mine.edges.every((e) => e.node.locationId === district.id));
  });

  it('offers benchmarks that run against the generated data', async () => {
    const benches = await location.benchmarks!(t.admin, t.service);
    assert.deepEqual(
      benches.map((b) => b.name),
      [
        'hf search by name (trigram)',
        'location scope expansion for a district user',
        'hf search for a district user (scoped)',
      ],
    );
    for (const b of benches) {
      await b.run();
      await b.baseline();
    }
  });
});
