import type { ModuleManifest } from '@mutua/kernel';
import { z } from 'zod';
import { numberModes } from './domain/insurance-number.js';

export type { NumberMode } from './domain/insurance-number.js';

/** Named rights of the insuree module; legacy codes from DOMAIN.md §2.3 so seeded system roles receive them. */
export const RIGHTS = {
  familySearch: 'insuree.family.search',
  familyAdd: 'insuree.family.add',
  familyEdit: 'insuree.family.edit',
  familyDelete: 'insuree.family.delete',
  insureeSearch: 'insuree.insuree.search',
  insureeAdd: 'insuree.insuree.add',
  insureeEdit: 'insuree.insuree.edit',
  insureeDelete: 'insuree.insuree.delete',
  insureeEnquire: 'insuree.insuree.enquire',
} as const;

export const insureeConfig = z.object({
  /** Insurance numbers: digits only, this length; the last digit a check digit unless mode is 'none'. */
  insureeNumber: z
    .object({
      length: z.number().int().min(4).max(20).default(9),
      mode: z.enum(numberModes).default('modulo'),
      /** For mode 'modulo': the last digit is (number formed by the other digits) mod N (N ≤ 10). */
      modulo: z.number().int().min(2).max(10).default(7),
    })
    .default({ length: 9, mode: 'modulo', modulo: 7 }),
  /** Largest accepted photo, in bytes. */
  maxPhotoBytes: z.number().int().positive().default(1_000_000),
  /** Name similarity (pg_trgm, 0–1) from which an existing insuree born the same day in the same village is a likely duplicate. */
  duplicateNameSimilarity: z.number().min(0).max(1).default(0.6),
});
export type InsureeConfig = z.infer<typeof insureeConfig>;

export const manifest: ModuleManifest<InsureeConfig> = {
  id: 'insuree',
  version: '0.1.0',
  dependsOn: ['location', 'codelist'],
  rights: [
    { name: RIGHTS.familySearch, legacyCode: 101001, label: 'insuree.right.familySearch' },
    { name: RIGHTS.familyAdd, legacyCode: 101002, label: 'insuree.right.familyAdd' },
    { name: RIGHTS.familyEdit, legacyCode: 101003, label: 'insuree.right.familyEdit' },
    { name: RIGHTS.familyDelete, legacyCode: 101004, label: 'insuree.right.familyDelete' },
    { name: RIGHTS.insureeSearch, legacyCode: 101101, label: 'insuree.right.insureeSearch' },
    { name: RIGHTS.insureeAdd, legacyCode: 101102, label: 'insuree.right.insureeAdd' },
    { name: RIGHTS.insureeEdit, legacyCode: 101103, label: 'insuree.right.insureeEdit' },
    { name: RIGHTS.insureeDelete, legacyCode: 101104, label: 'insuree.right.insureeDelete' },
    { name: RIGHTS.insureeEnquire, legacyCode: 101105, label: 'insuree.right.insureeEnquire' },
  ],
  config: insureeConfig,
};
