import { performance } from 'node:perf_hooks';
import type { Benchmark } from '@mutua/kernel';
import { ratioPct, type Summary, summarize } from './stats.js';

export interface MeasureOptions {
  iterations: number;
  warmup: number;
}

export interface Measured {
  op: Summary;
  baseline: Summary;
  /** Operation throughput / baseline throughput, in percent. */
  ratioPct: number;
}

/** A few warm-up iterations: 10% of the run, between 2 and 20. */
export const warmupFor = (iterations: number): number => Math.max(2, Math.min(20, Math.round(iterations / 10)));

async function time(fn: () => Promise<void>, prepare?: () => Promise<void>): Promise<number> {
  await prepare?.();
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * Runs a benchmark: warm-up iterations of both sides (not recorded), then `iterations` of `run()` and of `baseline()`
 * interleaved — and alternating which goes first — so both sides see the same cache state and the same drift. A
 * benchmark's `prepare()` runs before each `run()`, outside the timing.
 */
export async function measure(b: Benchmark, opts: MeasureOptions): Promise<Measured> {
  const prepare = b.prepare?.bind(b);
  for (let i = 0; i < opts.warmup; i++) {
    await prepare?.();
    await b.run();
    await b.baseline();
  }
  const op: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < opts.iterations; i++) {
    if (i % 2 === 0) {
      op.push(await time(() => b.run(), prepare));
      base.push(await time(() => b.baseline()));
    } else {
      base.push(await time(() => b.baseline()));
      op.push(await time(() => b.run(), prepare));
    }
  }
  const o = summarize(op, b.ops);
  const bl = summarize(base, b.ops);
  return { op: o, baseline: bl, ratioPct: ratioPct(o.opsPerSec, bl.opsPerSec) };
}

/** Runs `fn` on `concurrency` parallel loops for `durationMs`, recording each call's latency (ms). */
export async function concurrentLoop(
  fn: () => Promise<void>,
  concurrency: number,
  durationMs: number,
): Promise<{ latencies: number[]; elapsedMs: number }> {
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + durationMs;
  const worker = async () => {
    while (performance.now() < end) latencies.push(await time(fn));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, elapsedMs: performance.now() - start };
}
