import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ageAt, checkFamily, checkInsuree, isIsoDate, normalizeName, phoneDigits } from './rules.js';

const base = { lastName: 'Issoufou', otherNames: 'Aïchatou', dob: '1990-05-12' };
const fields = (r: { problems: { field: string; key: string }[] }) => r.problems.map((p) => `${p.field}:${p.key}`);

describe('insuree field rules', () => {
  it('accepts a minimal insuree and trims names', () => {
    const r = checkInsuree({ ...base, lastName: '  Issoufou ' }, '2025-01-01');
    assert.deepEqual(r.problems, []);
    assert.equal(r.values.lastName, 'Issoufou');
    assert.equal(r.values.cardIssued, false);
  });
  it('refuses a birth date in the future, naming the field', () => {
    assert.deepEqual(fields(checkInsuree({ ...base, dob: '2025-01-02' }, '2025-01-01')), [
      'dob:insuree.error.dobFuture',
    ]);
    assert.deepEqual(fields(checkInsuree({ ...base, dob: '2025-01-01' }, '2025-01-01')), []);
  });
  it('refuses impossible dates, missing names, bad phone and e-mail, an id number without its type', () => {
    const r = checkInsuree(
      { lastName: ' ', otherNames: '', dob: '2023-02-30', phone: 'abc', email: 'x@', passport: 'AB12' },
      '2025-01-01',
      'head.',
    );
    assert.deepEqual(fields(r), [
      'head.lastName:insuree.error.required',
      'head.otherNames:insuree.error.required',
      'head.dob:insuree.error.date',
      'head.phone:insuree.error.phone',
      'head.email:insuree.error.email',
      'head.typeOfId:insuree.error.idTypeNeeded',
    ]);
  });
  it('a family needs its village', () => {
    assert.deepEqual(fields(checkFamily({ locationId: '' })), ['locationId:insuree.error.required']);
    assert.deepEqual(fields(checkFamily({ locationId: 'x', confirmationNo: '1234567890123' })), [
      'confirmationNo:insuree.error.tooLong',
    ]);
  });
});

describe('helpers', () => {
  it('normalizes names for duplicate search', () => {
    assert.equal(normalizeName("  N'Diaye-Aïssatou  Moussa "), 'ndiayeaissatou moussa');
    assert.equal(phoneDigits('+227 90 12-34.56'), '22790123456');
  });
  it('ages in whole years', () => {
    assert.equal(ageAt('2000-02-29', '2018-02-28'), 17);
    assert.equal(ageAt('2000-02-29', '2018-03-01'), 18);
  });
  it('a valid ISO date round-trips; a future birth date is always refused', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1901-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const s = d.toISOString().slice(0, 10);
        const today = '2025-06-15';
        const r = checkInsuree({ ...base, dob: s }, today);
        return isIsoDate(s) && s > today === r.problems.some((p) => p.key === 'insuree.error.dobFuture');
      }),
    );
  });
  it('normalizing is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeName(normalizeName(s)) === normalizeName(s)));
  });
});
