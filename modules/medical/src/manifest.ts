import type { ModuleManifest } from '@mutua/kernel';

/** Named rights of the medical module; legacy codes from DOMAIN.md §2.3 so seeded system roles receive them. */
export const RIGHTS = {
  itemSearch: 'medical.item.search',
  itemAdd: 'medical.item.add',
  itemEdit: 'medical.item.edit',
  itemDelete: 'medical.item.delete',
  serviceSearch: 'medical.service.search',
  serviceAdd: 'medical.service.add',
  serviceEdit: 'medical.service.edit',
  serviceDelete: 'medical.service.delete',
  diagnosisSearch: 'medical.diagnosis.search',
  diagnosisUpload: 'medical.diagnosis.upload',
} as const;

export const manifest: ModuleManifest = {
  id: 'medical',
  version: '0.1.0',
  dependsOn: [],
  rights: [
    { name: RIGHTS.itemSearch, legacyCode: 122101, label: 'medical.right.itemSearch' },
    { name: RIGHTS.itemAdd, legacyCode: 122102, label: 'medical.right.itemAdd' },
    { name: RIGHTS.itemEdit, legacyCode: 122103, label: 'medical.right.itemEdit' },
    { name: RIGHTS.itemDelete, legacyCode: 122104, label: 'medical.right.itemDelete' },
    { name: RIGHTS.serviceSearch, legacyCode: 121401, label: 'medical.right.serviceSearch' },
    { name: RIGHTS.serviceAdd, legacyCode: 121402, label: 'medical.right.serviceAdd' },
    { name: RIGHTS.serviceEdit, legacyCode: 121403, label: 'medical.right.serviceEdit' },
    { name: RIGHTS.serviceDelete, legacyCode: 121404, label: 'medical.right.serviceDelete' },
    // openIMIS tools "registers": 131001 downloads the diagnoses register, 131002 uploads it.
    { name: RIGHTS.diagnosisSearch, legacyCode: 131001, label: 'medical.right.diagnosisSearch' },
    { name: RIGHTS.diagnosisUpload, legacyCode: 131002, label: 'medical.right.diagnosisUpload' },
  ],
};
