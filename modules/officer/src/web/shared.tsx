import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import {
  ConfirmDialog,
  ErrorAlert,
  HistoryPanel,
  SelectInput,
  type SelectOption,
  TextInput,
  useAuth,
  useModuleConfig,
} from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
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

/** The create/edit dialog around a form: save, cancel, delete with confirmation, and the history when editing. */
export function EditDialog({
  title,
  code,
  entity,
  entityId,
  canEdit,
  canDelete,
  saving,
  error,
  onSave,
  onDelete,
  onClose,
  children,
}: {
  title: string;
  code: string;
  entity: string;
  entityId: string | null;
  canEdit: boolean;
  canDelete: boolean;
  saving: boolean;
  error: unknown;
  onSave: () => void;
  onDelete: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [deleting, setDeleting] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave();
  };
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-label={title}>
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={error} />
          {children}
          {entityId ? <HistoryPanel entity={entity} entityId={entityId} /> : null}
        </DialogContent>
        <DialogActions>
          {entityId && canDelete ? (
            <Button color="error" onClick={() => setDeleting(true)}>
              {t('officer.page.delete')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('officer.page.cancel')}</Button>
          {canEdit ? (
            <Button type="submit" variant="contained" disabled={saving}>
              {t('officer.page.save')}
            </Button>
          ) : null}
        </DialogActions>
      </Box>
      <ConfirmDialog
        open={deleting}
        title={t('officer.page.deleteTitle', { code })}
        message={t('officer.page.deleteBody')}
        danger
        onConfirm={() => {
          setDeleting(false);
          onDelete();
        }}
        onClose={() => setDeleting(false)}
      />
    </Dialog>
  );
}
