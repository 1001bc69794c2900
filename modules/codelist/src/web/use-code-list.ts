import type { SelectOption } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CODE_LISTS_KEY, type CodeEntry, type CodeListData, fetchCodeLists } from './api';

/** An entry's name in the UI language (French falls back to English when blank). */
export const entryLabel = (e: Pick<CodeEntry, 'name' | 'nameFr'>, language: string | undefined): string =>
  language?.startsWith('fr') && e.nameFr.trim() !== '' ? e.nameFr : e.name;

/** Every list, cached for the session (the lists change rarely; an edit on the admin page refreshes them). */
export function useCodeLists() {
  return useQuery({ queryKey: CODE_LISTS_KEY, queryFn: fetchCodeLists, staleTime: 10 * 60_000 });
}

/** One list's data (with inactive entries), `undefined` while loading or when unknown. */
export function useCodeListData(list: string): CodeListData | undefined {
  return useCodeLists().data?.find((l) => l.id === list);
}

/**
 * The active entries of a code list as select options `{ value, label }`, labelled in the current UI language and in
 * sort order; empty while the lists load. `keep` adds a stored value whose entry has been deactivated since, so a
 * form editing an old record still shows it.
 * @example
 * const genders = useCodeList('gender'); // [{ value: 'M', label: 'Male' }, …] or, in French, 'Masculin', …
 */
export function useCodeList(list: string, opts: { keep?: string | null } = {}): SelectOption[] {
  const { i18n } = useTranslation();
  const data = useCodeListData(list);
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (data?.entries ?? [])
    .filter((e) => e.active || (opts.keep != null && e.code === opts.keep))
    .map((e) => ({ value: e.code, label: entryLabel(e, language) }));
}
