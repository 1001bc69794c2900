import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { CodeSelect } from '@mutua/codelist/web';
import {
  ConfirmDialog,
  ErrorAlert,
  FormGrid,
  fieldError,
  GqlError,
  PageHeader,
  SelectInput,
  TextInput,
  useAuth,
  useGo,
} from '@mutua/web-kernel';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createHealthFacility,
  deleteHealthFacility,
  type HealthFacilityInput,
  type HealthFacilityRow,
  updateHealthFacility,
} from './api';
import { CatchmentEditor, type CatchmentLine } from './CatchmentEditor';
import { CODE_LISTS, type CodeKind, useDistrictOptions } from './options';

type Form = Omit<HealthFacilityInput, 'catchments'> & { catchments: CatchmentLine[] };

/** The fields a facility may leave blank: empty text on the form, null for the API (the server trims and stores NULL). */
const OPTIONAL = [
  'accCode',
  'subLevel',
  'address',
  'phone',
  'fax',
  'email',
  'contractStartDate',
  'contractEndDate',
] as const;
/** The text fields every facility fills in. */
const REQUIRED = ['code', 'name', 'legalForm', 'level', 'careType', 'locationId'] as const;

/** An object of these keys, each with its value. */
const fieldsOf = <K extends string, V>(keys: readonly K[], value: (k: K) => V) =>
  Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;

/** Empty text means "no value" for the API. */
const orNull = (v: string | null) => (v === null || v.trim() === '' ? null : v);

function toForm(hf: HealthFacilityRow | null): Form {
  return {
    ...fieldsOf([...REQUIRED, ...OPTIONAL], (k) => hf?.[k] ?? ''),
    status: hf?.status ?? 'AC',
    offline: hf?.offline ?? false,
    catchments: (hf?.catchments ?? []).map((c) => ({
      village: c.village ?? { id: c.villageId, code: '?', name: c.villageId },
      percentage: c.percentage,
    })),
  };
}

function toInput(f: Form): HealthFacilityInput {
  return {
    ...f,
    ...fieldsOf(OPTIONAL, (k) => orNull(f[k])),
    // An emptied percentage goes to the server as -1, which it refuses on that line, rather than silently as 0.
    catchments: f.catchments.map((c) => ({ villageId: c.village.id, percentage: c.percentage ?? -1 })),
  };
}

/** Every field of a health facility (DOMAIN.md §4.2, price lists aside) with its catchment villages. */
export function HealthFacilityForm({ hf }: { hf: HealthFacilityRow | null }) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const go = useGo();
  const queryClient = useQueryClient();
  const canEdit = hasRight(hf ? 'location.hf.edit' : 'location.hf.add');
  const [form, setForm] = useState<Form>(() => toForm(hf));
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const districtOptions = useDistrictOptions();
  const save = useMutation({
    mutationFn: () => (hf ? updateHealthFacility(hf.id, toInput(form)) : createHealthFacility(toInput(form))),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['location.hfs'] });
      queryClient.setQueryData(['location.hf', saved.id], saved);
      if (hf) {
        setNotice(t('location.hf.saved'));
        await queryClient.invalidateQueries({ queryKey: ['core.auditHistory', 'HealthFacility', saved.id] });
      } else {
        go('/admin/health-facilities');
      }
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteHealthFacility(hf?.id ?? ''),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['location.hfs'] });
      go('/admin/health-facilities');
    },
  });
  const set = (k: keyof Omit<Form, 'offline' | 'catchments'>) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const err = (k: string) => fieldError(save.error, k);
  const text = (
    k: 'code' | 'name' | 'accCode' | 'address' | 'phone' | 'fax' | 'email',
    max: number,
    required = false,
  ) => (
    <TextInput
      name={k}
      label={t(`location.field.${k}`)}
      required={required}
      disabled={!canEdit}
      value={form[k] ?? ''}
      slotProps={{ htmlInput: { maxLength: max } }}
      type={k === 'email' ? 'email' : k === 'phone' || k === 'fax' ? 'tel' : 'text'}
      onChange={(e) => set(k)(e.target.value)}
      error={err(k)}
    />
  );
  // The options are the code lists' active entries, named as the administrator named them (DOMAIN.md §3).
  const select = (k: CodeKind, required: boolean) => (
    <CodeSelect
      list={CODE_LISTS[k]}
      name={k}
      label={t(`location.field.${k}`)}
      required={required}
      disabled={!canEdit}
      value={form[k] ?? ''}
      onChange={set(k)}
      error={err(k)}
      {...(required ? {} : { emptyLabel: '—' })}
    />
  );
  const date = (k: 'contractStartDate' | 'contractEndDate') => (
    <TextInput
      name={k}
      type="date"
      label={t(`location.field.${k}`)}
      disabled={!canEdit}
      value={form[k] ?? ''}
      onChange={(e) => set(k)(e.target.value)}
      error={err(k)}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  // Field problems not shown beside a field (e.g. a catchment line) still appear in the alert.
  const catchmentError = (i: number, f: 'villageId' | 'percentage') =>
    save.error instanceof GqlError
      ? save.error.problems.find((p) => p.field === `catchments.${i}.${f}`)?.message
      : undefined;
  return (
    <>
      <PageHeader
        title={hf ? t('location.hf.editTitle', { code: hf.code }) : t('location.hf.new')}
        subtitle={hf?.name}
        actions={
          hf && hasRight('location.hf.delete') ? (
            <Button variant="outlined" color="error" onClick={() => setDeleting(true)}>
              {t('location.locations.delete')}
            </Button>
          ) : null
        }
      />
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Box component="form" onSubmit={submit} noValidate aria-label={hf ? hf.name : t('location.hf.new')}>
          <ErrorAlert error={save.error} />
          <Typography variant="h6" component="h2">
            {t('location.hf.general')}
          </Typography>
          <FormGrid columns={3}>
            {text('code', 8, true)}
            {text('name', 100, true)}
            {text('accCode', 25)}
            {select('legalForm', true)}
            {select('level', true)}
            {select('subLevel', false)}
            {select('careType', true)}
            <SelectInput
              name="locationId"
              label={t('location.field.district')}
              required
              disabled={!canEdit}
              options={districtOptions ?? []}
              value={districtOptions ? form.locationId : ''}
              onChange={set('locationId')}
              error={err('locationId')}
            />
            {select('status', true)}
          </FormGrid>
          <Typography variant="h6" component="h2">
            {t('location.hf.contact')}
          </Typography>
          <FormGrid columns={2}>
            {text('address', 100)}
            {text('phone', 50)}
            {text('fax', 50)}
            {text('email', 50)}
          </FormGrid>
          <Typography variant="h6" component="h2">
            {t('location.hf.contract')}
          </Typography>
          <FormGrid columns={3}>
            {date('contractStartDate')}
            {date('contractEndDate')}
            <FormControlLabel
              control={
                <Switch
                  name="offline"
                  checked={form.offline}
                  disabled={!canEdit}
                  onChange={(e) => setForm((f) => ({ ...f, offline: e.target.checked }))}
                />
              }
              label={t('location.field.offline')}
            />
          </FormGrid>
          <CatchmentEditor
            lines={form.catchments}
            onChange={(catchments) => setForm((f) => ({ ...f, catchments }))}
            disabled={!canEdit}
            errorOf={catchmentError}
          />
          {canEdit ? (
            <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', mt: 3 }}>
              <Button onClick={() => go('/admin/health-facilities')}>{t('location.action.cancel')}</Button>
              <Button type="submit" variant="contained" disabled={save.isPending}>
                {t('location.action.save')}
              </Button>
            </Box>
          ) : null}
        </Box>
      </Paper>
      <ConfirmDialog
        open={deleting}
        title={t('location.hf.deleteConfirm')}
        message={hf ? `${hf.code} — ${hf.name}` : ''}
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      >
        <ErrorAlert error={remove.error} />
      </ConfirmDialog>
      <Snackbar open={notice !== null} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} />
    </>
  );
}
