import type { ModuleManifest } from '@mutua/kernel';
import { z } from 'zod';

/** Named rights of the claim batch module; legacy codes from DOMAIN.md §2.3 (111101–111103). */
export const RIGHTS = {
  run: 'claim-batch.run.process',
  search: 'claim-batch.run.search',
  preview: 'claim-batch.run.preview',
} as const;

export const claimBatchConfig = z.object({
  /** Lines written per transaction (and per checkpoint) by a run. */
  chunkSize: z.number().int().min(1).max(100_000).default(5000),
});
export type ClaimBatchConfig = z.infer<typeof claimBatchConfig>;

export const manifest: ModuleManifest<ClaimBatchConfig> = {
  id: 'claim-batch',
  version: '0.1.0',
  dependsOn: ['location', 'medical', 'product', 'insuree', 'policy', 'contribution', 'claim'],
  rights: [
    { name: RIGHTS.run, legacyCode: 111101, label: 'claim-batch.right.run' },
    { name: RIGHTS.search, legacyCode: 111102, label: 'claim-batch.right.search' },
    { name: RIGHTS.preview, legacyCode: 111103, label: 'claim-batch.right.preview' },
  ],
  config: claimBatchConfig,
};
