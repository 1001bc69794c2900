import { type SelectOption, useModuleConfig } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listLevel } from './api';

/** The closed lists of DOMAIN.md §3, in display order; labels live in `location.<kind>.<code>`. */
export const CODES = {
  legalForm: ['G', 'D', 'C', 'P'],
  level: ['D', 'C', 'H'],
  subLevel: ['N', 'I', 'R'],
  careType: ['O', 'I', 'B'],
  status: ['AC', 'IN', 'DE', 'ID'],
} as const;

export type CodeKind = keyof typeof CODES;

/** Translated options of a closed list, labelled "Government", "Hôpital", … */
export function useCodeOptions(kind: CodeKind): SelectOption[] {
  const { t } = useTranslation();
  return CODES[kind].map((value) => ({ value, label: t(`location.${kind}.${value}`) }));
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
