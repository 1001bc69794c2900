import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Snackbar from '@mui/material/Snackbar';
import Switch from '@mui/material/Switch';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/http';
import { useAuth } from '../../auth/AuthProvider';
import { isLanguage, languageNames, languages } from '../../i18n/create-i18n';
import { useRouteParams } from '../../router/navigation';
import { FormGrid } from '../../ui/FormGrid';
import { HistoryPanel } from '../../ui/HistoryPanel';
import { PageHeader } from '../../ui/PageHeader';
import { SelectInput } from '../../ui/SelectInput';
import { TextInput } from '../../ui/TextInput';
import { listRoles } from '../roles/role-api';
import { DeleteButton, EditForm, RecordLoader, useMutationThenGo } from '../shared/admin-pages';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { createUser, deleteUser, getUser, listDistricts, type UserInput, type UserRow, updateUser } from './user-api';

type Errors = Partial<Record<keyof UserInput | 'confirmPassword', string>>;

function toInput(user: UserRow | null, language: 'en' | 'fr'): UserInput {
  return {
    username: user?.username ?? '',
    lastName: user?.lastName ?? '',
    otherNames: user?.otherNames ?? '',
    email: user?.email ?? '',
    phone: user?.phone ?? '',
    language: user?.language ?? language,
    password: '',
    roleIds: user?.roles.map((r) => r.id) ?? [],
    districtIds: user?.districtIds ?? [],
    isActive: user?.isActive ?? true,
  };
}

function UserForm({ user }: { user: UserRow | null }) {
  const { t, i18n } = useTranslation();
  const { hasRight } = useAuth();
  const isNew = user === null;
  const canEdit = isNew ? hasRight('core.user.add') : hasRight('core.user.edit');
  const [form, setForm] = useState<UserInput>(() => toInput(user, isLanguage(i18n.language) ? i18n.language : 'en'));
  const [confirmPassword, setConfirmPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [resetting, setResetting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const set =
    <K extends keyof UserInput>(key: K) =>
    (value: UserInput[K]) =>
      setForm((f) => ({ ...f, [key]: value }));

  const roles = useQuery({ queryKey: ['core.roles'], queryFn: listRoles });
  const districts = useQuery({ queryKey: ['core.districts'], queryFn: listDistricts, retry: false });

  const save = useMutationThenGo(() => (user ? updateUser(user.id, form, user.healthFacilityId) : createUser(form)), {
    refresh: [['core.users'], ['core.user']],
    goTo: '/admin/users',
  });
  const remove = useMutationThenGo(() => deleteUser(user?.id ?? ''), {
    refresh: [['core.users']],
    goTo: '/admin/users',
  });

  const validate = (): Errors => {
    const e: Errors = {};
    const required = t('core.form.required');
    if (isNew && !form.username.trim()) e.username = required;
    if (!form.lastName.trim()) e.lastName = required;
    if (!form.otherNames.trim()) e.otherNames = required;
    if (isNew && !form.password) e.password = required;
    if (isNew && form.password !== confirmPassword) e.confirmPassword = t('core.password.mismatch');
    return e;
  };
  const submit = () => {
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length === 0) save.mutate();
  };
  const err = (k: keyof Errors) => errors[k] ?? fieldError(save.error, k);
  const roleOptions = (roles.data ?? []).map((r) => ({
    value: r.id,
    label:
      (i18n.language === 'fr' && r.nameFr ? r.nameFr : r.name) + (r.isBlocked ? ` (${t('core.roles.blocked')})` : ''),
  }));
  const districtOptions = (districts.data ?? []).map((d) => ({ value: d.id, label: `${d.code} — ${d.name}` }));

  return (
    <>
      <PageHeader
        title={isNew ? t('core.users.new') : t('core.users.edit', { username: user.username })}
        actions={
          user ? (
            <>
              {hasRight('core.user.edit') ? (
                <Button variant="outlined" onClick={() => setResetting(true)}>
                  {t('core.users.resetPassword')}
                </Button>
              ) : null}
              {hasRight('core.user.delete') ? (
                <DeleteButton
                  title={t('core.users.deleteTitle')}
                  message={t('core.users.deleteConfirm', { username: user.username })}
                  remove={remove}
                />
              ) : null}
            </>
          ) : null
        }
      />
      <EditForm
        label={t('core.users.formLabel')}
        error={save.error}
        cancelTo="/admin/users"
        canSave={canEdit}
        saving={save.isPending}
        onSubmit={submit}
      >
        <FormGrid columns={2}>
          <TextInput
            name="username"
            label={t('core.user.username')}
            required
            disabled={!isNew || !canEdit}
            autoComplete="off"
            value={form.username}
            onChange={(e) => set('username')(e.target.value)}
            error={err('username')}
          />
          <SelectInput
            name="language"
            label={t('core.user.language')}
            disabled={!canEdit}
            value={form.language}
            options={languages.map((l) => ({ value: l, label: languageNames[l] }))}
            onChange={(v) => {
              if (isLanguage(v)) set('language')(v);
            }}
          />
          <TextInput
            name="lastName"
            label={t('core.user.lastName')}
            required
            disabled={!canEdit}
            value={form.lastName}
            onChange={(e) => set('lastName')(e.target.value)}
            error={err('lastName')}
          />
          <TextInput
            name="otherNames"
            label={t('core.user.otherNames')}
            required
            disabled={!canEdit}
            value={form.otherNames}
            onChange={(e) => set('otherNames')(e.target.value)}
            error={err('otherNames')}
          />
          <TextInput
            name="email"
            type="email"
            label={t('core.user.email')}
            disabled={!canEdit}
            value={form.email}
            onChange={(e) => set('email')(e.target.value)}
            error={err('email')}
          />
          <TextInput
            name="phone"
            type="tel"
            label={t('core.user.phone')}
            disabled={!canEdit}
            value={form.phone}
            onChange={(e) => set('phone')(e.target.value)}
            error={err('phone')}
          />
          {isNew ? (
            <>
              <TextInput
                name="password"
                type="password"
                autoComplete="new-password"
                label={t('core.user.password')}
                required
                value={form.password}
                onChange={(e) => set('password')(e.target.value)}
                error={err('password')}
              />
              <TextInput
                name="confirmPassword"
                type="password"
                autoComplete="new-password"
                label={t('core.password.confirm')}
                required
                value={confirmPassword}
                onChange={(e) => setConfirmPassword(e.target.value)}
                error={err('confirmPassword')}
              />
            </>
          ) : null}
          <SelectInput
            multiple
            name="roleIds"
            label={t('core.user.roles')}
            disabled={!canEdit}
            value={form.roleIds}
            options={roleOptions}
            onChange={set('roleIds')}
            error={err('roleIds')}
            helperText={roles.error ? t('core.users.rolesUnavailable') : undefined}
          />
          <SelectInput
            multiple
            name="districtIds"
            label={t('core.user.districts')}
            disabled={!canEdit || Boolean(districts.error)}
            value={form.districtIds}
            options={districtOptions}
            onChange={set('districtIds')}
            error={err('districtIds')}
            helperText={districts.error ? t('core.users.districtsUnavailable') : t('core.users.districtsHelp')}
          />
          <FormControlLabel
            control={
              <Switch
                name="isActive"
                checked={form.isActive}
                disabled={!canEdit}
                onChange={(e) => set('isActive')(e.target.checked)}
              />
            }
            label={t('core.user.active')}
          />
        </FormGrid>
      </EditForm>
      {user ? (
        <>
          <HistoryPanel entity="User" entityId={user.id} />
          <ResetPasswordDialog
            userId={user.id}
            username={user.username}
            open={resetting}
            onClose={() => setResetting(false)}
            onDone={() => {
              setResetting(false);
              setNotice(t('core.users.passwordReset'));
            }}
          />
        </>
      ) : null}
      <Snackbar open={notice !== null} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} />
    </>
  );
}

/** `/admin/users/new` and `/admin/users/$id`: create or edit a user. */
export function UserFormPage() {
  const { t } = useTranslation();
  const { id } = useRouteParams();
  const user = useQuery({ queryKey: ['core.user', id], queryFn: () => getUser(id ?? ''), enabled: Boolean(id) });
  if (!id) return <UserForm user={null} />;
  return (
    <RecordLoader query={user} notFound={t('core.users.notFound')}>
      {(u) => <UserForm key={u.id} user={u} />}
    </RecordLoader>
  );
}
