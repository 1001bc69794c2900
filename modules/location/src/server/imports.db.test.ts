import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImporterDef, ImportResult } from '@mutua/kernel';
import { useLocationKernel } from './db-test-kernel.js';

const t = useLocationKernel();
const importer = (id: string): ImporterDef => t.k.kernel.importers.get(id)!;

const run = (id: string, text: string, dryRun: boolean, format = 'csv') =>
  importer(id).run(t.admin, { content: Buffer.from(text), format, dryRun });

const LOCATIONS_BAD = `type,code,name,parentCode,malePopulation
W,IMPW1,Commune Nouvelle,R1D1,
V,IMPV1,Village Un,IMPW1,120
V,IMPV2,,IMPW1,
V,IMPV3,Village Trois,NOPE,
`;

describe('location register import', () => {
  it('lists each bad row with its field on a dry run, and applies nothing on apply', async () => {
    const dry = await run('location.locations', LOCATIONS_BAD, true);
    assert.equal(dry.applied, false);
    assert.deepEqual(
      dry.errors.map((e) => [e.row, e.field]),
      [
        [4, 'name'],
        [5, 'parentCode'],
      ],
    );
    assert.match(dry.errors[1]!.message, /NOPE/);
    const applied = await run('location.locations', LOCATIONS_BAD, false);
    assert.equal(applied.applied, false);
    assert.equal(await t.service.findByCode(t.admin, 'IMPW1'), null, 'the good rows were not written either');
  });

  it('creates new codes and updates existing ones, parents first whatever the row order', async () => {
    const csv =
      'type,code,name,parentCode,families\nV,IMPV9,Village Neuf,IMPW9,33\nW,IMPW9,Commune Neuve,R1D1,\nV,R1D1M1V1,Affala Centre,R1D1M1,300\n';
    const dry = await run('location.locations', csv, true);
    assert.deepEqual([dry.created, dry.updated, dry.errors.length], [2, 1, 0]);
    const res = await run('location.locations', csv, false);
    assert.deepEqual(
      { applied: res.applied, created: res.created, updated: res.updated },
      { applied: true, created: 2, updated: 1 },
    );
    const v = await t.service.findByCode(t.admin, 'IMPV9');
    assert.equal(v?.type, 'V');
    assert.equal(v?.parentId, (await t.loc('IMPW9')).id);
    assert.equal((await t.loc('R1D1M1V1')).name, 'Affala Centre');
  });

  it('reads the openIMIS XML layout and refuses moving an existing code elsewhere', async () => {
    const xml = `<Locations><Regions/><Districts/><Municipalities>
      <Municipality><DistrictCode>R2D2</DistrictCode><MunicipalityCode>R1D2M1</MunicipalityCode><MunicipalityName>Ailleurs</MunicipalityName></Municipality>
    </Municipalities><Villages/></Locations>`;
    const res = await run('location.locations', xml, true, 'xml');
    assert.deepEqual(
      res.errors.map((e) => [e.row, e.field]),
      [[1, 'parentCode']],
    );
  });

  it('is refused to a user without the import right', async () => {
    const { ctx } = await t.user('no-import', ['location.location.add']);
    await assert.rejects(
      importer('location.locations').run(ctx, { content: Buffer.from(LOCATIONS_BAD), format: 'csv', dryRun: true }),
      { code: 'FORBIDDEN' },
    );
  });

  it('answers over the kernel REST endpoint, in French when asked', async () => {
    await t.k.createUser({ username: 'import-admin', admin: true });
    const token = await t.k.loginToken('import-admin');
    const res = await t.k.kernel.app.inject({
      method: 'POST',
      url: '/api/imports/location.locations?dryRun=true&format=csv',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'accept-language': 'fr' },
      payload: LOCATIONS_BAD,
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as ImportResult;
    assert.equal(body.errors[0]?.row, 4);
    assert.match(body.errors[0]!.message, /obligatoire/);
  });
});

describe('health facility register import', () => {
  const XML = `<HealthFacilityDetails>
    <HealthFacility><Code>HFIMP1</Code><Name>CSI Importé</Name><LegalForm>G</LegalForm><Level>C</Level>
      <CareType>B</CareType><DistrictCode>R2D1</DistrictCode><Email>csi@sante.ne</Email></HealthFacility>
    <HealthFacility><Code>HF1101</Code><Name>CSI de Bambeye (rénové)</Name><LegalForm>G</LegalForm><Level>C</Level>
      <CareType>B</CareType><DistrictCode>R1D1</DistrictCode></HealthFacility>
  </HealthFacilityDetails>`;

  it('creates and updates by code from the openIMIS XML, keeping the catchments of updated facilities', async () => {
    const res = await run('location.healthFacilities', XML, false, 'xml');
    assert.deepEqual([res.applied, res.created, res.updated, res.errors.length], [true, 1, 1, 0]);
    const updated = await t.service.findHealthFacilityByCode(t.admin, 'HF1101');
    assert.equal(updated?.name, 'CSI de Bambeye (rénové)');
    assert.equal(updated?.catchments.length, 3);
    assert.equal(updated?.contractStartDate, '2024-01-01');
  });

  it('refuses a district code that is not a district, naming the row', async () => {
    const csv =
      'code,name,legalForm,level,careType,districtCode\nHFIMP2,Poste,G,D,O,R1D1M1V2\nHFIMP3,Poste,G,D,O,ZZZ\n';
    const res = await run('location.healthFacilities', csv, false);
    assert.equal(res.applied, false);
    assert.deepEqual(
      res.errors.map((e) => [e.row, e.field]),
      [
        [2, 'districtCode'],
        [3, 'districtCode'],
      ],
    );
    assert.equal(await t.service.findHealthFacilityByCode(t.admin, 'HFIMP2'), null);
  });
});
