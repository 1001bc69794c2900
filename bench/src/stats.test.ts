import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { percentile, ratioPct, summarize, throughput } from './stats.js';

const latency = fc.double({ min: 0.001, max: 10_000, noNaN: true, noDefaultInfinity: true });
const sample = fc.array(latency, { minLength: 1, maxLength: 500 });

test('p50 ≤ p95 ≤ p99, all within [min, max], for any sample', () => {
  fc.assert(
    fc.property(sample, fc.integer({ min: 1, max: 1000 }), (xs, ops) => {
      const s = summarize(xs, ops);
      assert.ok(s.minMs <= s.p50Ms);
      assert.ok(s.p50Ms <= s.p95Ms);
      assert.ok(s.p95Ms <= s.p99Ms);
      assert.ok(s.p99Ms <= s.maxMs);
      assert.equal(s.iterations, xs.length);
    }),
  );
});

test('a percentile is a member of the sample and at least p% of the sample is at or below it', () => {
  fc.assert(
    fc.property(sample, fc.integer({ min: 1, max: 100 }), (xs, p) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const v = percentile(sorted, p);
      assert.ok(sorted.includes(v));
      assert.ok(sorted.filter((x) => x <= v).length >= (p / 100) * sorted.length);
    }),
  );
});

test('the throughput of a constant-latency sample equals ops / latency', () => {
  fc.assert(
    fc.property(latency, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (ms, n, ops) => {
      const s = summarize(
        Array.from({ length: n }, () => ms),
        ops,
      );
      const expected = ops / (ms / 1000);
      assert.ok(Math.abs(s.opsPerSec - expected) <= expected * 1e-9, `${s.opsPerSec} ≠ ${expected}`);
      assert.equal(s.p50Ms, ms);
      assert.equal(s.p99Ms, ms);
    }),
  );
});

test('throughput scales with ops and falls as latency grows', () => {
  fc.assert(
    fc.property(sample, fc.integer({ min: 1, max: 100 }), (xs, ops) => {
      const one = summarize(xs, 1).opsPerSec;
      const many = summarize(xs, ops).opsPerSec;
      assert.ok(Math.abs(many - one * ops) <= one * ops * 1e-9);
      const slower = summarize(
        xs.map((x) => x * 2),
        1,
      ).opsPerSec;
      assert.ok(slower <= one);
    }),
  );
});

test('known values', () => {
  assert.equal(throughput(10, 1000), 10);
  assert.equal(percentile([1, 2, 3, 4], 50), 2);
  assert.equal(percentile([1, 2, 3, 4], 51), 3);
  assert.equal(percentile([1, 2, 3, 4], 100), 4);
  assert.equal(ratioPct(50, 200), 25);
  assert.ok(Number.isNaN(ratioPct(1, 0)));
  assert.ok(Number.isNaN(summarize([], 1).p50Ms));
  assert.throws(() => percentile([1], 0), RangeError);
});
