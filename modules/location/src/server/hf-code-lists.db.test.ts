import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import codelist, { codeListService } from '@mutua/codelist';
import type { Ctx, ModuleDefinition, MutuaError } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import type { HealthFacilityInput } from '../domain/types.js';
import { type LocationService, locationService } from '../points.js';
import { seedDemo } from './demo.js';
import location from './index.js';

// With the codelist module composed, a facility's coded fields are checked against the administrator's lists.
let k: TestKernel;
let service: LocationService;
let admin: Ctx;

before(async () => {
  k = await startTestKernel({
    modules: [location, codelist] as unknown as ReadonlyArray<ModuleDefinition<unknown, unknown>>,
  });
  service = k.kernel.service(locationService)!;
  admin = k.adminCtx();
  await seedDemo(admin, service);
});
after(async () => {
  await k?.close();
});

const input = async (code: string, legalForm: string): Promise<HealthFacilityInput> => ({
  code,
  name: `CSI ${code}`,
  legalForm,
  level: 'C',
  careType: 'B',
  locationId: (await service.findByCode(admin, 'R1D1'))!.id,
});

describe('health facility codes from the code lists', () => {
  it('refuses a legal form the administrator deactivated, naming the field, but keeps it on facilities that have it', async () => {
    const hf = await service.createHealthFacility(admin, await input('HFCL1', 'C'));
    const codeLists = k.kernel.service(codeListService)!;
    const charity = (await codeLists.entries(admin, 'legalForm')).find((e) => e.code === 'C')!;
    await codeLists.deactivateEntry(admin, charity.id);

    await assert.rejects(service.createHealthFacility(admin, await input('HFCL2', 'C')), (e: MutuaError) => {
      assert.equal(e.code, 'BAD_INPUT');
      assert.deepEqual(
        e.problems.map((p) => [p.field, p.key]),
        [['legalForm', 'codelist.error.inactiveCode']],
      );
      return true;
    });
    // The facility that already had it can still be saved (renamed) without changing its legal form.
    const renamed = await service.updateHealthFacility(admin, hf.id, { ...(await input('HFCL1', 'C')), name: 'CSI X' });
    assert.equal(renamed.legalForm, 'C');
  });

  it('translates the message naming the value and the list', async () => {
    await k.createUser({ username: 'hf-fr', admin: true, language: 'fr' });
    const token = await k.loginToken('hf-fr');
    const res = await k.gql(
      'mutation($i: CreateHealthFacilityInput!) { createHealthFacility(input: $i) { healthFacility { id } } }',
      { i: { ...(await input('HFCL3', 'C')), clientMutationId: 'cl-3' } },
      { token },
    );
    const problems = (res.errors?.[0]?.extensions as { problems?: Array<{ field: string; message: string }> })
      ?.problems;
    assert.equal(problems?.[0]?.field, 'legalForm');
    assert.match(problems?.[0]?.message ?? '', /C n’est plus utilisé dans la liste Forme juridique/);
  });

  it('lists a deactivated code in an import on its row and field, and applies none of the rows', async () => {
    // Charity (C) was deactivated by the first test of this file.
    const csv = 'code,name,legalForm,level,careType,districtCode\nHFIM1,CSI Un,G,C,B,R1D1\nHFIM2,CSI Deux,C,C,B,R1D1\n';
    const run = (dryRun: boolean) =>
      k.kernel.importers
        .get('location.healthFacilities')!
        .run(admin, { content: Buffer.from(csv), format: 'csv', dryRun });
    const dry = await run(true);
    assert.deepEqual(
      dry.errors.map((e) => [e.row, e.field]),
      [[3, 'legalForm']],
    );
    const applied = await run(false);
    assert.equal(applied.applied, false);
    assert.equal(await service.findHealthFacilityByCode(admin, 'HFIM1'), null);
  });
});
