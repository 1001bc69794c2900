import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUuid, uuidv7 } from './ids.js';

describe('uuidv7', () => {
  it('gives distinct, time-ordered version-7 ids, also across refills of the random pool', () => {
    const ids = Array.from({ length: 20_000 }, () => uuidv7());
    assert.equal(new Set(ids).size, ids.length, 'no id twice');
    for (const id of ids) {
      assert.ok(isUuid(id), id);
      assert.equal(id[14], '7', `version 7: ${id}`);
      assert.ok('89ab'.includes(id[19]!), `RFC 4122 variant: ${id}`);
    }
    const sorted = [...ids].sort();
    assert.deepEqual(sorted, ids, 'made later sorts later (B-tree inserts at the right edge)');
  });

  it('carries the creation time in its first 48 bits', () => {
    const before = Date.now();
    const id = uuidv7();
    const ms = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    // A burst of ids within one millisecond may run the clock part a few ms ahead (monotonic counter).
    assert.ok(ms >= before && ms <= Date.now() + 100, `${ms} within [${before}, now]`);
  });
});
