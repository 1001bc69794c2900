import { loadComposition } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import { ROOT, readComposition } from './config.js';

/** A test kernel with the repository's real composition.json (its modules and their config). Test helper. */
export async function startComposedTestKernel(): Promise<TestKernel> {
  const composition = readComposition(`${ROOT}composition.json`);
  const resolved = await loadComposition(composition);
  return startTestKernel({
    modules: resolved.map((r) => r.def),
    config: Object.fromEntries(composition.modules.map((m) => [m.id, m.config ?? {}])),
  });
}
