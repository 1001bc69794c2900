import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { productSides, relativeDistributionShare } from './distribution.js';
import { periodWindow } from './period.js';
import type { DistributionRow } from './types.js';

const product = (relativeDistribution: DistributionRow[]) => ({ relativeDistribution });

describe('periodWindow (DECISIONS #21)', () => {
  it('monthly every month, quarterly in 3/6/9/12 over the quarter, yearly in December over the year', () => {
    assert.deepEqual(periodWindow('M', 2024, 2), {
      periodType: 'M',
      relType: 12,
      period: 2,
      start: '2024-02-01',
      end: '2024-02-29',
    });
    assert.equal(periodWindow('Q', 2024, 2), null);
    assert.deepEqual(periodWindow('Q', 2024, 6), {
      periodType: 'Q',
      relType: 4,
      period: 2,
      start: '2024-04-01',
      end: '2024-06-30',
    });
    assert.equal(periodWindow('Y', 2024, 11), null);
    assert.deepEqual(periodWindow('Y', 2024, 12), {
      periodType: 'Y',
      relType: 1,
      period: 1,
      start: '2024-01-01',
      end: '2024-12-31',
    });
    assert.throws(() => periodWindow('M', 2024, 13), RangeError);
  });
});

describe('relativeDistributionShare', () => {
  const p = product([
    { careType: 'I', periods: ['20', '30', '25', '25'] },
    { careType: 'O', periods: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12.5'] },
  ]);

  it('reads IP and OP with their own period types', () => {
    assert.deepEqual(relativeDistributionShare(p, 'I', 'Q', 3), {
      careType: 'I',
      periodType: 'Q',
      period: 1,
      percent: '20',
      basisPoints: 2000n,
    });
    assert.equal(relativeDistributionShare(p, 'I', 'Q', 4), null);
    assert.equal(relativeDistributionShare(p, 'O', 'M', 12)?.basisPoints, 1250n);
    assert.equal(relativeDistributionShare(p, 'O', 'M', 4)?.percent, '4');
  });

  it('finds nothing for a missing row or a period type the row does not have', () => {
    assert.equal(relativeDistributionShare(p, 'B', 'M', 3), null);
    assert.equal(relativeDistributionShare(p, 'I', 'M', 3), null);
    assert.equal(relativeDistributionShare(product([{ careType: 'B', periods: ['100'] }]), 'B', 'Y', 11), null);
    assert.equal(relativeDistributionShare(product([{ careType: 'B', periods: ['100'] }]), 'B', 'Y', 12)?.period, 1);
  });

  it('a general row wins over IP/OP rows; a missing side is paid at value', () => {
    assert.deepEqual(productSides(product([{ careType: 'B', periods: ['50'] }, ...p.relativeDistribution])), [
      { careType: 'B', periodType: 'Y' },
    ]);
    assert.deepEqual(productSides(product([{ careType: 'I', periods: ['50'] }])), [
      { careType: 'I', periodType: 'Y' },
      { careType: 'O', periodType: null },
    ]);
  });
});
