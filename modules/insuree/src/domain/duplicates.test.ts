import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { duplicateReasons, nameSimilarity, type PersonKey } from './duplicates.js';

const person = (p: Partial<PersonKey> = {}): PersonKey => ({
  chfId: null,
  lastName: 'Moussa',
  otherNames: 'Aïchatou',
  dob: '1990-01-01',
  villageIds: ['v1'],
  phone: null,
  passport: null,
  ...p,
});

describe('duplicate detection (worked examples)', () => {
  it('pg_trgm-like similarity: "word" vs "two words" = 4/11 ≈ 0.36, as PostgreSQL prints', () => {
    assert.equal(Math.round(nameSimilarity('word', 'two words') * 1000) / 1000, 0.364);
    assert.equal(nameSimilarity('Moussa Aïchatou', 'MOUSSA Aichatou'), 1);
  });
  it('finds a similar name born the same day in the same village, in either word order', () => {
    assert.deepEqual(duplicateReasons(person(), person({ lastName: 'Mousa', otherNames: 'Aichatou' }), 0.6), ['name']);
    assert.deepEqual(duplicateReasons(person(), person({ lastName: 'Aichatou', otherNames: 'Moussa' }), 0.6), ['name']);
    assert.deepEqual(duplicateReasons(person(), person({ dob: '1990-01-02' }), 0.6), []);
    assert.deepEqual(duplicateReasons(person(), person({ villageIds: ['v2'] }), 0.6), []);
    assert.deepEqual(duplicateReasons(person(), person({ lastName: 'Issoufou', otherNames: 'Hamidou' }), 0.6), []);
  });
  it('finds the same number, phone (written differently) and identification number anywhere', () => {
    const other = person({ lastName: 'X', otherNames: 'Y', dob: '1970-01-01', villageIds: ['v9'] });
    assert.deepEqual(duplicateReasons(person({ chfId: '123' }), { ...other, chfId: '123' }, 0.6), ['number']);
    assert.deepEqual(duplicateReasons(person({ phone: '+227 90 12 34 56' }), { ...other, phone: '22790123456' }, 0.6), [
      'phone',
    ]);
    assert.deepEqual(duplicateReasons(person({ phone: '12' }), { ...other, phone: '12' }, 0.6), []);
    assert.deepEqual(duplicateReasons(person({ passport: 'ab123' }), { ...other, passport: 'AB123 ' }, 0.6), [
      'identification',
    ]);
  });
});

describe('duplicate detection properties', () => {
  const name = fc.stringMatching(/^[A-Za-z]{2,12}$/);
  it('a person is always a duplicate of an identical record, and similarity is symmetric in [0, 1]', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const p = person({ lastName: a, otherNames: b });
        const s1 = nameSimilarity(a, b);
        const s2 = nameSimilarity(b, a);
        return duplicateReasons(p, p, 0.6).includes('name') && s1 === s2 && s1 >= 0 && s1 <= 1;
      }),
    );
  });
});
