import type { ModuleManifest } from '@mutua/kernel';

/** Named rights of the codelist module. */
export const RIGHTS = {
  entrySearch: 'codelist.entry.search',
  entryEdit: 'codelist.entry.edit',
} as const;

export const manifest: ModuleManifest = {
  id: 'codelist',
  version: '0.1.0',
  dependsOn: [],
  rights: [
    // Reading the lists needs only a session (every form reads them); this right opens the admin page read-only.
    { name: RIGHTS.entrySearch, label: 'codelist.right.entrySearch' },
    // 121702 so the IMIS Administrator system role (and the HF administrators, who share the users block) receive it.
    { name: RIGHTS.entryEdit, legacyCode: 121702, label: 'codelist.right.entryEdit' },
  ],
};
