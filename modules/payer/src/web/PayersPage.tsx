import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { CodeSelect, entryLabel, useCodeListData } from '@mutua/codelist/web';
import {
  ConfirmDialog,
  DataTable,
  ErrorAlert,
  FormGrid,
  fieldError,
  HistoryPanel,
  PageHeader,
  SearchFilters,
  SelectInput,
  type SelectOption,
  TextInput,
  useAuth,
  useConnection,
  useModuleConfig,
} from '@mutua/web-kernel';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
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
  const { hasRight } = useAuth();
  const [draft, setDraft] = useState<PayerFilters>(EMPTY);
  const [filters, setFilters] = useState<PayerFilters>(EMPTY);
  // null: closed; 'new': the empty form; a row: that payer's form.
  const [editing, setEditing] = useState<PayerRow | 'new' | null>(null);
  const list = useConnection<PayerRow>(['payer.payers', filters], (after) => searchPayers(filters, after));
  const typeOptions = useTypeOptions();
  const locationOptions = useRegionDistrictOptions();
  const any = t('payer.page.any');
  const set = (k: keyof PayerFilters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  return (
    <>
      <PageHeader
        title={t('payer.page.title')}
        actions={
          hasRight('payer.payer.add') ? (
            <Button variant="contained" onClick={() => setEditing('new')}>
              {t('payer.page.new')}
            </Button>
          ) : null
        }
      />
      <SearchFilters
        onSearch={() => setFilters(draft)}
        onReset={() => {
          setDraft(EMPTY);
          setFilters(EMPTY);
        }}
      >
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
      </SearchFilters>
      <DataTable<PayerRow>
        label={t('payer.page.title')}
        onRowClick={(p) => setEditing(p)}
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
        {...list.tableProps}
      />
      {editing ? (
        <PayerDialog
          key={editing === 'new' ? 'new' : editing.id}
          payer={editing === 'new' ? null : editing}
          locationOptions={locationOptions}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
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
  const queryClient = useQueryClient();
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
  const [deleting, setDeleting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['payer.payers'] });
  const save = useMutation({
    mutationFn: () => {
      const input = {
        ...form,
        address: orNull(form.address),
        phone: orNull(form.phone),
        fax: orNull(form.fax),
        email: orNull(form.email),
      };
      return payer ? updatePayer(payer.id, input) : createPayer(input);
    },
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const remove = useMutation({
    mutationFn: () => deletePayer(payer?.id ?? ''),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const title = payer ? t('payer.page.edit') : t('payer.page.new');
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-label={title}>
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={save.error ?? remove.error} />
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
          {payer ? <HistoryPanel entity="Payer" entityId={payer.id} /> : null}
        </DialogContent>
        <DialogActions>
          {payer && hasRight('payer.payer.delete') ? (
            <Button color="error" onClick={() => setDeleting(true)}>
              {t('payer.page.delete')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('payer.page.cancel')}</Button>
          {canEdit ? (
            <Button type="submit" variant="contained" disabled={save.isPending}>
              {t('payer.page.save')}
            </Button>
          ) : null}
        </DialogActions>
      </Box>
      <ConfirmDialog
        open={deleting}
        title={t('payer.page.deleteTitle', { name: payer?.name ?? '' })}
        message={t('payer.page.deleteBody')}
        danger
        busy={remove.isPending}
        onConfirm={() => {
          setDeleting(false);
          remove.mutate();
        }}
        onClose={() => setDeleting(false)}
      />
    </Dialog>
  );
}
