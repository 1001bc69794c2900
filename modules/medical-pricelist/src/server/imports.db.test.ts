import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImporterDef } from '@mutua/kernel';
import ExcelJS from 'exceljs';
import { usePricelistKernel } from './db-test-kernel.js';
import { DEMO } from './demo.js';

const t = usePricelistKernel();
const importer = (id: string): ImporterDef => t.k.kernel.importers.get(id)!;
const run = (id: string, content: string | Buffer, dryRun: boolean, format = 'csv', ctx = t.admin) =>
  importer(id).run(ctx, { content: Buffer.from(content), format, dryRun });
const exported = (kind: string, id: string, format: string, token = t.token) =>
  t.k.kernel.app.inject({
    method: 'GET',
    url: `/api/medical-pricelist/export/${kind}/${id}?format=${format}`,
    headers: { authorization: `Bearer ${token}` },
  });

describe('price-list imports', () => {
  it('a dry run lists each bad row with its field in the caller’s language; apply changes nothing', async () => {
    const list = (await t.service.items.findByName(t.admin, DEMO.nationalItems))!;
    const before = await t.service.items.details(t.admin, list.id);
    const csv = `pricelist,code,price
${DEMO.nationalItems},D001,999
${DEMO.nationalItems},NOPE01,10
Liste inconnue,D002,10
${DEMO.nationalItems},D003,-4
`;
    const fr = { ...t.admin, locale: 'fr' as const };
    const dry = await run('medical-pricelist.items', csv, true, 'csv', fr);
    assert.deepEqual(
      dry.errors.map((e) => [e.row, e.field]),
      [
        [3, 'code'],
        [4, 'pricelist'],
        [5, 'price'],
      ],
    );
    assert.match(dry.errors[2]!.message, /négatif/);
    assert.match(dry.errors[0]!.message, /NOPE01/);
    const applied = await run('medical-pricelist.items', csv, false);
    assert.equal(applied.applied, false);
    assert.deepEqual(await t.service.items.details(t.admin, list.id), before);
  });

  it('applies an uploaded file as a job (the page’s Import) to the end, also on a one-connection database', async () => {
    const l = await t.service.items.create(t.admin, { name: 'Import en tâche', pricelistDate: '2025-01-01' });
    const res = await t.k.kernel.app.inject({
      method: 'POST',
      url: '/api/imports/medical-pricelist.items?dryRun=false&format=csv&async=true',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'text/csv' },
      payload: `pricelist,code,price\n${l.name},D001,30\n${l.name},D002,800.50\n`,
    });
    assert.equal(res.statusCode, 200, res.body);
    const { id } = res.json() as { id: string };
    const jobs = t.k.kernel.jobs;
    const claimed = await jobs.claim();
    assert.equal(claimed?.id, id);
    // The job reports progress on its row (another connection than the import's transaction, or the same one).
    const done = await jobs.execute(claimed!, { locale: 'en', logger: t.k.kernel.logger });
    assert.equal(done.status, 'done', done.error ?? '');
    assert.deepEqual([done.done, done.total], [2, 2]);
    assert.deepEqual((done.result as { applied: boolean }).applied, true);
    const details = await t.service.items.details(t.admin, l.id);
    assert.deepEqual(
      details.map((d) => [d.code, d.override]),
      [
        ['D001', '30.00'],
        ['D002', '800.50'],
      ],
    );
  });

  it('applies a clean file: adds and reprices lines (new versions), with progress', async () => {
    const l = await t.service.services.create(t.admin, { name: 'Import actes', pricelistDate: '2025-01-01' });
    await t.service.services.setDetails(t.admin, l.id, {
      add: [{ id: (await t.medical.findServiceByCode(t.admin, 'S001'))!.id, price: '1' }],
    });
    const csv = `pricelist;code;price\n${l.name};S001;2\n${l.name};S002;\n`;
    const seen: number[] = [];
    const res = await importer('medical-pricelist.services').run(t.admin, {
      content: Buffer.from(csv),
      format: 'csv',
      dryRun: false,
      progress: (done) => {
        seen.push(done);
      },
    });
    assert.deepEqual([res.applied, res.created, res.updated], [true, 1, 1]);
    assert.deepEqual(seen, [0, 2]);
    const details = await t.service.services.details(t.admin, l.id);
    assert.deepEqual(
      details.map((d) => [d.code, d.override]),
      [
        ['S001', '2.00'],
        ['S002', null],
      ],
    );
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`exports a list as ${format} and imports it back changing nothing`, async () => {
      const list = (await t.service.items.findByName(t.admin, DEMO.nationalItems))!;
      const res = await exported('items', list.id, format);
      assert.equal(res.statusCode, 200, res.body);
      const back = await run('medical-pricelist.items', res.rawPayload, false, format);
      assert.deepEqual(back.errors, []);
      assert.deepEqual([back.applied, back.created, back.updated], [true, 0, 0]);
    });
  }

  it('reads XLSX with a bad row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['pricelist', 'code', 'price']);
    ws.addRow([DEMO.nationalItems, 'D001', -1]);
    const res = await run('medical-pricelist.items', Buffer.from(await wb.xlsx.writeBuffer()), true, 'xlsx');
    assert.deepEqual(
      res.errors.map((e) => [e.row, e.field]),
      [[2, 'price']],
    );
  });

  it('guards exports and imports by rights; an unknown format is a 400 naming it', async () => {
    await t.k.createUser({ username: 'svc-only', rights: ['medical-pricelist.services.search'] });
    const token = await t.k.loginToken('svc-only');
    const list = (await t.service.items.findByName(t.admin, DEMO.nationalItems))!;
    assert.equal((await exported('items', list.id, 'csv', token)).statusCode, 403);
    const bad = await exported('items', list.id, 'pdf');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /pdf/);
    const missing = await exported('items', '00000000-0000-7000-8000-000000000000', 'csv');
    assert.equal(missing.statusCode, 404);
  });
});
