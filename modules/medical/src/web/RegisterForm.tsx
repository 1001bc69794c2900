import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Switch from '@mui/material/Switch';
import { CodeSelect } from '@mutua/codelist/web';
import {
  ConfirmDialog,
  ErrorAlert,
  FormGrid,
  fieldError,
  PageHeader,
  TextInput,
  useAuth,
  useGo,
} from '@mutua/web-kernel';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteRegisterRow, type RegisterKind, type RegisterRow, saveRegisterRow } from './api';
import { FIELDS, type FieldSpec, PAGES } from './fields';
import { PatientCategoryInput } from './PatientCategoryInput';

type Form = Record<string, string | number | boolean>;

function toForm(kind: RegisterKind, row: RegisterRow | null): Form {
  const r = (row ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    FIELDS[kind].map((f) => {
      const v = r[f.name];
      if (f.kind === 'patientCategory') return [f.name, typeof v === 'number' ? v : 15];
      if (f.kind === 'bool') return [f.name, v === true];
      if (f.name === 'packageType') return [f.name, (v as string | undefined) ?? 'S'];
      return [f.name, v === null || v === undefined ? '' : String(v)];
    }),
  );
}

/** Blank text is null for the API; a frequency that is not a whole number goes as-is for the server to refuse. */
function toInput(kind: RegisterKind, form: Form): Record<string, unknown> {
  return Object.fromEntries(
    FIELDS[kind].map((f) => {
      const v = form[f.name];
      if (f.kind === 'int') return [f.name, v === '' ? null : Number.isInteger(Number(v)) ? Number(v) : -1];
      if (typeof v === 'string') return [f.name, v.trim() === '' ? null : v.trim()];
      return [f.name, v];
    }),
  );
}

/** The create/edit form of an item or a service, with every field of its register. */
export function RegisterForm({ kind, row }: { kind: RegisterKind; row: RegisterRow | null }) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const go = useGo();
  const queryClient = useQueryClient();
  const page = PAGES[kind];
  const canEdit = hasRight(row ? page.rights.edit : page.rights.add);
  const [form, setForm] = useState<Form>(() => toForm(kind, row));
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => saveRegisterRow(kind, row?.id ?? null, toInput(kind, form)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: [`medical.${kind}`] });
      queryClient.setQueryData([`medical.${kind}.one`, saved.id], saved);
      if (row) {
        setNotice(t('medical.page.saved'));
        await queryClient.invalidateQueries({ queryKey: ['core.auditHistory', page.entity, saved.id] });
      } else {
        go(page.path);
      }
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteRegisterRow(kind, row?.id ?? ''),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [`medical.${kind}`] });
      go(page.path);
    },
  });
  const set = (name: string) => (v: string | number | boolean) => setForm((f) => ({ ...f, [name]: v }));
  const err = (name: string) => fieldError(save.error, name);
  const input = (f: FieldSpec) => {
    const label = t(`medical.field.${f.name}`);
    const value = form[f.name];
    switch (f.kind) {
      case 'patientCategory':
        return (
          <PatientCategoryInput
            key={f.name}
            value={value as number}
            onChange={set(f.name)}
            disabled={!canEdit}
            error={err(f.name)}
          />
        );
      case 'bool':
        return (
          <FormControlLabel
            key={f.name}
            label={label}
            control={
              <Switch
                name={f.name}
                checked={value === true}
                disabled={!canEdit}
                onChange={(e) => set(f.name)(e.target.checked)}
              />
            }
          />
        );
      case 'select':
        return (
          <CodeSelect
            key={f.name}
            list={f.list}
            name={f.name}
            label={label}
            required={!!f.required}
            disabled={!canEdit}
            value={value as string}
            onChange={set(f.name)}
            error={err(f.name)}
            {...(f.required ? {} : { emptyLabel: '—' })}
          />
        );
      default:
        return (
          <TextInput
            key={f.name}
            name={f.name}
            label={label}
            required={'required' in f && !!f.required}
            disabled={!canEdit}
            value={value as string}
            slotProps={{
              htmlInput:
                f.kind === 'text' ? { maxLength: f.max } : { inputMode: f.kind === 'int' ? 'numeric' : 'decimal' },
            }}
            onChange={(e) => set(f.name)(e.target.value)}
            error={err(f.name)}
          />
        );
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const title = row ? t(page.editTitle, { code: row.code }) : t(page.newTitle);
  return (
    <>
      <PageHeader
        title={title}
        subtitle={row?.name}
        actions={
          row && hasRight(page.rights.delete) ? (
            <Button variant="outlined" color="error" onClick={() => setDeleting(true)}>
              {t('medical.page.delete')}
            </Button>
          ) : null
        }
      />
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Box component="form" onSubmit={submit} noValidate aria-label={title}>
          <ErrorAlert error={save.error} />
          <FormGrid columns={3}>{FIELDS[kind].map(input)}</FormGrid>
          {canEdit ? (
            <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', mt: 3 }}>
              <Button type="submit" variant="contained" disabled={save.isPending}>
                {t('medical.page.save')}
              </Button>
            </Box>
          ) : null}
        </Box>
      </Paper>
      <ConfirmDialog
        open={deleting}
        title={t('medical.page.delete')}
        message={row ? t('medical.page.confirmDelete', { code: row.code }) : ''}
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
