import { type CodeListDef, NAME_MAX, SORT_MAX } from './lists.js';
import type { CodeListEntry, EntryChange, NewEntry, Problem } from './types.js';

/** Trimmed text; blank → null. */
export function clean(v: string | null | undefined): string | null {
  const t = typeof v === 'string' ? v.trim() : '';
  return t === '' ? null : t;
}

/** The entry's name in `locale` (French falls back to English when blank). */
export const entryLabel = (e: Pick<CodeListEntry, 'name' | 'nameFr'>, locale: string): string =>
  locale === 'fr' ? (clean(e.nameFr) ?? e.name) : e.name;

/** The i18n key of a list's name (the server catalogs hold every list's name under it), for message params. */
export const listKey = (id: string): string => `codelist.list.${id}`;

/** Whether administrators may add local entries to the list (openIMIS lets schemes extend these lists). */
export const canAdd = (def: CodeListDef): boolean => def.policy === 'open';
/** Whether entries of the list may be deactivated: not when rules read its codes. */
export const canDeactivate = (def: CodeListDef): boolean => def.policy !== 'protected';

const SMALLINT_MAX = 32767;

/** Problems with a code for this list: required, letters and digits (digits only for numeric lists), short enough. */
export function codeProblems(
  def: CodeListDef,
  raw: string | null | undefined,
  otherCodes: readonly string[],
): Problem[] {
  const code = clean(raw);
  if (code === null)
    return [{ field: 'code', key: 'codelist.error.required', params: { field: 'codelist.field.code' } }];
  if (code.length > def.codeMax)
    return [{ field: 'code', key: 'codelist.error.codeTooLong', params: { max: def.codeMax } }];
  if (def.numeric ? !/^[0-9]+$/.test(code) || Number(code) > SMALLINT_MAX : !/^[A-Za-z0-9]+$/.test(code))
    return [{ field: 'code', key: def.numeric ? 'codelist.error.codeNumeric' : 'codelist.error.codeChars' }];
  // Codes differing only by case would read the same on forms and reports.
  if (otherCodes.some((c) => c.toLowerCase() === code.toLowerCase()))
    return [{ field: 'code', key: 'codelist.error.codeTaken', params: { code } }];
  return [];
}

function nameProblems(field: 'name' | 'nameFr', v: string | null | undefined): Problem[] {
  const name = clean(v);
  if (name === null) return [{ field, key: 'codelist.error.required', params: { field: `codelist.field.${field}` } }];
  if (name.length > NAME_MAX)
    return [{ field, key: 'codelist.error.tooLong', params: { field: `codelist.field.${field}`, max: NAME_MAX } }];
  return [];
}

function sortProblems(v: number | null | undefined): Problem[] {
  if (v === null || v === undefined) return [];
  return Number.isInteger(v) && v >= 0 && v <= SORT_MAX
    ? []
    : [{ field: 'sortOrder', key: 'codelist.error.sortOrder', params: { max: SORT_MAX } }];
}

/** Rules for a new local entry: only open lists take additions; the code is new to the list; both names given. */
export function checkNewEntry(def: CodeListDef, input: NewEntry, existingCodes: readonly string[]): Problem[] {
  if (!canAdd(def)) return [{ field: 'list', key: 'codelist.error.notExtensible', params: { list: listKey(def.id) } }];
  return [
    ...codeProblems(def, input.code, existingCodes),
    ...nameProblems('name', input.name),
    ...nameProblems('nameFr', input.nameFr),
    ...sortProblems(input.sortOrder),
  ];
}

/**
 * Rules for an edit. The protected-code rule: a built-in entry's code never changes (other modules' rules and stored
 * records use it), so it can only be renamed; a local entry may be re-coded to a free code. Entries of protected
 * lists stay active, and every list keeps at least one active entry.
 */
export function checkEntryChange(
  def: CodeListDef,
  before: CodeListEntry,
  change: EntryChange,
  context: { otherCodes: readonly string[]; activeCount: number },
): Problem[] {
  const p: Problem[] = [];
  const code = change.code === undefined || change.code === null ? null : (clean(change.code) ?? '');
  if (code !== null && code !== before.code) {
    if (before.builtIn) p.push({ field: 'code', key: 'codelist.error.builtInCode', params: { code: before.code } });
    else p.push(...codeProblems(def, code, context.otherCodes));
  }
  if (change.name !== undefined && change.name !== null) p.push(...nameProblems('name', change.name));
  if (change.nameFr !== undefined && change.nameFr !== null) p.push(...nameProblems('nameFr', change.nameFr));
  p.push(...sortProblems(change.sortOrder));
  if (change.active === false && before.active) p.push(...deactivateProblems(def, before, context.activeCount));
  return p;
}

/** Rules for deactivating an entry: not in a protected list, and not the list's last active entry. */
export function deactivateProblems(def: CodeListDef, entry: CodeListEntry, activeCount: number): Problem[] {
  if (!entry.active) return [];
  if (!canDeactivate(def))
    return [
      { field: 'active', key: 'codelist.error.protectedList', params: { list: listKey(def.id), code: entry.code } },
    ];
  if (activeCount <= 1)
    return [{ field: 'active', key: 'codelist.error.lastActive', params: { list: listKey(def.id) } }];
  return [];
}
