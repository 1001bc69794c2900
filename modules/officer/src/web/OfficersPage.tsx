import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { FormGrid, GqlError, RecordDialog, SelectInput, useAuth, useRecordMutations } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentOfficerInput } from '../domain/types';
import {
  createOfficer,
  deleteOfficer,
  type OfficerFilters,
  type OfficerRow,
  searchOfficers,
  updateOfficer,
  villagesOf,
} from './api';
import {
  confirmDelete,
  orNull,
  PersonRegisterPage,
  personInputs,
  UserInput,
  useDistrictOptions,
  useFormInputs,
  useLevels,
} from './shared';

const EMPTY: OfficerFilters = { search: '', locationId: '' };

/** `/admin/enrolment-officers`: search officers by code, name and district; create, edit, delete; history. */
export function OfficersPage() {
  const { t } = useTranslation();
  const districtOptions = useDistrictOptions();
  return (
    <PersonRegisterPage<OfficerFilters, OfficerRow>
      title={t('officer.page.officersTitle')}
      add={{ label: t('officer.page.newOfficer'), right: 'officer.officer.add' }}
      emptyFilters={EMPTY}
      queryKey="officer.officers"
      search={searchOfficers}
      place={{
        filter: 'locationId',
        options: districtOptions,
        column: 'location',
        render: (o) => (o.location ? `${o.location.code} — ${o.location.name}` : ''),
      }}
      moreColumns={[
        {
          key: 'substitute',
          header: t('officer.field.substituteId'),
          render: (o) => (o.substitute ? `${o.substitute.code} — ${o.substitute.lastName}` : ''),
        },
        {
          key: 'villages',
          header: t('officer.field.villageIds'),
          render: (o) => o.villages.map((v) => v.name).join(', '),
        },
      ]}
      dialog={(officer, onClose) => <OfficerDialog officer={officer} onClose={onClose} />}
    />
  );
}

type Form = Omit<
  Required<{ [K in keyof EnrolmentOfficerInput]: NonNullable<EnrolmentOfficerInput[K]> }>,
  'villageIds'
> & {
  villageIds: string[];
};

const TEXT = [
  'code',
  'lastName',
  'otherNames',
  'dob',
  'phone',
  'email',
  'locationId',
  'substituteId',
  'worksTo',
  'veoCode',
  'veoLastName',
  'veoOtherNames',
  'veoDob',
  'veoPhone',
  'address',
  'userId',
] as const;
type TextKey = (typeof TEXT)[number];

function toForm(o: OfficerRow | null): Form {
  const text = Object.fromEntries(TEXT.map((k) => [k, o?.[k] ?? ''])) as Record<TextKey, string>;
  return { ...text, phoneCommunication: o?.phoneCommunication ?? false, villageIds: o?.villageIds ?? [] };
}

function toInput(f: Form): EnrolmentOfficerInput {
  const text = Object.fromEntries(TEXT.map((k) => [k, orNull(f[k])])) as Record<TextKey, string | null>;
  return {
    ...text,
    code: f.code,
    lastName: f.lastName,
    otherNames: f.otherNames,
    locationId: f.locationId,
    phoneCommunication: f.phoneCommunication,
    villageIds: f.villageIds,
  };
}

/** Every field of an enrolment officer, villages limited to the chosen district. */
function OfficerDialog({ officer, onClose }: { officer: OfficerRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const levels = useLevels();
  const canEdit = hasRight(officer ? 'officer.officer.edit' : 'officer.officer.add');
  const [form, setForm] = useState<Form>(() => toForm(officer));
  const districtOptions = useDistrictOptions();
  const villages = useQuery({
    queryKey: ['officer.villages', form.locationId, levels.length],
    queryFn: () => villagesOf(form.locationId, Math.max(1, levels.length - 2)),
    enabled: form.locationId !== '',
  });
  const officers = useQuery({
    queryKey: ['officer.officers', 'all'],
    queryFn: () => searchOfficers(EMPTY, null, 500).then((c) => c.edges.map((e) => e.node)),
  });
  const substituteOptions = (officers.data ?? [])
    .filter((o) => o.id !== officer?.id)
    .map((o) => ({ value: o.id, label: `${o.code} — ${o.lastName} ${o.otherNames}` }));
  const villageOptions = (villages.data ?? []).map((v) => ({ value: v.id, label: `${v.code} — ${v.name}` }));
  const { save, remove } = useRecordMutations({
    queryKey: 'officer.officers',
    save: () => (officer ? updateOfficer(officer.id, toInput(form)) : createOfficer(toInput(form))),
    remove: () => deleteOfficer(officer?.id ?? ''),
    onClose,
  });
  const inputs = useFormInputs(form, setForm, save.error, canEdit);
  const { set, err, text, date } = inputs;
  const villageError =
    err('villageIds') ??
    (save.error instanceof GqlError
      ? save.error.problems.find((p) => p.field.startsWith('villageIds.'))?.message
      : undefined);
  return (
    <RecordDialog
      title={officer ? t('officer.page.edit', { code: officer.code }) : t('officer.page.newOfficer')}
      maxWidth="lg"
      save={save}
      canSave={canEdit}
      remove={remove}
      confirmDelete={officer && hasRight('officer.officer.delete') ? confirmDelete(t, officer.code) : null}
      history={officer ? { entity: 'EnrolmentOfficer', entityId: officer.id } : null}
      onClose={onClose}
    >
      <FormGrid columns={3}>
        {personInputs(inputs)}
        <SelectInput
          name="locationId"
          label={t('officer.field.locationId')}
          required
          disabled={!canEdit}
          options={districtOptions}
          value={districtOptions.some((o) => o.value === form.locationId) ? form.locationId : ''}
          // Villages belong to the district: a new district starts an empty list.
          onChange={(v) =>
            setForm((f) => ({ ...f, locationId: v, villageIds: v === f.locationId ? f.villageIds : [] }))
          }
          error={err('locationId')}
        />
        <SelectInput
          name="substituteId"
          label={t('officer.field.substituteId')}
          disabled={!canEdit}
          emptyLabel={t('officer.page.none')}
          options={substituteOptions}
          value={substituteOptions.some((o) => o.value === form.substituteId) ? form.substituteId : ''}
          onChange={set('substituteId')}
          error={err('substituteId')}
        />
        {date('worksTo')}
        {text('address', 200)}
        <UserInput value={form.userId} onChange={set('userId')} disabled={!canEdit} error={err('userId')} />
        <FormControlLabel
          control={
            <Switch
              name="phoneCommunication"
              checked={form.phoneCommunication}
              disabled={!canEdit}
              onChange={(e) => setForm((f) => ({ ...f, phoneCommunication: e.target.checked }))}
            />
          }
          label={t('officer.field.phoneCommunication')}
        />
      </FormGrid>
      <SelectInput
        multiple
        name="villageIds"
        label={t('officer.field.villageIds')}
        disabled={!canEdit || form.locationId === ''}
        helperText={form.locationId === '' ? t('officer.page.chooseDistrictFirst') : undefined}
        options={villageOptions}
        value={form.villageIds.filter((v) => villageOptions.some((o) => o.value === v))}
        onChange={(v) => setForm((f) => ({ ...f, villageIds: v }))}
        error={villageError}
      />
      <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
        {t('officer.page.veo')}
      </Typography>
      <FormGrid columns={3}>
        {text('veoCode', 25)}
        {text('veoLastName', 100)}
        {text('veoOtherNames', 100)}
        {date('veoDob')}
        {text('veoPhone', 25)}
      </FormGrid>
    </RecordDialog>
  );
}
