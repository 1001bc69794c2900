import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import codelist from '@mutua/codelist';
import insuree from '@mutua/insuree';
import type { Ctx, ModuleDefinition } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import location from '@mutua/location';
import medical from '@mutua/medical';
import pricelist from '@mutua/medical-pricelist';
import officer from '@mutua/officer';
import policy from '@mutua/policy';
import product from '@mutua/product';
import { claimService } from '../points.js';
import { familyChunks } from './bulk-sql.js';
import { depsOf } from './deps.js';
import claim from './index.js';
import type { ClaimService } from './service.js';

const MODULES = [location, codelist, officer, medical, pricelist, product, insuree, policy, claim];

describe('claim demo, generate and benchmarks', () => {
  let k: TestKernel;
  let admin: Ctx;
  let claims: ClaimService;

  before(async () => {
    k = await startTestKernel({
      modules: MODULES as unknown as ModuleDefinition<unknown, unknown>[],
      config: { policy: { scheduleExpiry: false } },
    });
    admin = k.adminCtx();
    await k.seedDemo(['location', 'officer', 'medical', 'medical-pricelist', 'product', 'insuree', 'policy', 'claim']);
    claims = k.kernel.service(claimService) as ClaimService;
  });
  after(async () => {
    await k?.close();
  });

  it('seeds claims in every status, with rejection reasons, review and feedback', async () => {
    const all = (await claims.searchClaims(admin, { code: 'DEMO-' }, { first: 100 })).edges.map((e) => e.node);
    const statuses = new Set(all.map((c) => c.status));
    for (const s of [1, 2, 4, 16]) assert.ok(statuses.has(s as 1), `a demo claim in status ${s}`);
    assert.ok(all.some((c) => c.reviewStatus === 4));
    assert.ok(all.some((c) => c.reviewStatus === 8));
    assert.ok(all.some((c) => c.feedbackStatus === 8));
    const rejected = all.find((c) => c.status === 1)!;
    const detail = (await claims.getClaim(admin, rejected.id))!;
    assert.ok([...detail.items, ...detail.services].every((l) => l.status === 2 && l.rejectionReason > 0));
    const valuated = all.find((c) => c.status === 16)!;
    assert.ok(Number(valuated.valuated) > 0);
  });

  it('generates earlier claims of 5 lines and builds both benchmarks', async () => {
    const seen: number[] = [];
    await claim.generate!(admin, claims, { seed: 1, insurees: 300, progress: (d) => void seen.push(d) });
    assert.equal(seen.at(-1), 30);
    const generated = await claims.searchClaims(admin, { code: 'G0000' }, { first: 50 });
    assert.equal(generated.totalCount, 30);
    const g = (await claims.getClaim(admin, generated.edges[0]!.node.id))!;
    assert.equal(g.items.length + g.services.length, 5);
    const benches = await claim.benchmarks!(admin, claims);
    assert.equal(benches.length, 2);
    for (const b of benches) {
      await b.prepare?.();
      await b.run();
      await b.baseline();
    }
    const bulk = await claims.searchClaims(admin, { code: 'B', status: [16, 8, 1] }, { first: 500 });
    assert.ok(bulk.totalCount >= 100 + 8, 'the benchmark claims were checked and valued');
  });

  it('cuts a bulk selection so that no family has claims in two chunks (chunks run side by side)', async () => {
    const all = (await claims.searchClaims(admin, {}, { first: 300 })).edges.map((e) => e.node);
    const ids = [...all.map((c) => c.id), '01a20000-0000-7000-8000-000000000000'];
    const { chunks, insurees } = await familyChunks(depsOf.get(claims)!, admin, ids);
    assert.ok(chunks.length >= 2, 'two chunks at least, so both cores work');
    assert.ok(chunks.every((c) => c.length <= 500));
    assert.deepEqual([...chunks.flat()].sort(), [...ids].sort(), 'every id once, the unknown one included');
    const family = new Map(insurees.map((i) => [i.id, i.familyId]));
    const chunkOfFamily = new Map<string, number>();
    chunks.forEach((chunk, i) => {
      for (const id of chunk) {
        const c = all.find((x) => x.id === id);
        if (!c) continue;
        const f = family.get(c.insureeId)!;
        assert.equal(chunkOfFamily.get(f) ?? i, i, `family ${f} has claims in two chunks`);
        chunkOfFamily.set(f, i);
      }
    });
    assert.ok(chunkOfFamily.size > 2, 'claims of several families');
  });
});
