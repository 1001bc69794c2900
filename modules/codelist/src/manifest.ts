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
    // No openIMIS code: code lists are base data, edited by the IMIS Administrator (who holds every right).
    { name: RIGHTS.entryEdit, label: 'codelist.right.entryEdit' },
  ],
};
