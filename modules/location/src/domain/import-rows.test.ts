import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readCsv, readHealthFacilitiesXml, readLocationsXml } from './import-parse.js';
import {
  byLevel,
  checkHfRows,
  checkLocationRows,
  HF_CSV_COLUMNS,
  HF_CSV_REQUIRED,
  LOCATION_CSV_COLUMNS,
  LOCATION_CSV_REQUIRED,
} from './import-rows.js';

const LEVELS = ['R', 'D', 'W', 'V'];
const readLocCsv = (text: string) => readCsv(text, LOCATION_CSV_COLUMNS, LOCATION_CSV_REQUIRED);

describe('location CSV', () => {
  it('reads rows by column name and numbers them from 2 (the header is row 1)', () => {
    const file = readLocCsv('code,type,name,parentCode,families\nR1,R,Tahoua,,\nD1,D,Konni,R1,12\n');
    assert.deepEqual(file.errors, []);
    assert.deepEqual(
      file.records.map((r) => [r.row, r.values.code, r.values.parentCode, r.values.families]),
      [
        [2, 'R1', undefined, undefined],
        [3, 'D1', 'R1', '12'],
      ],
    );
  });

  it('reads semicolon-separated files as written by Excel in French', () => {
    const file = readLocCsv('type;code;name\nR;R1;Tahoua\n');
    assert.equal(file.records[0]?.values.name, 'Tahoua');
  });

  it('reports a missing required column on row 1', () => {
    const file = readLocCsv('type,name\nR,Tahoua\n');
    assert.deepEqual(file.errors[0], {
      row: 1,
      field: 'code',
      key: 'location.error.missingColumn',
      params: { column: 'code' },
    });
  });

  it('lists each bad row with its field', () => {
    const file = readLocCsv(
      'type,code,name,parentCode,malePopulation\nR,R1,Tahoua,,\nD,D1,,R1,\nV,V1,Galmi,R1,abc\nD,R1,Dup,R1,\nX,X1,Bad,,\n',
    );
    const { errors } = checkLocationRows(file.records, LEVELS);
    assert.deepEqual(
      errors.map((e) => [e.row, e.field, e.key]),
      [
        [3, 'name', 'location.error.required'],
        [4, 'malePopulation', 'location.error.notCount'],
        [5, 'code', 'location.error.duplicateInFile'],
        [6, 'type', 'location.error.notAllowed'],
        [4, 'parentCode', 'location.error.typeUnderParent'],
      ],
    );
  });

  it('asks for the parent of every non-region row and refuses one on a region', () => {
    const file = readLocCsv('type,code,name,parentCode\nR,R1,Tahoua,R9\nD,D1,Konni,\n');
    const { errors } = checkLocationRows(file.records, LEVELS);
    assert.deepEqual(
      errors.map((e) => [e.row, e.key]),
      [
        [2, 'location.error.topLevelParent'],
        [3, 'location.error.required'],
      ],
    );
  });

  it('returns parents that are not in the file for a database lookup', () => {
    const file = readLocCsv('type,code,name,parentCode\nW,W1,Affala,D9\nV,V1,Galmi,W1\n');
    const { errors, externalParents } = checkLocationRows(file.records, LEVELS);
    assert.deepEqual(errors, []);
    assert.deepEqual([...externalParents], ['D9']);
  });

  it('never reports a problem for a generated valid tree, and orders parents first', () => {
    const tree = fc.array(fc.nat(), { minLength: 1, maxLength: 30 }).map((picks) => {
      const rows = [{ type: 'R', code: 'C0', parentCode: '' }];
      picks.forEach((p, i) => {
        const candidates = rows.filter((r) => r.type !== 'V');
        const parent = candidates[p % candidates.length]!;
        rows.push({ type: LEVELS[LEVELS.indexOf(parent.type) + 1]!, code: `C${i + 1}`, parentCode: parent.code });
      });
      return rows.reverse();
    });
    fc.assert(
      fc.property(tree, (rows) => {
        const csv = [
          'type,code,name,parentCode',
          ...rows.map((r) => `${r.type},${r.code},Name ${r.code},${r.parentCode}`),
        ];
        const file = readLocCsv(csv.join('\n'));
        const checked = checkLocationRows(file.records, LEVELS);
        assert.deepEqual(checked.errors, []);
        const seen = new Set<string>();
        for (const r of byLevel(checked.rows, LEVELS)) {
          if (r.parentCode) assert.ok(seen.has(r.parentCode), `${r.code} before its parent`);
          seen.add(r.code);
        }
      }),
    );
  });

  it('reports malformed CSV instead of throwing', () => {
    const file = readLocCsv('type,code,name\nR,"R1,Tahoua\n');
    assert.equal(file.errors[0]?.key, 'location.error.csvMalformed');
  });
});

describe('location XML (openIMIS register layout)', () => {
  const xml = `<?xml version="1.0"?><Locations>
    <Regions><Region><RegionCode>R1</RegionCode><RegionName>Tahoua</RegionName></Region></Regions>
    <Districts><District><RegionCode>R1</RegionCode><DistrictCode>R1D1</DistrictCode><DistrictName>Konni</DistrictName></District></Districts>
    <Municipalities><Municipality><DistrictCode>R1D1</DistrictCode><MunicipalityCode>R1D1M1</MunicipalityCode><MunicipalityName>Allela</MunicipalityName></Municipality></Municipalities>
    <Villages><Village><MunicipalityCode>R1D1M1</MunicipalityCode><VillageCode>R1D1M1V1</VillageCode><VillageName>Galmi</VillageName>
      <MalePopulation>120</MalePopulation><FemalePopulation>130</FemalePopulation><OtherPopulation>0</OtherPopulation><Families>40</Families></Village></Villages>
  </Locations>`;

  it('reads every level with its parent code and population', () => {
    const file = readLocationsXml(xml, LEVELS);
    assert.deepEqual(file.errors, []);
    const { rows, errors } = checkLocationRows(file.records, LEVELS);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      rows.map((r) => [r.row, r.type, r.code, r.parentCode]),
      [
        [1, 'R', 'R1', null],
        [2, 'D', 'R1D1', 'R1'],
        [3, 'W', 'R1D1M1', 'R1D1'],
        [4, 'V', 'R1D1M1V1', 'R1D1M1'],
      ],
    );
    assert.equal(rows[3]?.families, 40);
  });

  it('reports malformed XML with its line', () => {
    const file = readLocationsXml('<Locations><Regions></Locations>', LEVELS);
    assert.equal(file.errors[0]?.key, 'location.error.xmlMalformed');
  });
});

describe('health facility imports', () => {
  const hfXml = (
    root: string,
  ) => `<${root}><HealthFacility><Code>HF1101</Code><Name>CSI Galmi</Name><LegalForm>G</LegalForm>
    <Level>C</Level><SubLevel>N</SubLevel><CareType>B</CareType><DistrictCode>R1D1</DistrictCode><Email>csi@sante.ne</Email>
    <AccountCode>411</AccountCode><ItemPriceListName>ignored</ItemPriceListName></HealthFacility></${root}>`;

  it('reads both openIMIS roots (download and upload layouts)', () => {
    for (const root of ['HealthFacilities', 'HealthFacilityDetails']) {
      const file = readHealthFacilitiesXml(hfXml(root));
      const { rows, errors } = checkHfRows(file.records);
      assert.deepEqual(errors, []);
      assert.equal(rows[0]?.districtCode, 'R1D1');
      assert.equal(rows[0]?.accCode, '411');
    }
  });

  it('lists the bad fields of a CSV row and duplicate codes', () => {
    const file = readCsv(
      'code,name,legalForm,level,careType,districtCode,email\nH1,A,G,D,O,R1D1,\nH1,B,X,D,O,R1D1,bad\nH2,C,G,D,O,,\n',
      HF_CSV_COLUMNS,
      HF_CSV_REQUIRED,
    );
    const { errors } = checkHfRows(file.records);
    assert.deepEqual(
      errors.map((e) => [e.row, e.field, e.key]),
      [
        [3, 'legalForm', 'location.error.notAllowed'],
        [3, 'email', 'location.error.email'],
        [3, 'code', 'location.error.duplicateInFile'],
        [4, 'districtCode', 'location.error.required'],
      ],
    );
  });
});
