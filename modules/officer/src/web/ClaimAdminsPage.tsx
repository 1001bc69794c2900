import Button from '@mui/material/Button';
import {
  DataTable,
  FormGrid,
  fieldError,
  PageHeader,
  SearchFilters,
  SelectInput,
  TextInput,
  useAuth,
  useConnection,
} from '@mutua/web-kernel';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ClaimAdminFilters,
  type ClaimAdminRow,
  createClaimAdmin,
  deleteClaimAdmin,
  listHealthFacilities,
  searchClaimAdmins,
  updateClaimAdmin,
} from './api';
import { EditDialog, orNull, UserInput } from './shared';

const EMPTY: ClaimAdminFilters = { search: '', healthFacilityId: '' };

function useHfOptions() {
  const q = useQuery({ queryKey: ['officer.hfs'], queryFn: listHealthFacilities });
  return (q.data ?? []).map((h) => ({ value: h.id, label: `${h.code} — ${h.name}` }));
}

/** `/admin/claim-administrators`: search by code, name and facility; create, edit, delete; history. */
export function ClaimAdminsPage() {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const [draft, setDraft] = useState<ClaimAdminFilters>(EMPTY);
  const [filters, setFilters] = useState<ClaimAdminFilters>(EMPTY);
  const [editing, setEditing] = useState<ClaimAdminRow | 'new' | null>(null);
  const list = useConnection<ClaimAdminRow>(['officer.claimAdmins', filters], (after) =>
    searchClaimAdmins(filters, after),
  );
  const hfOptions = useHfOptions();
  return (
    <>
      <PageHeader
        title={t('officer.page.claimAdminsTitle')}
        actions={
          hasRight('officer.claimAdmin.add') ? (
            <Button variant="contained" onClick={() => setEditing('new')}>
              {t('officer.page.newClaimAdmin')}
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
          label={t('officer.page.search')}
          value={draft.search}
          onChange={(e) => setDraft((d) => ({ ...d, search: e.target.value }))}
        />
        <SelectInput
          name="healthFacilityId"
          label={t('officer.field.healthFacilityId')}
          emptyLabel={t('officer.page.any')}
          options={hfOptions}
          value={draft.healthFacilityId}
          onChange={(v) => setDraft((d) => ({ ...d, healthFacilityId: v }))}
        />
      </SearchFilters>
      <DataTable<ClaimAdminRow>
        label={t('officer.page.claimAdminsTitle')}
        onRowClick={(c) => setEditing(c)}
        columns={[
          { key: 'code', header: t('officer.field.code') },
          { key: 'lastName', header: t('officer.field.lastName') },
          { key: 'otherNames', header: t('officer.field.otherNames') },
          {
            key: 'healthFacility',
            header: t('officer.field.healthFacilityId'),
            render: (c) => (c.healthFacility ? `${c.healthFacility.code} — ${c.healthFacility.name}` : ''),
          },
          { key: 'phone', header: t('officer.field.phone') },
          { key: 'email', header: t('officer.field.email') },
        ]}
        {...list.tableProps}
      />
      {editing ? (
        <ClaimAdminDialog
          key={editing === 'new' ? 'new' : editing.id}
          claimAdmin={editing === 'new' ? null : editing}
          hfOptions={hfOptions}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

type TextKey = 'code' | 'lastName' | 'otherNames' | 'dob' | 'phone' | 'email' | 'healthFacilityId' | 'userId';

function ClaimAdminDialog({
  claimAdmin,
  hfOptions,
  onClose,
}: {
  claimAdmin: ClaimAdminRow | null;
  hfOptions: Array<{ value: string; label: string }>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const queryClient = useQueryClient();
  const canEdit = hasRight(claimAdmin ? 'officer.claimAdmin.edit' : 'officer.claimAdmin.add');
  const [form, setForm] = useState<Record<TextKey, string>>({
    code: claimAdmin?.code ?? '',
    lastName: claimAdmin?.lastName ?? '',
    otherNames: claimAdmin?.otherNames ?? '',
    dob: claimAdmin?.dob ?? '',
    phone: claimAdmin?.phone ?? '',
    email: claimAdmin?.email ?? '',
    healthFacilityId: claimAdmin?.healthFacilityId ?? '',
    userId: claimAdmin?.userId ?? '',
  });
  const input = () => ({
    code: form.code,
    lastName: form.lastName,
    otherNames: form.otherNames,
    healthFacilityId: form.healthFacilityId,
    dob: orNull(form.dob),
    phone: orNull(form.phone),
    email: orNull(form.email),
    userId: orNull(form.userId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['officer.claimAdmins'] });
  const save = useMutation({
    mutationFn: () => (claimAdmin ? updateClaimAdmin(claimAdmin.id, input()) : createClaimAdmin(input())),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteClaimAdmin(claimAdmin?.id ?? ''),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const set = (k: TextKey) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const err = (k: string) => fieldError(save.error, k);
  const text = (k: TextKey, max: number, required = false) => (
    <TextInput
      name={k}
      label={t(`officer.field.${k}`)}
      required={required}
      disabled={!canEdit}
      value={form[k]}
      type={k === 'email' ? 'email' : k === 'phone' ? 'tel' : 'text'}
      slotProps={{ htmlInput: { maxLength: max } }}
      onChange={(e) => set(k)(e.target.value)}
      error={err(k)}
    />
  );
  return (
    <EditDialog
      title={claimAdmin ? t('officer.page.edit', { code: claimAdmin.code }) : t('officer.page.newClaimAdmin')}
      code={claimAdmin?.code ?? ''}
      entity="ClaimAdministrator"
      entityId={claimAdmin?.id ?? null}
      canEdit={canEdit}
      canDelete={hasRight('officer.claimAdmin.delete')}
      saving={save.isPending}
      error={save.error ?? remove.error}
      onSave={() => save.mutate()}
      onDelete={() => remove.mutate()}
      onClose={onClose}
    >
      <FormGrid columns={3}>
        {text('code', 8, true)}
        {text('lastName', 100, true)}
        {text('otherNames', 100, true)}
        <TextInput
          name="dob"
          type="date"
          label={t('officer.field.dob')}
          disabled={!canEdit}
          value={form.dob}
          onChange={(e) => set('dob')(e.target.value)}
          error={err('dob')}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {text('phone', 50)}
        {text('email', 200)}
        <SelectInput
          name="healthFacilityId"
          label={t('officer.field.healthFacilityId')}
          required
          disabled={!canEdit}
          options={hfOptions}
          value={hfOptions.some((o) => o.value === form.healthFacilityId) ? form.healthFacilityId : ''}
          onChange={set('healthFacilityId')}
          error={err('healthFacilityId')}
        />
        <UserInput value={form.userId} onChange={set('userId')} disabled={!canEdit} error={err('userId')} />
      </FormGrid>
    </EditDialog>
  );
}
