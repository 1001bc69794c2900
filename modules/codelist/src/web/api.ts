import { gql } from '@mutua/web-kernel';

/** An entry as the pages read it. */
export interface CodeEntry {
  id: string;
  list: string;
  code: string;
  name: string;
  nameFr: string;
  sortOrder: number;
  active: boolean;
  requiresNumber: boolean;
  builtIn: boolean;
}

/** A list with every entry (inactive ones too: the admin page shows them, forms filter them out). */
export interface CodeListData {
  id: string;
  name: string;
  policy: 'open' | 'closed' | 'protected';
  canAdd: boolean;
  canDeactivate: boolean;
  codeMaxLength: number;
  numericCodes: boolean;
  hasRequiresNumber: boolean;
  entries: CodeEntry[];
}

export interface EntryInput {
  code: string;
  name: string;
  nameFr: string;
  sortOrder: number | null;
  requiresNumber: boolean;
  active: boolean;
}

const ENTRY = 'id list code name nameFr sortOrder active requiresNumber builtIn';

/** The TanStack Query key of the lists (shared by every form's `useCodeList` and the admin page). */
export const CODE_LISTS_KEY = ['codelist.lists'] as const;

/** Every list with all its entries: one small request (about 120 rows) serves every form of the app. */
export const fetchCodeLists = () =>
  gql<{ codeLists: CodeListData[] }>(
    `query CodeLists { codeLists {
      id name policy canAdd canDeactivate codeMaxLength numericCodes hasRequiresNumber
      entries(includeInactive: true) { ${ENTRY} } } }`,
  ).then((d) => d.codeLists);

/** A fresh clientMutationId (crypto.randomUUID exists only in secure contexts; Mutua often runs on plain HTTP). */
function mutationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function mutate(name: string, input: object): Promise<CodeEntry> {
  const op = name.charAt(0).toUpperCase() + name.slice(1);
  return gql<Record<string, { codeListEntry: CodeEntry }>>(
    `mutation ${op}($input: ${op}Input!) { ${name}(input: $input) { codeListEntry { ${ENTRY} } } }`,
    { input: { ...input, clientMutationId: mutationId() } },
  ).then((d) => d[name]!.codeListEntry);
}

export const addEntry = (list: string, input: EntryInput) => {
  const { active: _active, ...fields } = input;
  return mutate('addCodeListEntry', { ...fields, list });
};

/** Saves an edited entry; the code is sent only when it changed (built-in codes cannot change). */
export const updateEntry = (entry: CodeEntry, input: EntryInput) => {
  const { code, ...fields } = input;
  return mutate('updateCodeListEntry', { ...fields, id: entry.id, ...(code !== entry.code ? { code } : {}) });
};

export const deactivateEntry = (id: string) => mutate('deactivateCodeListEntry', { id });
