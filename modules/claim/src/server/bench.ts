import type { Benchmark, Ctx } from '@mutua/kernel';
import type { ClaimService } from './service.js';

export async function createBenchmarks(_ctx: Ctx, _claims: ClaimService): Promise<Benchmark[]> {
  return [];
}
