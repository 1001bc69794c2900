import type { ModuleManifest } from '@mutua/kernel';

/** Named rights of the officer module; legacy codes from DOMAIN.md §2.3 so seeded system roles receive them. */
export const RIGHTS = {
  officerSearch: 'officer.officer.search',
  officerAdd: 'officer.officer.add',
  officerEdit: 'officer.officer.edit',
  officerDelete: 'officer.officer.delete',
  claimAdminSearch: 'officer.claimAdmin.search',
  claimAdminAdd: 'officer.claimAdmin.add',
  claimAdminEdit: 'officer.claimAdmin.edit',
  claimAdminDelete: 'officer.claimAdmin.delete',
} as const;

export const manifest: ModuleManifest = {
  id: 'officer',
  version: '0.1.0',
  dependsOn: ['location'],
  rights: [
    { name: RIGHTS.officerSearch, legacyCode: 121501, label: 'officer.right.officerSearch' },
    { name: RIGHTS.officerAdd, legacyCode: 121502, label: 'officer.right.officerAdd' },
    { name: RIGHTS.officerEdit, legacyCode: 121503, label: 'officer.right.officerEdit' },
    { name: RIGHTS.officerDelete, legacyCode: 121504, label: 'officer.right.officerDelete' },
    { name: RIGHTS.claimAdminSearch, legacyCode: 121601, label: 'officer.right.claimAdminSearch' },
    { name: RIGHTS.claimAdminAdd, legacyCode: 121602, label: 'officer.right.claimAdminAdd' },
    { name: RIGHTS.claimAdminEdit, legacyCode: 121603, label: 'officer.right.claimAdminEdit' },
    { name: RIGHTS.claimAdminDelete, legacyCode: 121604, label: 'officer.right.claimAdminDelete' },
  ],
};
