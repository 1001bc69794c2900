import type { ModuleManifest } from '@mutua/kernel';

/** Named rights of the payer module; legacy codes from DOMAIN.md §2.3 (121803 for edit: openIMIS's 122103 is a typo). */
export const RIGHTS = {
  search: 'payer.payer.search',
  add: 'payer.payer.add',
  edit: 'payer.payer.edit',
  delete: 'payer.payer.delete',
} as const;

export const manifest: ModuleManifest = {
  id: 'payer',
  version: '0.1.0',
  dependsOn: ['location'],
  // The payer type is checked against the payer-type code list when the codelist module is composed.
  optionalDependsOn: ['codelist'],
  rights: [
    { name: RIGHTS.search, legacyCode: 121801, label: 'payer.right.search' },
    { name: RIGHTS.add, legacyCode: 121802, label: 'payer.right.add' },
    { name: RIGHTS.edit, legacyCode: 121803, label: 'payer.right.edit' },
    { name: RIGHTS.delete, legacyCode: 121804, label: 'payer.right.delete' },
  ],
};
