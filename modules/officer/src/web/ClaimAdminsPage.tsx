import { FormGrid, RecordDialog, SelectInput, useAuth, useRecordMutations } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
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
import { confirmDelete, orNull, PersonRegisterPage, personInputs, UserInput, useFormInputs } from './shared';

const EMPTY: ClaimAdminFilters = { search: '', healthFacilityId: '' };

function useHfOptions() {
  const q = useQuery({ queryKey: ['officer.hfs'], queryFn: listHealthFacilities });
  return (q.data ?? []).map((h) => ({ value: h.id, label: `${h.code} — ${h.name}` }));
}

/** `/admin/claim-administrators`: search by code, name and facility; create, edit, delete; history. */
export function ClaimAdminsPage() {
  const { t } = useTranslation();
  const hfOptions = useHfOptions();
  return (
    <PersonRegisterPage<ClaimAdminFilters, ClaimAdminRow>
      title={t('officer.page.claimAdminsTitle')}
      add={{ label: t('officer.page.newClaimAdmin'), right: 'officer.claimAdmin.add' }}
      emptyFilters={EMPTY}
      queryKey="officer.claimAdmins"
      search={searchClaimAdmins}
      place={{
        filter: 'healthFacilityId',
        options: hfOptions,
        column: 'healthFacility',
        render: (c) => (c.healthFacility ? `${c.healthFacility.code} — ${c.healthFacility.name}` : ''),
      }}
      moreColumns={[{ key: 'email', header: t('officer.field.email') }]}
      dialog={(claimAdmin, onClose) => (
        <ClaimAdminDialog claimAdmin={claimAdmin} hfOptions={hfOptions} onClose={onClose} />
      )}
    />
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
  const { save, remove } = useRecordMutations({
    queryKey: 'officer.claimAdmins',
    save: () => (claimAdmin ? updateClaimAdmin(claimAdmin.id, input()) : createClaimAdmin(input())),
    remove: () => deleteClaimAdmin(claimAdmin?.id ?? ''),
    onClose,
  });
  const inputs = useFormInputs(form, setForm, save.error, canEdit);
  const { set, err } = inputs;
  return (
    <RecordDialog
      title={claimAdmin ? t('officer.page.edit', { code: claimAdmin.code }) : t('officer.page.newClaimAdmin')}
      maxWidth="lg"
      save={save}
      canSave={canEdit}
      remove={remove}
      confirmDelete={claimAdmin && hasRight('officer.claimAdmin.delete') ? confirmDelete(t, claimAdmin.code) : null}
      history={claimAdmin ? { entity: 'ClaimAdministrator', entityId: claimAdmin.id } : null}
      onClose={onClose}
    >
      <FormGrid columns={3}>
        {personInputs(inputs)}
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
    </RecordDialog>
  );
}
