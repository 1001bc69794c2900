import { entryLabel, useCodeListData } from '@mutua/codelist/web';
import { type SelectOption, useModuleConfig } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listLevel } from './api';

/** The facility fields read from the code lists of DOMAIN.md §3 (administered on the code lists page). */
export const CODE_LISTS = {
  legalForm: 'legalForm',
  level: 'hfLevel',
  subLevel: 'hfSubLevel',
  careType: 'careType',
  status: 'hfStatus',
} as const;

/** The built-in codes, in display order: labels from `location.<kind>.<code>` while the code lists are unreadable. */
const FALLBACK = {
  legalForm: ['G', 'D', 'C', 'P'],
  level: ['D', 'C', 'H'],
  subLevel: ['N', 'I', 'R'],
  careType: ['O', 'I', 'B'],
  status: ['AC', 'IN', 'DE', 'ID'],
} as const;

export type CodeKind = keyof typeof CODE_LISTS;

/**
 * Every entry of a facility field's code list (deactivated ones too: a search filter or a table cell still needs to
 * name an old facility's value), labelled in the UI language as the administrator named it.
 */
export function useCodeOptions(kind: CodeKind): SelectOption[] {
  const { t, i18n } = useTranslation();
  const data = useCodeListData(CODE_LISTS[kind]);
  if (!data) return FALLBACK[kind].map((value) => ({ value, label: t(`location.${kind}.${value}`) }));
  const language = i18n.resolvedLanguage ?? i18n.language;
  return data.entries.map((e) => ({ value: e.code, label: entryLabel(e, language) }));
}

/** The configured location levels (composition.json → location.config.levels), top level first. */
export function useLevels(): string[] {
  return useModuleConfig<{ levels?: string[] }>('location')?.levels ?? ['R', 'D', 'W', 'V'];
}

/** The label of a level letter ("Region", "Commune"); an unknown custom letter shows as itself. */
export function useTypeLabel(): (type: string) => string {
  const { t } = useTranslation();
  return (type) => t(`location.type.${type}`, { defaultValue: type });
}

/** The districts the user may see, as options "R1D1 — Tahoua"; `undefined` while they load. */
export function useDistrictOptions(): SelectOption[] | undefined {
  const levels = useLevels();
  const districts = useQuery({ queryKey: ['location.level', levels[1]], queryFn: () => listLevel(levels[1] ?? 'D') });
  return districts.data?.map((d) => ({ value: d.id, label: `${d.code} — ${d.name}` }));
}
