import type { ModuleManifest } from '@mutua/kernel';
import { z } from 'zod';

/** Named rights of the location module; legacy codes from DOMAIN.md §2.3 so seeded system roles receive them. */
export const RIGHTS = {
  locationSearch: 'location.location.search',
  locationAdd: 'location.location.add',
  locationEdit: 'location.location.edit',
  locationDelete: 'location.location.delete',
  locationMove: 'location.location.move',
  manageRegions: 'location.location.manageRegions',
  hfSearch: 'location.hf.search',
  hfAdd: 'location.hf.add',
  hfEdit: 'location.hf.edit',
  hfDelete: 'location.hf.delete',
  locationImport: 'location.import',
  hfImport: 'location.hf.import',
} as const;

export const locationConfig = z.object({
  /**
   * Location type letters from the top level down (openIMIS `location_types`). Index 0 is the region level, index 1
   * the district level (health facilities and user scopes attach there), the last index the village level.
   */
  levels: z
    .array(z.string().regex(/^[A-Z]$/, 'one capital letter'))
    .min(3)
    .refine((l) => new Set(l).size === l.length, 'level letters must be distinct')
    .default(['R', 'D', 'W', 'V']),
  /** openIMIS `health_facility_contract_dates_mandatory`. */
  hfContractDatesMandatory: z.boolean().default(false),
});
export type LocationConfig = z.infer<typeof locationConfig>;

export const manifest: ModuleManifest<LocationConfig> = {
  id: 'location',
  version: '0.1.0',
  dependsOn: [],
  // Facility codes (legal form, level, sub-level, care type, status) are checked against the code lists when present.
  optionalDependsOn: ['codelist'],
  rights: [
    { name: RIGHTS.locationSearch, legacyCode: 121901, label: 'location.right.locationSearch' },
    { name: RIGHTS.locationAdd, legacyCode: 121902, label: 'location.right.locationAdd' },
    { name: RIGHTS.locationEdit, legacyCode: 121903, label: 'location.right.locationEdit' },
    { name: RIGHTS.locationDelete, legacyCode: 121904, label: 'location.right.locationDelete' },
    { name: RIGHTS.locationMove, legacyCode: 121905, label: 'location.right.locationMove' },
    { name: RIGHTS.manageRegions, legacyCode: 121906, label: 'location.right.manageRegions' },
    { name: RIGHTS.hfSearch, legacyCode: 121101, label: 'location.right.hfSearch' },
    { name: RIGHTS.hfAdd, legacyCode: 121102, label: 'location.right.hfAdd' },
    { name: RIGHTS.hfEdit, legacyCode: 121103, label: 'location.right.hfEdit' },
    { name: RIGHTS.hfDelete, legacyCode: 121104, label: 'location.right.hfDelete' },
    // openIMIS splits register download (131005/131003) and upload (131006/131004); an import is the upload.
    { name: RIGHTS.locationImport, legacyCode: 131006, label: 'location.right.locationImport' },
    { name: RIGHTS.hfImport, legacyCode: 131004, label: 'location.right.hfImport' },
  ],
  config: locationConfig,
};
