import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rejects, useMedicalKernel } from './db-test-kernel.js';

const t = useMedicalKernel();

const CREATE = `mutation($input: CreateDiagnosisInput!) { createDiagnosis(input: $input) { diagnosis { id code name nameFr } } }`;

describe('diagnoses edited one by one', () => {
  it('adds, renames (a new version, the old one kept) and deletes a diagnosis', async () => {
    const d = await t.service.createDiagnosis(t.admin, { code: 'U071', name: 'COVID-19', nameFr: null });
    const renamed = await t.service.updateDiagnosis(t.admin, d.id, {
      code: 'U071',
      name: 'COVID-19, virus identified',
      nameFr: 'COVID-19, virus identifié',
    });
    assert.equal(renamed.nameFr, 'COVID-19, virus identifié');
    const history = await t.service.diagnosisHistory(t.admin, d.id);
    assert.deepEqual(
      history.map((h) => [h.name, h.validTo === null]),
      [
        ['COVID-19', false],
        ['COVID-19, virus identified', true],
      ],
    );
    await t.service.deleteDiagnosis(t.admin, d.id);
    assert.equal(await t.service.findDiagnosisByCode(t.admin, 'U071'), null);
  });

  it('refuses a duplicate code as a translated CONFLICT on the code field', async () => {
    await t.k.createUser({ username: 'dx-fr', admin: true, language: 'fr' });
    const token = await t.k.loginToken('dx-fr');
    const res = await t.k.gql(CREATE, { input: { code: 'A00', name: 'Again', clientMutationId: 'dx-1' } }, { token });
    assert.equal(res.errors?.[0]?.extensions?.code, 'CONFLICT');
    const problems = res.errors?.[0]?.extensions?.problems as Array<{ field: string; message: string }>;
    assert.equal(problems[0]?.field, 'code');
    assert.match(problems[0]?.message ?? '', /A00/);
  });

  it('refuses a blank name naming the field, and a user without the upload right', async () => {
    await rejects(t.service.createDiagnosis(t.admin, { code: 'Z999', name: ' ' }), 'BAD_INPUT', (e) =>
      assert.deepEqual(
        e.problems.map((p) => p.field),
        ['name'],
      ),
    );
    const reader = await t.k.createUser({ username: 'dx-reader', rights: ['medical.diagnosis.search'] });
    await rejects(t.service.createDiagnosis(t.k.ctxAs(reader), { code: 'Z998', name: 'X' }), 'FORBIDDEN');
  });
});
