import { SelectInput } from '@mutua/web-kernel';
import type { ReactNode } from 'react';
import { useCodeList } from './use-code-list';

export interface CodeSelectProps {
  /** Id of the code list, e.g. `gender`, `profession`, `careType`. */
  list: string;
  name: string;
  /** Translated label of the field. */
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  helperText?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  fullWidth?: boolean;
  /** Label of an empty choice, for optional fields. */
  emptyLabel?: string;
}

/**
 * A select over a code list's active entries, labelled in the UI language (the stored value stays listed even if its
 * entry was deactivated since).
 * @example
 * <CodeSelect list="gender" name="gender" label={t('insuree.field.gender')} value={form.gender} onChange={…} required />
 */
export function CodeSelect({ list, value, ...rest }: CodeSelectProps) {
  const options = useCodeList(list, { keep: value || null });
  // Until the options arrive, an unknown value would make MUI warn: show it blank meanwhile.
  const shown = value === '' || options.some((o) => o.value === value) ? value : '';
  return <SelectInput {...rest} value={shown} options={options} />;
}
