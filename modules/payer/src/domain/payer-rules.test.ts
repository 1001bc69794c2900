import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkPayer, isPayerLevel } from './payer-rules.js';

const ok = { type: 'G', name: 'État du Niger', locationId: '0190a0a0-0000-7000-8000-000000000001' };
const fields = (input: Parameters<typeof checkPayer>[0]) => checkPayer(input).map((p) => p.field);

describe('checkPayer', () => {
  it('accepts a complete payer', () => {
    assert.deepEqual(checkPayer({ ...ok, email: 'tresor@finances.gouv.ne', phone: '+227 20 72 23 00' }), []);
  });
  it('requires type, name and location', () => {
    assert.deepEqual(fields({ type: ' ', name: '', locationId: '' }), ['type', 'name', 'locationId']);
  });
  it('refuses an unknown type', () => {
    assert.deepEqual(checkPayer({ ...ok, type: 'X' })[0]?.key, 'payer.error.type');
  });
  it('limits the name to 100 characters and the e-mail to 50', () => {
    assert.deepEqual(fields({ ...ok, name: 'a'.repeat(101) }), ['name']);
    assert.deepEqual(fields({ ...ok, email: `${'a'.repeat(45)}@x.org` }), ['email']);
  });
  it('refuses a malformed e-mail', () => {
    assert.equal(checkPayer({ ...ok, email: 'tresor.finances.ne' })[0]?.key, 'payer.error.email');
  });
  it('accepts every type letter and any name of 1 to 100 characters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('C', 'D', 'G', 'L', 'O', 'P'),
        fc.string({ minLength: 1, maxLength: 100 }),
        (type, name) => {
          fc.pre(name.trim() !== '');
          return checkPayer({ ...ok, type, name }).length === 0;
        },
      ),
    );
  });
  it('places payers at region or district level only', () => {
    const levels = ['R', 'D', 'W', 'V'];
    assert.deepEqual(
      levels.map((l) => isPayerLevel(l, levels)),
      [true, true, false, false],
    );
  });
});
