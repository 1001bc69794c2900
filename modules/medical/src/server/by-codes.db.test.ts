import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { useMedicalKernel } from './db-test-kernel.js';

const t = useMedicalKernel();

// What the claim module needs: every line's item or service looked up at once, at the claim's date.
describe('bulk lookup by code at a date', () => {
  it('returns the items of the codes known then, at the price valid then, in code order', async () => {
    const base = { type: 'D', careType: 'B', patientCategory: 15 };
    const a = await t.service.createItem(t.admin, { ...base, code: 'BC02', name: 'Paracétamol', price: '100' });
    await t.service.createItem(t.admin, { ...base, code: 'BC01', name: 'Ibuprofène', price: '80' });
    await sleep(20);
    const before = new Date().toISOString();
    await sleep(20);
    await t.service.updateItem(t.admin, a.id, { ...base, code: 'BC02', name: 'Paracétamol', price: '125.50' });
    await t.service.createItem(t.admin, { ...base, code: 'BC03', name: 'Aspirine', price: '60' });

    const now = await t.service.itemsByCodes(t.admin, ['BC03', ' BC02 ', 'BC01', 'BC02', 'NOPE']);
    assert.deepEqual(
      now.map((i) => [i.code, i.price]),
      [
        ['BC01', '80.00'],
        ['BC02', '125.50'],
        ['BC03', '60.00'],
      ],
    );
    const then = await t.service.itemsByCodes(t.admin, ['BC01', 'BC02', 'BC03'], before);
    assert.deepEqual(
      then.map((i) => [i.code, i.price]),
      [
        ['BC01', '80.00'],
        ['BC02', '100.00'],
      ],
    );
    // By id at the same date: the same version.
    const [byId] = await t.service.getItems(t.admin, [a.id], before);
    assert.equal(byId?.price, '100.00');
    assert.deepEqual(await t.service.itemsByCodes(t.admin, []), []);
  });

  it('looks up services and ICD-10 diagnoses the same way, leaving unknown codes out', async () => {
    await t.service.createService(t.admin, {
      code: 'BCS1',
      name: 'Consultation test',
      type: 'C',
      category: 'C',
      level: 'S',
      price: '500',
      careType: 'O',
      patientCategory: 15,
    });
    const services = await t.service.servicesByCodes(t.admin, ['BCS1', 'ZZZZ']);
    assert.deepEqual(
      services.map((s) => [s.code, s.price, s.category]),
      [['BCS1', '500.00', 'C']],
    );
    const diagnoses = await t.service.diagnosesByCodes(t.admin, ['A01', 'A00', 'Q999']);
    assert.deepEqual(
      diagnoses.map((d) => d.code),
      ['A00', 'A01'],
    );
  });

  it('refuses a malformed date naming the asOf field', async () => {
    await assert.rejects(
      t.service.itemsByCodes(t.admin, ['BC01'], 'yesterday'),
      (e: { problems: Array<{ field: string }> }) => {
        assert.deepEqual(
          e.problems.map((p) => p.field),
          ['asOf'],
        );
        return true;
      },
    );
  });
});
