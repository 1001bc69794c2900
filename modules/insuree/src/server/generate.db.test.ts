import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { queryRows } from '@mutua/kernel';
import { sql } from 'drizzle-orm';
import { isValidNumber } from '../domain/insurance-number.js';
import { useInsureeKernel } from './db-test-kernel.js';
import insuree from './index.js';

const t = useInsureeKernel({ demo: true });

describe('demo and generated insurees', () => {
  it('seeds at least 300 families and 1,000 insurees over the demo villages, one head each, valid numbers', async () => {
    const [c] = await queryRows<{ families: number; insurees: number; heads: number; villages: number }>(
      t.admin.db,
      sql`SELECT (SELECT count(*)::int FROM family WHERE valid_to IS NULL) AS families,
                 (SELECT count(*)::int FROM insuree WHERE valid_to IS NULL) AS insurees,
                 (SELECT count(*)::int FROM insuree WHERE valid_to IS NULL AND is_head) AS heads,
                 (SELECT count(DISTINCT location_id)::int FROM family WHERE valid_to IS NULL) AS villages`,
    );
    assert.ok(c!.families >= 300 && c!.insurees >= 1000, JSON.stringify(c));
    assert.equal(c!.heads, c!.families);
    assert.equal(c!.villages, 24);
    const page = await t.service.searchInsurees(t.admin, { lastName: 'Issoufou' }, { first: 5 });
    assert.ok(page.totalCount > 0);
    for (const e of page.edges) assert.ok(isValidNumber(e.node.chfId, { length: 9, mode: 'modulo', modulo: 7 }));
  });

  it('generates exactly the asked number of insurees in bulk, with progress', async () => {
    const before = (await queryRows<{ n: number }>(t.admin.db, sql`SELECT count(*)::int AS n FROM insuree`))[0]!.n;
    const seen: number[] = [];
    // The demo numbers start at 5,000,000 in the sequence, so the generated ones (from 0) never collide.
    await insuree.generate!(t.admin, t.service, { seed: 3, insurees: 9000, progress: (d) => void seen.push(d) });
    const after = (await queryRows<{ n: number }>(t.admin.db, sql`SELECT count(*)::int AS n FROM insuree`))[0]!.n;
    assert.equal(after - before, 9000);
    assert.equal(seen.at(-1), 9000);
    assert.ok(seen.length >= 2);
    const benches = await insuree.benchmarks!(t.admin, t.service);
    assert.deepEqual(
      benches.map((b) => b.name),
      ['insuree search by name (trigram)', 'insuree by insurance number', 'insuree search by number prefix'],
    );
    for (const b of benches) {
      await b.run();
      await b.baseline();
    }
  });
});
