import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Ctx, type MutuaError, queryRows } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { type ClaimBatchApi, claimBatchService } from '../points.js';
import { pdfTable } from './pdf.js';
import { buildWorld, MODULES, processedOn, type World } from './testing/world.js';

const logger = pino({ level: 'silent' });
const OCTOBER = { year: 2026, month: 10, locationId: null };

/** Everything a run writes, to compare before and after. */
async function snapshot(k: TestKernel) {
  return queryRows(
    k.database.db,
    sql`SELECT
      (SELECT json_agg(json_build_object('id', id, 'status', status, 'remunerated', remunerated, 'run', batch_run_id) ORDER BY id) FROM claim) AS claims,
      (SELECT json_agg(json_build_object('id', id, 'rem', remunerated_amount, 'pv', price_valuated) ORDER BY id) FROM claim_service) AS lines,
      (SELECT count(*)::int FROM claim_batch_line) AS settled,
      (SELECT count(*)::int FROM provider_bill_line) AS bill_lines,
      (SELECT count(*)::int FROM batch_relative_index) AS indexes`,
  );
}

describe('monthly batch run (worked example, October 2026)', () => {
  let k: TestKernel;
  let admin: Ctx;
  let batch: ClaimBatchApi;
  let w: World;
  let c1: string;
  let c2: string;
  before(async () => {
    k = await startTestKernel({ modules: MODULES });
    admin = k.adminCtx();
    batch = k.kernel.service(claimBatchService) as ClaimBatchApi;
    w = await buildWorld(k, admin);
    // Two claims of the relative-price consultation (500.00 in the price list): 1 and 2 visits.
    c1 = await w.processedClaim('C-OCT-1', 1, '2026-10-05');
    c2 = await w.processedClaim('C-OCT-2', 2, '2026-10-12');
    await processedOn(k, [c1, c2], '2026-10-20');
    await k.createUser({ username: 'accountant', admin: true });
  });
  after(async () => {
    await k?.close();
  });

  // By hand: the policy covers 2026-01-01…2026-12-31 (365 days); 36,500.00 → 100.00 a day → October (31 days)
  // 3,100.00 allocated. Share 50 % → pool 1,550.00. Claim value 500.00 + 2 × 500.00 = 1,500.00.
  // Index 1,550 / 1,500 = 1.0333. C-OCT-1: 500 × 1550/1500 = 516.666… → 516.66 + the leftover cent (largest
  // remainder) = 516.67; C-OCT-2: 1,033.333… → 1,033.33. Together 1,550.00 = the pool, to the cent.
  it('preview shows the index, the amounts and the bill, and writes nothing', async () => {
    const before = await snapshot(k);
    const p = await batch.previewBatch(admin, OCTOBER);
    assert.deepEqual(
      // The demo products (MUS-FAM's monthly in-patient row) close October too; the worked example is REL's.
      p.indexes
        .filter((i) => i.productId === w.product.id)
        .map((i) => [i.careType, i.periodType, i.allocated, i.sharePercent, i.pool, i.claimValue, i.index]),
      [['B', 'M', '3100.00', '50.00', '1550.00', '1500.00', '1.0333']],
    );
    assert.deepEqual(
      p.bills.map((b) => [b.facilityId, b.claimed, b.remunerated, b.deduction, b.lineCount]),
      [[w.hfId, '1500.00', '1550.00', '-50.00', 2]],
    );
    assert.deepEqual([p.claimsValuated, p.pendingClaims, p.remunerated], [2, 0, '1550.00']);
    assert.deepEqual(await snapshot(k), before, 'a preview writes nothing');
  });

  it('runs October as a job: claims valuated (16) with their remunerated amounts, index stored, one bill', async () => {
    const { run, jobId } = await batch.runBatch(admin, OCTOBER);
    assert.equal(run.status, 'queued');
    const row = await k.kernel.jobs.claim();
    assert.equal(row?.id, jobId);
    const done = await k.kernel.jobs.execute(row!, { locale: 'en', logger });
    assert.equal(done.status, 'done', String(done.error));
    assert.equal(done.done, done.total);

    const d1 = (await w.claims.getClaim(admin, c1))!;
    const d2 = (await w.claims.getClaim(admin, c2))!;
    assert.deepEqual(
      [d1.status, d1.remunerated, d1.services[0]!.remuneratedAmount, d1.services[0]!.priceValuated],
      [16, '516.67', '516.67', '516.67'],
    );
    assert.deepEqual([d2.status, d2.remunerated, d2.services[0]!.remuneratedAmount], [16, '1033.33', '1033.33']);

    const detail = (await batch.getRun(admin, run.id))!;
    assert.deepEqual(
      [detail.status, detail.claimsValuated, detail.linesRemunerated, detail.claimed, detail.remunerated],
      ['done', 2, 2, '1500.00', '1550.00'],
    );
    assert.deepEqual(
      detail.indexes
        .filter((i) => i.productId === w.product.id)
        .map((i) => [i.allocated, i.pool, i.claimValue, i.index]),
      [['3100.00', '1550.00', '1500.00', '1.0333']],
    );
    assert.equal(detail.bills.length, 1);
    const bill = (await batch.getBill(admin, detail.bills[0]!.id!))!;
    assert.deepEqual(bill.lines.map((l) => l.claimCode).sort(), ['C-OCT-1', 'C-OCT-2']);
    assert.deepEqual(
      bill.lines.map((l) => [l.claimId, l.claimed, l.remunerated, l.deduction]).sort(),
      [
        [c1, '500.00', '516.67', '-16.67'],
        [c2, '1000.00', '1033.33', '-33.33'],
      ].sort(),
    );
  });

  it('refuses to run the same month again, with a translated error, and changes nothing', async () => {
    const before = await snapshot(k);
    await assert.rejects(batch.runBatch(admin, OCTOBER), (e: MutuaError) => {
      assert.equal(e.code, 'CONFLICT');
      assert.equal(e.key, 'claim-batch.error.alreadyRun');
      return true;
    });
    const res = await k.gql<{ runBatch: unknown }>(
      'mutation { runBatch(input: { year: 2026, month: 10 }) { result { jobId } } }',
      {},
      { token: await k.loginToken('accountant') },
    );
    assert.match(res.errors?.[0]?.message ?? '', /already been run/);
    // Executing the finished run again (a retried job) writes nothing either.
    const [run] = await batch.listRuns(admin, { year: 2026 });
    await batch.executeRun(admin, run!.id);
    assert.deepEqual(await snapshot(k), before);
  });

  it('exports the bill as CSV, XLSX and PDF over REST', async () => {
    const [run] = await batch.listRuns(admin, { year: 2026 });
    const billId = (await batch.getRun(admin, run!.id))!.bills[0]!.id!;
    const token = await k.loginToken('accountant');
    for (const [ext, check] of [
      ['csv', (b: Buffer) => assert.match(b.toString('utf8'), /C-OCT-1,500\.00,516\.67,-16\.67/)],
      ['xlsx', (b: Buffer) => assert.equal(b.subarray(0, 2).toString('latin1'), 'PK')],
      ['pdf', (b: Buffer) => assert.match(b.subarray(0, 8).toString('latin1'), /^%PDF-1\.4/)],
    ] as const) {
      const res = await k.kernel.app.inject({
        method: 'GET',
        url: `/api/claim-batch/bills/${billId}.${ext}`,
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.statusCode, 200, res.body);
      check(res.rawPayload);
    }
  });
});

describe('pdfTable', () => {
  it('writes a parseable PDF: header, objects at their xref offsets, trailer, one page per 50 rows', () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Claim ${i} (é)`, '1.00', '2.00', '-1.00']);
    const pdf = pdfTable({
      title: 'Facture',
      subtitle: ['HF1101'],
      columns: [
        { header: 'A', width: 200 },
        { header: 'B', width: 100, align: 'right' },
        { header: 'C', width: 100, align: 'right' },
        { header: 'D', width: 100, align: 'right' },
      ],
      rows,
    });
    const text = pdf.toString('latin1');
    assert.ok(text.startsWith('%PDF-1.4\n'));
    assert.ok(text.trimEnd().endsWith('%%EOF'));
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)![1]);
    assert.equal(text.slice(startxref, startxref + 4), 'xref');
    const [, count] = /xref\n0 (\d+)\n/.exec(text.slice(startxref))!;
    const entries = text
      .slice(startxref)
      .split('\n')
      .slice(3, 3 + Number(count) - 1);
    entries.forEach((e, i) => {
      assert.equal(e.length, 19, 'each xref entry is 20 bytes with its newline');
      const off = Number(e.slice(0, 10));
      assert.equal(text.slice(off, off + `${i + 1} 0 obj`.length), `${i + 1} 0 obj`);
    });
    const pages = Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(text)![1]);
    assert.ok(pages >= 2, `${pages} pages for 120 rows`);
  });
});
