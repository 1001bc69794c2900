import type { ModuleManifest } from '@mutua/kernel';
import { z } from 'zod';
import { ACTIVATION_OPTIONS } from './domain/types.js';

/** Named rights of the contribution module; legacy codes from DOMAIN.md §2.3 so seeded system roles receive them. */
export const RIGHTS = {
  search: 'contribution.contribution.search',
  add: 'contribution.contribution.add',
  edit: 'contribution.contribution.edit',
  delete: 'contribution.contribution.delete',
} as const;

/** Contribution module config. */
export const contributionConfig = z.object({
  /**
   * DECISIONS.md #25: `contribution` (default) — the contribution that brings the paid total to the value activates
   * an idle policy (the policy module's own `activationOption` decides active or ready); `payment` — contributions
   * never activate (a payment module does).
   */
  activationOption: z.enum(ACTIVATION_OPTIONS).default('contribution'),
});
export type ContributionConfig = z.infer<typeof contributionConfig>;

export const manifest: ModuleManifest<ContributionConfig> = {
  id: 'contribution',
  version: '0.1.0',
  dependsOn: ['location', 'insuree', 'policy', 'payer', 'product'],
  rights: [
    { name: RIGHTS.search, legacyCode: 101301, label: 'contribution.right.search' },
    { name: RIGHTS.add, legacyCode: 101302, label: 'contribution.right.add' },
    { name: RIGHTS.edit, legacyCode: 101303, label: 'contribution.right.edit' },
    { name: RIGHTS.delete, legacyCode: 101304, label: 'contribution.right.delete' },
  ],
  config: contributionConfig,
};
