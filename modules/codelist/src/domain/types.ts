/** One entry of a code list (DOMAIN.md §3): a stable code, its names in English and French, its place and state. */
export interface CodeListEntry {
  id: string;
  /** Id of the list, e.g. `gender`. */
  list: string;
  code: string;
  name: string;
  nameFr: string;
  sortOrder: number;
  active: boolean;
  /** Confirmation types only: the family's confirmation number is then required. */
  requiresNumber: boolean;
  /** Shipped with Mutua (seeded on every start); its code is fixed, other modules' rules may depend on it. */
  builtIn: boolean;
}

/** What an administrator edits on an entry; absent fields keep their value. */
export interface EntryChange {
  code?: string | null;
  name?: string | null;
  nameFr?: string | null;
  sortOrder?: number | null;
  active?: boolean | null;
  requiresNumber?: boolean | null;
}

/** A new local entry. */
export interface NewEntry {
  code: string;
  name: string;
  nameFr: string;
  sortOrder?: number | null;
  requiresNumber?: boolean | null;
}

/** A problem with one field: the i18n key of the message and its params (mirrors the kernel's FieldProblem). */
export interface Problem {
  field: string;
  key: string;
  params?: Record<string, unknown>;
}
