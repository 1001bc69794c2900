import type { ModuleManifest } from '@mutua/kernel';
import { z } from 'zod';

/** Named rights of the product module; legacy codes from DOMAIN.md §2.3 so seeded system roles receive them. */
export const RIGHTS = {
  search: 'product.product.search',
  add: 'product.product.add',
  edit: 'product.product.edit',
  delete: 'product.product.delete',
  duplicate: 'product.product.duplicate',
} as const;

/**
 * Defaults of a new product line (openIMIS product `limitDefaults`): price origin, limitation type, and the waiting
 * periods (months) a line gets when the form leaves them empty.
 */
export const productConfig = z.object({
  defaultPriceOrigin: z.enum(['P', 'O', 'R']).default('P'),
  defaultLimitationType: z.enum(['C', 'F']).default('C'),
  defaultWaitingPeriodAdult: z.number().int().min(0).nullable().default(null),
  defaultWaitingPeriodChild: z.number().int().min(0).nullable().default(null),
});
export type ProductConfig = z.infer<typeof productConfig>;

export const manifest: ModuleManifest<ProductConfig> = {
  id: 'product',
  version: '0.1.0',
  dependsOn: ['location', 'medical'],
  rights: [
    { name: RIGHTS.search, legacyCode: 121001, label: 'product.right.search' },
    { name: RIGHTS.add, legacyCode: 121002, label: 'product.right.add' },
    { name: RIGHTS.edit, legacyCode: 121003, label: 'product.right.edit' },
    { name: RIGHTS.delete, legacyCode: 121004, label: 'product.right.delete' },
    { name: RIGHTS.duplicate, legacyCode: 121005, label: 'product.right.duplicate' },
  ],
  config: productConfig,
};
