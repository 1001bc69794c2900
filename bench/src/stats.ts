/** Latency statistics of one side (operation or baseline) of a benchmark. Latencies are in milliseconds. */
export interface Summary {
  /** Measured iterations (warm-up excluded). */
  iterations: number;
  /** Operations per iteration (rows, requests). */
  ops: number;
  /** Sum of the measured latencies. */
  totalMs: number;
  /** Operations per second over the measured time: `ops × iterations / total seconds`. */
  opsPerSec: number;
  meanMs: number;
  minMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * The `p`-th percentile (0 < p ≤ 100) of an ascending sample, by nearest rank: the smallest value such that at least
 * p% of the sample is at or below it. Always a member of the sample, and monotone in `p`.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Operations per second for `ops` operations done in `totalMs` milliseconds. */
export function throughput(ops: number, totalMs: number): number {
  return totalMs > 0 ? (ops * 1000) / totalMs : Number.POSITIVE_INFINITY;
}

/** Summarises the per-iteration latencies of one side of a benchmark. */
export function summarize(latenciesMs: readonly number[], opsPerIteration: number): Summary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const n = sorted.length;
  let totalMs = 0;
  for (const v of sorted) totalMs += v;
  return {
    iterations: n,
    ops: opsPerIteration,
    totalMs,
    opsPerSec: n ? throughput(opsPerIteration * n, totalMs) : Number.NaN,
    meanMs: n ? totalMs / n : Number.NaN,
    minMs: n ? sorted[0]! : Number.NaN,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: n ? sorted[n - 1]! : Number.NaN,
  };
}

/** The operation's throughput as a percentage of the baseline's (100% = as fast as the bare database). */
export function ratioPct(operationOpsPerSec: number, baselineOpsPerSec: number): number {
  return baselineOpsPerSec > 0 ? (operationOpsPerSec / baselineOpsPerSec) * 100 : Number.NaN;
}
