import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pgArray } from './db.js';

describe('pgArray', () => {
  it('writes uuids, decimals and nulls as an array literal', () => {
    assert.equal(
      pgArray(['0190f000-0000-7000-8000-000000000001', '12.50', null, -3, 'item']),
      '{0190f000-0000-7000-8000-000000000001,12.50,NULL,-3,item}',
    );
    assert.equal(pgArray([]), '{}');
  });

  it('refuses values that would need quoting instead of corrupting the array', () => {
    for (const bad of ['a,b', 'x}', '"q"', 'two words', '', 'NULL'])
      assert.throws(() => pgArray([bad]), /needs quoting/, bad);
  });
});
