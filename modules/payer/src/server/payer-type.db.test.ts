import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import codelist, { codeListService } from '@mutua/codelist';
import type { Ctx, ModuleDefinition, MutuaError } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import location, { locationService } from '@mutua/location';
import { type PayerService, payerService } from '../points.js';
import payer from './index.js';

// With the codelist module composed, the payer type comes from the administrator's payer-type list.
let k: TestKernel;
let svc: PayerService;
let admin: Ctx;
let region: string;

before(async () => {
  k = await startTestKernel({
    modules: [location, codelist, payer] as unknown as ReadonlyArray<ModuleDefinition<unknown, unknown>>,
  });
  const loc = k.kernel.service(locationService)!;
  svc = k.kernel.service(payerService)!;
  admin = k.adminCtx();
  await location.seedDemo!(admin, loc);
  region = (await loc.findByCode(admin, 'R1'))!.id;
});
after(async () => {
  await k?.close();
});

const fieldsOf = (e: MutuaError) => e.problems.map((p) => [p.field, p.key]);

describe('payer type from the code list', () => {
  it('refuses an unknown type naming the field', async () => {
    await assert.rejects(
      svc.createPayer(admin, { type: 'X', name: 'Mutuelle', locationId: region }),
      (e: MutuaError) => {
        assert.equal(e.code, 'BAD_INPUT');
        assert.deepEqual(fieldsOf(e), [['type', 'payer.error.type']]);
        return true;
      },
    );
  });

  it('refuses a deactivated type for a new payer, and keeps it on a payer that has it', async () => {
    const donor = await svc.createPayer(admin, { type: 'D', name: 'Fondation Sahel', locationId: region });
    const codeLists = k.kernel.service(codeListService)!;
    const entry = (await codeLists.entries(admin, 'payerType')).find((e) => e.code === 'D')!;
    await codeLists.deactivateEntry(admin, entry.id);
    await assert.rejects(
      svc.createPayer(admin, { type: 'D', name: 'Autre donateur', locationId: region }),
      (e: MutuaError) => {
        assert.deepEqual(fieldsOf(e), [['type', 'codelist.error.inactiveCode']]);
        return true;
      },
    );
    const renamed = await svc.updatePayer(admin, donor.id, {
      type: 'D',
      name: 'Fondation du Sahel',
      locationId: region,
    });
    assert.equal(renamed.type, 'D');
    assert.equal(renamed.name, 'Fondation du Sahel');
  });
});
