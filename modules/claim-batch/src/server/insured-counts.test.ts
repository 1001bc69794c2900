import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insuredCounts } from './input.js';

describe('insured counts of a facility catchment (RULES.md §9.4)', () => {
  it('sums the villages of the catchment × their percentage, per product', () => {
    const byVillage = [
      { productId: 'P', villageId: 'V1', people: 10, families: 3 },
      { productId: 'P', villageId: 'V2', people: 4, families: 1 },
      { productId: 'Q', villageId: 'V1', people: 7, families: 2 },
      { productId: 'P', villageId: 'V9', people: 100, families: 20 }, // outside every catchment
    ];
    const catchments = new Map([
      [
        'HF-A',
        [
          { villageId: 'V1', percentage: 50 },
          { villageId: 'V2', percentage: 100 },
        ],
      ],
      ['HF-B', [{ villageId: 'V1', percentage: 50 }]],
      ['HF-C', []],
    ]);
    const got = insuredCounts(byVillage, catchments).sort((a, b) =>
      `${a.facilityId}${a.productId}`.localeCompare(`${b.facilityId}${b.productId}`),
    );
    assert.deepEqual(got, [
      { productId: 'P', facilityId: 'HF-A', people: 9, families: 2.5 },
      { productId: 'Q', facilityId: 'HF-A', people: 3.5, families: 1 },
      { productId: 'P', facilityId: 'HF-B', people: 5, families: 1.5 },
      { productId: 'Q', facilityId: 'HF-B', people: 3.5, families: 1 },
    ]);
  });
});
