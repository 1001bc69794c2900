import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImporterDef } from '@mutua/kernel';
import { useMedicalKernel } from './db-test-kernel.js';
import { icd10Text } from './demo.js';

const t = useMedicalKernel();
const importer = (id: string): ImporterDef => t.k.kernel.importers.get(id)!;
const run = (id: string, content: string | Buffer, dryRun: boolean, format = 'csv') =>
  importer(id).run(t.admin, { content: Buffer.from(content), format, dryRun });

const exported = async (kind: string, format: string) => {
  const res = await t.k.kernel.app.inject({
    method: 'GET',
    url: `/api/medical/export/${kind}?format=${format}`,
    headers: { authorization: `Bearer ${t.token}` },
  });
  return res;
};

describe('medical register imports', () => {
  it('lists each bad row with its field and translated message, and writes nothing', async () => {
    const csv = `code,name,type,package,price,quantity,maximumQuantity,careType,frequency,patientCategory
IMP001,Paracétamol 1 g comprimé,D,boîte de 100,10,,,B,,15
IMP002,Gaze,M,,-4,,,B,,15
IMP003,Sonde,M,,100,,,B,x,0
IMP001,Doublon,D,,10,,,B,,15
`;
    const dry = await run('medical.items', csv, true);
    assert.deepEqual(
      dry.errors.map((e) => [e.row, e.field]),
      [
        [3, 'price'],
        [4, 'frequency'],
        [4, 'patientCategory'],
        [5, 'code'],
      ],
    );
    assert.match(dry.errors[0]!.message, /negative/);
    const applied = await run('medical.items', csv, false);
    assert.equal(applied.applied, false);
    assert.equal(await t.service.findItemByCode(t.admin, 'IMP001'), null);
  });

  it('creates and updates by code, an update opening a new version, and reports progress', async () => {
    const before = await t.service.findItemByCode(t.admin, 'D001');
    const csv = `code;name;type;package;price;quantity;maximumQuantity;careType;frequency;patientCategory
IMP010;Fil de suture 3/0;M;unité;1200;;;B;;15
D001;Amoxicilline 500 mg gélule;D;boîte de 100;30;;100;B;;15
`;
    const seen: number[] = [];
    const res = await importer('medical.items').run(t.admin, {
      content: Buffer.from(csv),
      format: 'csv',
      dryRun: false,
      progress: (done) => {
        seen.push(done);
      },
    });
    assert.deepEqual([res.applied, res.created, res.updated], [true, 1, 1]);
    assert.deepEqual(seen, [2]);
    const after = await t.service.findItemByCode(t.admin, 'D001');
    assert.equal(after?.id, before?.id);
    assert.equal(after?.price, '30.00');
    assert.equal((await t.service.itemHistory(t.admin, before!.id)).length, 2);
  });

  it('reads the openIMIS XML layouts, folding the four category tags into the mask', async () => {
    const xml = `<?xml version="1.0"?><Items><Item><ItemCode>IMP020</ItemCode><ItemName>Test XML</ItemName><ItemType>D</ItemType>
<ItemPrice>250</ItemPrice><ItemCareType>O</ItemCareType><ItemAdultCategory>1</ItemAdultCategory><ItemMinorCategory>0</ItemMinorCategory>
<ItemMaleCategory>0</ItemMaleCategory><ItemFemaleCategory>1</ItemFemaleCategory></Item></Items>`;
    const res = await run('medical.items', xml, false, 'xml');
    assert.deepEqual([res.applied, res.created], [true, 1]);
    assert.equal((await t.service.findItemByCode(t.admin, 'IMP020'))?.patientCategory, 6);
    const dx = await run(
      'medical.diagnoses',
      '<Diagnoses><Diagnosis><DiagnosisCode>U07</DiagnosisCode><DiagnosisName>Emergency use of U07</DiagnosisName></Diagnosis></Diagnoses>',
      false,
      'xml',
    );
    assert.equal(dx.created, 1);
    const svc = await run(
      'medical.services',
      '<Services><Service><ServiceCode>IMP030</ServiceCode><ServiceName>Test</ServiceName><ServiceType>C</ServiceType><ServiceLevel>S</ServiceLevel><ServiceCategory>C</ServiceCategory><ServicePrice>500</ServicePrice><ServiceCareType>O</ServiceCareType></Service></Services>',
      false,
      'xml',
    );
    assert.deepEqual([svc.applied, svc.created], [true, 1]);
  });

  it('the shipped ICD-10 file imports as an update of nothing (the seed loaded it)', async () => {
    const res = await run('medical.diagnoses', icd10Text(), false);
    assert.deepEqual([res.applied, res.created, res.updated, res.total > 250], [true, 0, 0, true]);
  });

  for (const kind of ['items', 'services', 'diagnoses'] as const) {
    for (const format of ['csv', 'xlsx'] as const) {
      it(`exports ${kind} as ${format} and imports it back changing nothing`, async () => {
        const res = await exported(kind, format);
        assert.equal(res.statusCode, 200, res.body);
        const back = await run(`medical.${kind}`, res.rawPayload, false, format);
        assert.deepEqual(back.errors, []);
        assert.deepEqual([back.applied, back.created, back.updated], [true, 0, 0]);
      });
    }
  }

  it('guards exports by the search right and refuses an unknown format naming it', async () => {
    await t.k.createUser({ username: 'no-rights', rights: ['medical.service.search'] });
    const token = await t.k.loginToken('no-rights');
    const denied = await t.k.kernel.app.inject({
      method: 'GET',
      url: '/api/medical/export/items',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(denied.statusCode, 403);
    const bad = await exported('items', 'pdf');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /format/);
  });
});
