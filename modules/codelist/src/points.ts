import { type Ctx, defineServiceRef, type FieldProblem, type Locale } from '@mutua/kernel';
import type { CodeListDef } from './domain/lists.js';
import type { CodeListEntry, EntryChange, NewEntry } from './domain/types.js';

export type { CodeListDef, ListPolicy } from './domain/lists.js';
export type { CodeListEntry, EntryChange, NewEntry } from './domain/types.js';

/**
 * The code lists of DOMAIN.md §3 (gender, relationship, profession, care type, …) as reference data. Reads need a
 * signed-in user and come from a short-lived cache; writes need `codelist.entry.edit` and are audited.
 */
export interface CodeListService {
  /** Every list's definition (id, names, policy), in display order. */
  lists(): readonly CodeListDef[];
  /** The list's entries by sort order then code; active ones only unless asked. Unknown list → BAD_INPUT on `list`. */
  entries(ctx: Ctx, list: string, opts?: { includeInactive?: boolean }): Promise<CodeListEntry[]>;
  /**
   * Whether `code` is an entry of the list: an active one, or any one with `includeInactive` (a stored record may keep
   * a code deactivated since).
   * @example
   * if (!(await codeLists.isValid(ctx, 'gender', input.gender))) problems.push({ field: 'gender', key: '…' });
   */
  isValid(ctx: Ctx, list: string, code: string, opts?: { includeInactive?: boolean }): Promise<boolean>;
  /**
   * The problem to report when `code` is not an active entry of the list (none when it is, or when it is blank and
   * not `required`), on `field`; `fieldLabel` (an i18n key such as `insuree.field.gender`) names the field in the
   * message.
   * @example
   * problems.push(...(await codeLists.check(ctx, 'profession', 'profession', input.profession)));
   */
  check(
    ctx: Ctx,
    list: string,
    field: string,
    code: string | null | undefined,
    opts?: { required?: boolean; includeInactive?: boolean; fieldLabel?: string },
  ): Promise<FieldProblem[]>;
  /** The entry's name in `locale` (default: the caller's); null when the list has no such code. */
  label(ctx: Ctx, list: string, code: string, locale?: Locale): Promise<string | null>;
  getEntry(ctx: Ctx, id: string): Promise<CodeListEntry | null>;
  /** Renames, re-sorts, (de)activates an entry; a built-in entry's code never changes. */
  updateEntry(ctx: Ctx, id: string, change: EntryChange): Promise<CodeListEntry>;
  /** Adds a local entry to an open list (profession, education, relationship, identification/family/confirmation type). */
  addEntry(ctx: Ctx, list: string, input: NewEntry): Promise<CodeListEntry>;
  /** Deactivates an entry (entries are never deleted: other modules store the codes). */
  deactivateEntry(ctx: Ctx, id: string): Promise<CodeListEntry>;
}

/**
 * The codelist service, for modules that list 'codelist' in dependsOn.
 * @example
 * const codeLists = setup.service(codeListService);
 */
export const codeListService = defineServiceRef<CodeListService>('codelist');
