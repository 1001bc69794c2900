import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  checkClaimAdministrator,
  checkEnrolmentOfficer,
  checkVillages,
  checkWorksTo,
  substituteCycle,
} from './officer-rules.js';

const eo = { code: 'EO0001', lastName: 'Issoufou', otherNames: 'Amina', locationId: 'd1' };
const fields = (p: Array<{ field: string }>) => p.map((x) => x.field);

describe('checkEnrolmentOfficer', () => {
  it('accepts a complete officer', () => {
    assert.deepEqual(
      checkEnrolmentOfficer({ ...eo, dob: '1985-03-12', worksTo: '2030-12-31', email: 'amina@mutuelle.ne' }),
      [],
    );
  });
  it('requires code, names and district', () => {
    assert.deepEqual(fields(checkEnrolmentOfficer({ code: '', lastName: ' ', otherNames: '', locationId: '' })), [
      'code',
      'lastName',
      'otherNames',
      'locationId',
    ]);
  });
  it('limits the code to 8 characters without spaces', () => {
    assert.deepEqual(fields(checkEnrolmentOfficer({ ...eo, code: 'EO000001X' })), ['code']);
    assert.equal(checkEnrolmentOfficer({ ...eo, code: 'EO 1' })[0]?.key, 'officer.error.codeSpaces');
  });
  it('refuses impossible dates and a bad e-mail', () => {
    assert.deepEqual(fields(checkEnrolmentOfficer({ ...eo, dob: '1990-02-30', veoDob: 'x', email: 'a@b' })), [
      'dob',
      'email',
      'veoDob',
    ]);
  });
  it('refuses the officer as their own substitute', () => {
    assert.equal(checkEnrolmentOfficer({ ...eo, substituteId: 'o1' }, 'o1')[0]?.key, 'officer.error.substituteSelf');
  });
});

describe('checkWorksTo', () => {
  it('wants the end of employment after the birth date', () => {
    assert.deepEqual(fields(checkWorksTo('1990-01-01', '1989-12-31')), ['worksTo']);
    assert.deepEqual(fields(checkWorksTo('1990-01-01', '1990-01-01')), ['worksTo']);
    assert.deepEqual(checkWorksTo('1990-01-01', '2030-01-01'), []);
    assert.deepEqual(checkWorksTo(null, '2030-01-01'), []);
  });
  it('holds for any pair of dates: refused exactly when not later', () => {
    const day = fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, (d, w) => (checkWorksTo(d, w).length === 0) === w > d));
  });
});

describe('checkClaimAdministrator', () => {
  it('requires the facility', () => {
    assert.deepEqual(fields(checkClaimAdministrator({ ...eo, healthFacilityId: '' })), ['healthFacilityId']);
  });
});

describe('substituteCycle', () => {
  const chain = new Map<string, string | null>([
    ['a', 'b'],
    ['b', 'c'],
    ['c', null],
  ]);
  it('finds the loop a change would close', () => {
    assert.deepEqual(substituteCycle('c', 'a', chain), ['c', 'a', 'b', 'c']);
    assert.deepEqual(substituteCycle('a', 'a', chain), ['a', 'a']);
  });
  it('accepts a chain that ends', () => {
    assert.equal(substituteCycle('d', 'a', chain), null);
    assert.equal(substituteCycle('a', null, chain), null);
  });
  it('property: after accepting only changes without a loop, the substitute graph never has a cycle', () => {
    const ids = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'];
    const change = fc.tuple(fc.constantFrom(...ids), fc.option(fc.constantFrom(...ids), { nil: null }));
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        const graph = new Map<string, string | null>();
        for (const [id, sub] of changes) {
          if (substituteCycle(id, sub, graph) === null) graph.set(id, sub);
        }
        // Walking from any officer ends (at most ids.length steps) instead of looping.
        for (const start of ids) {
          let cur: string | null = start;
          let steps = 0;
          while (cur !== null && steps <= ids.length) {
            cur = graph.get(cur) ?? null;
            steps++;
          }
          if (cur !== null) return false;
        }
        return true;
      }),
    );
  });
  it('property: a reported loop starts and ends at the officer changed and follows the graph', () => {
    const ids = ['o1', 'o2', 'o3', 'o4'];
    const edges = fc.dictionary(fc.constantFrom(...ids), fc.option(fc.constantFrom(...ids), { nil: null }));
    fc.assert(
      fc.property(edges, fc.constantFrom(...ids), fc.constantFrom(...ids), (dict, id, sub) => {
        const graph = new Map(Object.entries(dict));
        const loop = substituteCycle(id, sub, graph);
        if (loop === null) return true;
        if (loop[0] !== id || loop.at(-1) !== id || loop[1] !== sub) return false;
        return loop.slice(1, -1).every((o, i) => graph.get(o) === loop[i + 2]);
      }),
    );
  });
});

describe('checkVillages', () => {
  const villages = new Set(['v1', 'v2', 'v3']);
  const inDistrict = new Set(['d1', 'v1', 'v2']);
  it('accepts villages of the district', () => {
    assert.deepEqual(checkVillages(['v1', 'v2'], villages, inDistrict), []);
  });
  it('names the entry: not a village, outside the district, twice', () => {
    assert.deepEqual(
      checkVillages(['d1', 'v3', 'v1', 'v1'], villages, inDistrict).map((p) => [p.field, p.key]),
      [
        ['villageIds.0', 'officer.error.notVillage'],
        ['villageIds.1', 'officer.error.villageOutsideDistrict'],
        ['villageIds.3', 'officer.error.villageTwice'],
      ],
    );
  });
});
