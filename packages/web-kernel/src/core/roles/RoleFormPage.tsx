import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/http';
import { useAuth } from '../../auth/AuthProvider';
import { useGo, useRouteParams } from '../../router/navigation';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormGrid } from '../../ui/FormGrid';
import { HistoryPanel } from '../../ui/HistoryPanel';
import { PageHeader } from '../../ui/PageHeader';
import { TextInput } from '../../ui/TextInput';
import { DeleteButton, EditForm, RecordLoader, useMutationThenGo } from '../shared/admin-pages';
import { RightsPicker } from './RightsPicker';
import {
  createRole,
  deleteRole,
  duplicateRole,
  listRights,
  listRoles,
  type Role,
  type RoleInput,
  updateRole,
} from './role-api';

function RoleForm({ record: role }: { record: Role | null }) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const go = useGo();
  const queryClient = useQueryClient();
  const isNew = role === null;
  const canEdit = isNew ? hasRight('core.role.add') : hasRight('core.role.edit');
  const [form, setForm] = useState<RoleInput>({
    name: role?.name ?? '',
    nameFr: role?.nameFr ?? '',
    rights: role?.rights ?? [],
    isBlocked: role?.isBlocked ?? false,
  });
  const [nameError, setNameError] = useState<string | undefined>();
  const [dupOpen, setDupOpen] = useState(false);
  const [dupName, setDupName] = useState('');
  const rights = useQuery({ queryKey: ['core.rights'], queryFn: listRights });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['core.roles'] });

  const backToList = { refresh: [['core.roles']], goTo: '/admin/roles' };
  const save = useMutationThenGo(() => (role ? updateRole(role.id, form) : createRole(form)), backToList);
  const block = useMutation({
    mutationFn: (isBlocked: boolean) => updateRole(role?.id ?? '', { ...form, isBlocked }),
    onSuccess: async (r) => {
      setForm((f) => ({ ...f, isBlocked: r.isBlocked }));
      await refresh();
    },
  });
  const duplicate = useMutation({
    mutationFn: () => duplicateRole(role?.id ?? '', dupName),
    onSuccess: async (r) => {
      setDupOpen(false);
      await refresh();
      go(`/admin/roles/${r.id}`);
    },
  });
  const remove = useMutationThenGo(() => deleteRole(role?.id ?? ''), backToList);

  const submit = () => {
    if (!form.name.trim()) {
      setNameError(t('core.form.required'));
      return;
    }
    setNameError(undefined);
    save.mutate();
  };

  return (
    <>
      <PageHeader
        title={isNew ? t('core.roles.new') : t('core.roles.edit', { name: role.name })}
        actions={
          role ? (
            <>
              {hasRight('core.role.add') ? (
                <Button
                  variant="outlined"
                  onClick={() => {
                    setDupName(t('core.roles.copyOf', { name: role.name }));
                    setDupOpen(true);
                  }}
                >
                  {t('core.roles.duplicate')}
                </Button>
              ) : null}
              {hasRight('core.role.edit') ? (
                <Button variant="outlined" disabled={block.isPending} onClick={() => block.mutate(!form.isBlocked)}>
                  {form.isBlocked ? t('core.roles.unblock') : t('core.roles.block')}
                </Button>
              ) : null}
              {hasRight('core.role.delete') ? (
                <DeleteButton
                  title={t('core.roles.deleteTitle')}
                  message={t('core.roles.deleteConfirm', { name: role.name })}
                  remove={remove}
                />
              ) : null}
            </>
          ) : null
        }
      />
      {form.isBlocked ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('core.roles.blockedNotice')}
        </Alert>
      ) : null}
      <ErrorAlert error={block.error} />
      <EditForm
        label={t('core.roles.formLabel')}
        error={save.error}
        cancelTo="/admin/roles"
        canSave={canEdit}
        saving={save.isPending}
        onSubmit={submit}
      >
        <FormGrid columns={2}>
          <TextInput
            name="name"
            label={t('core.role.name')}
            required
            disabled={!canEdit}
            value={form.name}
            onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
            error={nameError ?? fieldError(save.error, 'name')}
          />
          <TextInput
            name="nameFr"
            label={t('core.role.nameFr')}
            disabled={!canEdit}
            value={form.nameFr}
            onChange={(e) => setForm((f) => ({ ...f, nameFr: e.target.value }))}
            error={fieldError(save.error, 'nameFr')}
          />
        </FormGrid>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {t('core.role.rights')} ({form.rights.length})
        </Typography>
        <ErrorAlert error={rights.error} />
        {rights.isLoading ? <LinearProgress aria-label={t('core.table.loading')} /> : null}
        <RightsPicker
          rights={rights.data ?? []}
          value={form.rights}
          disabled={!canEdit}
          onChange={(r) => setForm((f) => ({ ...f, rights: r }))}
        />
      </EditForm>
      {role ? (
        <>
          <HistoryPanel entity="Role" entityId={role.id} />
          <ConfirmDialog
            open={dupOpen}
            title={t('core.roles.duplicate')}
            message={t('core.roles.duplicateMessage', { name: role.name })}
            confirmLabel={t('core.roles.duplicate')}
            busy={duplicate.isPending || dupName.trim() === ''}
            onClose={() => setDupOpen(false)}
            onConfirm={() => duplicate.mutate()}
          >
            <ErrorAlert error={duplicate.error} />
            <TextInput
              name="duplicateName"
              label={t('core.role.name')}
              value={dupName}
              onChange={(e) => setDupName(e.target.value)}
              error={fieldError(duplicate.error, 'name')}
              sx={{ mt: 2 }}
            />
          </ConfirmDialog>
        </>
      ) : null}
    </>
  );
}

/** `/admin/roles/new` and `/admin/roles/$id`: create or edit a role and its rights. */
export function RoleFormPage() {
  const { t } = useTranslation();
  const { id } = useRouteParams();
  const role = useQuery({
    queryKey: ['core.roles'],
    queryFn: listRoles,
    enabled: Boolean(id),
    select: (roles) => roles.find((r) => r.id === id) ?? null,
  });
  if (!id) return <RoleForm record={null} />;
  return (
    <RecordLoader query={role} notFound={t('core.roles.notFound')}>
      {(r) => <RoleForm key={r.id} record={r} />}
    </RecordLoader>
  );
}
