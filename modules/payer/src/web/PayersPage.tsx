import { CodeSelect, entryLabel, useCodeListData } from '@mutua/codelist/web';
import {
  FormGrid,
  fieldError,
  RecordDialog,
  RegisterPage,
  SelectInput,
  type SelectOption,
  TextInput,
  useAuth,
  useModuleConfig,
  useRecordMutations,
} from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYER_TYPES } from '../domain/types';
import {
  createPayer,
  deletePayer,
  listLevel,
  type PayerFilters,
  type PayerFormInput,
  type PayerRow,
  searchPayers,
  updatePayer,
} from './api';

const EMPTY: PayerFilters = { search: '', type: '', locationId: '' };

/** Regions and districts the user may see, as options "R1 — Tahoua"; regions first. */
function useRegionDistrictOptions(): SelectOption[] {
  const levels = useModuleConfig<{ levels?: string[] }>('location')?.levels ?? ['R', 'D', 'W', 'V'];
  const q = useQuery({
    queryKey: ['payer.locations', levels[0], levels[1]],
    queryFn: async () => [...(await listLevel(levels[0] ?? 'R')), ...(await listLevel(levels[1] ?? 'D'))],
  });
  return (q.data ?? []).map((l) => ({ value: l.id, label: `${l.code} — ${l.name}` }));
}

/**
 * Every payer type of the code list (deactivated ones too: a filter or a row may still show one), named as the
 * administrator named it; the built-in names while the code lists are unreadable.
 */
function useTypeOptions(): SelectOption[] {
  const { t, i18n } = useTranslation();
  const data = useCodeListData('payerType');
  if (!data) return PAYER_TYPES.map((value) => ({ value, label: t(`payer.type.${value}`) }));
  const language = i18n.resolvedLanguage ?? i18n.language;
  return data.entries.map((e) => ({ value: e.code, label: entryLabel(e, language) }));
}

const orNull = (v: string | null) => (v === null || v.trim() === '' ? null : v);

/** `/admin/payers`: search payers by name, type and location; create, edit, delete them and read their history. */
export function PayersPage() {
  const { t } = useTranslation();
  const typeOptions = useTypeOptions();
  const locationOptions = useRegionDistrictOptions();
  const any = t('payer.page.any');
  return (
    <RegisterPage<PayerFilters, PayerRow>
      title={t('payer.page.title')}
      add={{ label: t('payer.page.new'), right: 'payer.payer.add' }}
      emptyFilters={EMPTY}
      queryKey="payer.payers"
      search={searchPayers}
      filters={(draft, set) => (
        <>
          <TextInput
            name="search"
            label={t('payer.field.name')}
            value={draft.search}
            onChange={(e) => set('search')(e.target.value)}
          />
          <SelectInput
            name="type"
            label={t('payer.field.type')}
            emptyLabel={any}
            options={typeOptions}
            value={draft.type}
            onChange={set('type')}
          />
          <SelectInput
            name="locationId"
            label={t('payer.field.location')}
            emptyLabel={any}
            options={locationOptions}
            value={draft.locationId}
            onChange={set('locationId')}
          />
        </>
      )}
      columns={[
        { key: 'name', header: t('payer.field.name') },
        {
          key: 'type',
          header: t('payer.field.type'),
          render: (p) => typeOptions.find((o) => o.value === p.type)?.label ?? p.type,
        },
        {
          key: 'location',
          header: t('payer.field.location'),
          render: (p) => (p.location ? `${p.location.code} — ${p.location.name}` : ''),
        },
        { key: 'phone', header: t('payer.field.phone') },
        { key: 'email', header: t('payer.field.email') },
      ]}
      dialog={(payer, onClose) => <PayerDialog payer={payer} locationOptions={locationOptions} onClose={onClose} />}
    />
  );
}

function PayerDialog({
  payer,
  locationOptions,
  onClose,
}: {
  payer: PayerRow | null;
  locationOptions: SelectOption[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const canEdit = hasRight(payer ? 'payer.payer.edit' : 'payer.payer.add');
  const [form, setForm] = useState<PayerFormInput>({
    type: payer?.type ?? '',
    name: payer?.name ?? '',
    address: payer?.address ?? '',
    locationId: payer?.locationId ?? '',
    phone: payer?.phone ?? '',
    fax: payer?.fax ?? '',
    email: payer?.email ?? '',
  });
  const { save, remove } = useRecordMutations({
    queryKey: 'payer.payers',
    save: () => {
      const input = {
        ...form,
        address: orNull(form.address),
        phone: orNull(form.phone),
        fax: orNull(form.fax),
        email: orNull(form.email),
      };
      return payer ? updatePayer(payer.id, input) : createPayer(input);
    },
    remove: () => deletePayer(payer?.id ?? ''),
    onClose,
  });
  const set = (k: keyof PayerFormInput) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const text = (k: 'name' | 'address' | 'phone' | 'fax' | 'email', max: number, required = false) => (
    <TextInput
      name={k}
      label={t(`payer.field.${k}`)}
      required={required}
      disabled={!canEdit}
      value={form[k] ?? ''}
      type={k === 'email' ? 'email' : k === 'phone' || k === 'fax' ? 'tel' : 'text'}
      slotProps={{ htmlInput: { maxLength: max } }}
      onChange={(e) => set(k)(e.target.value)}
      error={fieldError(save.error, k)}
    />
  );
  return (
    <RecordDialog
      title={payer ? t('payer.page.edit') : t('payer.page.new')}
      maxWidth="md"
      save={save}
      canSave={canEdit}
      remove={remove}
      confirmDelete={
        payer && hasRight('payer.payer.delete')
          ? { title: t('payer.page.deleteTitle', { name: payer.name }), message: t('payer.page.deleteBody') }
          : null
      }
      history={payer ? { entity: 'Payer', entityId: payer.id } : null}
      onClose={onClose}
    >
      <FormGrid columns={2}>
        <CodeSelect
          list="payerType"
          name="type"
          label={t('payer.field.type')}
          required
          disabled={!canEdit}
          value={form.type}
          onChange={set('type')}
          error={fieldError(save.error, 'type')}
        />
        {text('name', 100, true)}
        <SelectInput
          name="locationId"
          label={t('payer.field.location')}
          required
          disabled={!canEdit}
          options={locationOptions}
          value={locationOptions.some((o) => o.value === form.locationId) ? form.locationId : ''}
          onChange={set('locationId')}
          error={fieldError(save.error, 'locationId')}
        />
        {text('address', 100)}
        {text('phone', 50)}
        {text('fax', 50)}
        {text('email', 50)}
      </FormGrid>
    </RecordDialog>
  );
}
