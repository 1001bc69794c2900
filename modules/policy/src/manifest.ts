import type { ModuleManifest } from '@mutua/kernel';
import { z } from 'zod';

/** Named rights of the policy module; legacy codes from DOMAIN.md §2.3 so seeded system roles receive them. */
export const RIGHTS = {
  search: 'policy.policy.search',
  add: 'policy.policy.add',
  /** Edit and suspend (101203). */
  edit: 'policy.policy.edit',
  delete: 'policy.policy.delete',
  /** Renew, and the renewal reminders (101205). */
  renew: 'policy.policy.renew',
} as const;

/** Policy module config (DOMAIN.md §10.2). */
export const policyConfig = z.object({
  /** Days before expiry when a policy appears in the renewal reminders. */
  renewalInterval: z.number().int().min(0).default(14),
  /** 1: a full contribution activates the policy; 3: it becomes ready (16) and is activated later. */
  activationOption: z.union([z.literal(1), z.literal(3)]).default(1),
  /** Age at which a member counts as an adult (DECISIONS #1). */
  ageOfMajority: z.number().int().min(0).default(18),
  /** Run the expiry job at start and every 24 hours. */
  scheduleExpiry: z.boolean().default(true),
});
export type PolicyConfig = z.infer<typeof policyConfig>;

export const manifest: ModuleManifest<PolicyConfig> = {
  id: 'policy',
  version: '0.1.0',
  dependsOn: ['location', 'codelist', 'insuree', 'medical', 'product'],
  rights: [
    { name: RIGHTS.search, legacyCode: 101201, label: 'policy.right.search' },
    { name: RIGHTS.add, legacyCode: 101202, label: 'policy.right.add' },
    { name: RIGHTS.edit, legacyCode: 101203, label: 'policy.right.edit' },
    { name: RIGHTS.delete, legacyCode: 101204, label: 'policy.right.delete' },
    { name: RIGHTS.renew, legacyCode: 101205, label: 'policy.right.renew' },
  ],
  config: policyConfig,
};
