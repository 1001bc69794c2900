import {
  type Connection,
  type DataColumn,
  fieldError,
  RegisterPage,
  SelectInput,
  type SelectOption,
  TextInput,
  useAuth,
  useModuleConfig,
} from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../domain/types';
import { listLevel, listUsers } from './api';

/** Empty text means "no value" for the API. */
export const orNull = (v: string | null | undefined) => (v === null || v === undefined || v.trim() === '' ? null : v);

/** The configured location levels, top first. */
export function useLevels(): string[] {
  return useModuleConfig<{ levels?: string[] }>('location')?.levels ?? ['R', 'D', 'W', 'V'];
}

/** The districts the user may see, as options "R1D1 — Tahoua". */
export function useDistrictOptions(): SelectOption[] {
  const levels = useLevels();
  const q = useQuery({ queryKey: ['officer.districts', levels[1]], queryFn: () => listLevel(levels[1] ?? 'D') });
  return (q.data ?? []).map((d) => ({ value: d.id, label: `${d.code} — ${d.name}` }));
}

/**
 * The user-account picker: a list of accounts for users who may search users, otherwise the account id as text
 * (the server checks that it exists and is not linked to another record).
 */
export function UserInput({
  value,
  onChange,
  disabled,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  disabled: boolean;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const canList = hasRight('core.user.search');
  const q = useQuery({ queryKey: ['officer.users'], queryFn: listUsers, enabled: canList });
  if (!canList) {
    return (
      <TextInput
        name="userId"
        label={t('officer.field.userId')}
        disabled={disabled}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
      />
    );
  }
  const options = (q.data ?? []).map((u) => ({ value: u.id, label: `${u.username} — ${u.lastName} ${u.otherNames}` }));
  return (
    <SelectInput
      name="userId"
      label={t('officer.field.userId')}
      disabled={disabled}
      emptyLabel={t('officer.page.none')}
      options={options}
      value={options.some((o) => o.value === value) ? value : ''}
      onChange={onChange}
      error={error}
    />
  );
}

type TextKeys<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string;

/**
 * The text inputs of a dialog's form, labelled `officer.field.<key>`, read-only unless `canEdit`, each showing its
 * field's save error; e-mail and phone inputs get the matching keyboard.
 */
export function useFormInputs<F extends object>(
  form: F,
  setForm: Dispatch<SetStateAction<F>>,
  saveError: unknown,
  canEdit: boolean,
) {
  const { t } = useTranslation();
  const set = (k: TextKeys<F>) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const err = (k: string) => fieldError(saveError, k);
  const value = (k: TextKeys<F>) => form[k] as string;
  const text = (k: TextKeys<F>, max: number, required = false) => (
    <TextInput
      name={k}
      label={t(`officer.field.${k}`)}
      required={required}
      disabled={!canEdit}
      value={value(k)}
      type={k === 'email' ? 'email' : k === 'phone' || k === 'veoPhone' ? 'tel' : 'text'}
      slotProps={{ htmlInput: { maxLength: max } }}
      onChange={(e) => set(k)(e.target.value)}
      error={err(k)}
    />
  );
  const date = (k: TextKeys<F>) => (
    <TextInput
      name={k}
      type="date"
      label={t(`officer.field.${k}`)}
      disabled={!canEdit}
      value={value(k)}
      onChange={(e) => set(k)(e.target.value)}
      error={err(k)}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
  return { set, err, text, date };
}

/** The person fields both dialogs start with: code, names, birth date, phone and e-mail. */
export function personInputs({
  text,
  date,
}: {
  text: (k: PersonKey, max: number, required?: boolean) => ReactNode;
  date: (k: PersonKey) => ReactNode;
}) {
  return (
    <>
      {text('code', 8, true)}
      {text('lastName', 100, true)}
      {text('otherNames', 100, true)}
      {date('dob')}
      {text('phone', 50)}
      {text('email', 200)}
    </>
  );
}

type PersonKey = 'code' | 'lastName' | 'otherNames' | 'dob' | 'phone' | 'email';

/** Delete's confirmation of an officer or a claim administrator. */
export const confirmDelete = (t: TFunction, code: string) => ({
  title: t('officer.page.deleteTitle', { code }),
  message: t('officer.page.deleteBody'),
});

/**
 * The register page of officers or of claim administrators: searched by code or name and by their place (the
 * officer's district, the administrator's facility), listed by code and name, then place and phone.
 */
export function PersonRegisterPage<F extends { [K in keyof F]: string } & { search: string }, R extends Person>({
  title,
  add,
  emptyFilters,
  queryKey,
  search,
  place,
  moreColumns,
  dialog,
}: {
  title: string;
  add: { label: string; right: string };
  emptyFilters: F;
  queryKey: string;
  search: (filters: F, after: string | null) => Promise<Connection<R>>;
  /** The place: its filter (`filter`, also the field of its label) and options, and its column. */
  place: { filter: keyof F & string; options: SelectOption[]; column: string; render: (row: R) => string };
  /** The columns after the phone. */
  moreColumns: DataColumn<R>[];
  dialog: (record: R | null, onClose: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const placeLabel = t(`officer.field.${place.filter}`);
  return (
    <RegisterPage<F, R>
      title={title}
      add={add}
      emptyFilters={emptyFilters}
      queryKey={queryKey}
      search={search}
      filters={(draft, set) => (
        <>
          <TextInput
            name="search"
            label={t('officer.page.search')}
            value={draft.search}
            onChange={(e) => set('search')(e.target.value)}
          />
          <SelectInput
            name={place.filter}
            label={placeLabel}
            emptyLabel={t('officer.page.any')}
            options={place.options}
            value={draft[place.filter]}
            onChange={set(place.filter)}
          />
        </>
      )}
      columns={[
        { key: 'code', header: t('officer.field.code') },
        { key: 'lastName', header: t('officer.field.lastName') },
        { key: 'otherNames', header: t('officer.field.otherNames') },
        { key: place.column, header: placeLabel, render: place.render },
        { key: 'phone', header: t('officer.field.phone') },
        ...moreColumns,
      ]}
      dialog={dialog}
    />
  );
}
