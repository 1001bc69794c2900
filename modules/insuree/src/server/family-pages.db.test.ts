import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MutuaError } from '@mutua/kernel';
import { useInsureeKernel } from './db-test-kernel.js';
import insuree from './index.js';

const t = useInsureeKernel();

describe('families with members, page by page', () => {
  it('walks every family once, members head first, and honours the scope', async () => {
    await insuree.generate!(t.admin, t.service, { seed: 9, insurees: 2000, progress: () => {} });
    const seen = new Set<string>();
    let members = 0;
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await t.service.familiesWithMembers(t.admin, { first: 150, after });
      if (!page.families.length) break;
      pages++;
      for (const f of page.families) {
        assert.ok(!seen.has(f.id), 'a family appears once');
        seen.add(f.id);
        assert.ok(f.members.length >= 1);
        assert.equal(f.members[0]!.isHead, true);
        assert.equal(f.members.filter((m) => m.isHead).length, 1);
        members += f.members.length;
      }
      after = page.endCursor;
    }
    assert.ok(pages > 2);
    assert.equal(members, 2000);
    assert.equal(seen.size, (await t.service.searchFamilies(t.admin, {}, { first: 1 })).totalCount);

    // A district user sees only the families of that district.
    const { ctx } = await t.user('pages-d', ['insuree.family.search'], ['R1D1']);
    const district = await t.service.familiesWithMembers(ctx, { first: 5000 });
    assert.ok(district.families.length > 0 && district.families.length < seen.size);
    await assert.rejects(t.service.familiesWithMembers(t.admin, { first: 5001 }), MutuaError);
  });
});
