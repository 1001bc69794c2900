import type { Benchmark, Ctx } from '@mutua/kernel';
import type { ClaimBatchApi } from '../points.js';

/** Benchmarks: added with the generated country (see README "Benchmark"). */
export function createBenchmarks(_ctx: Ctx, _api: ClaimBatchApi): Benchmark[] {
  return [];
}
