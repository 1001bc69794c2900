import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, gql } from '../../api/http';
import { newMutationId } from '../../api/mutation-id';
import { useAuth } from '../../auth/AuthProvider';
import { ME_FIELDS, type Me } from '../../auth/me';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { TextInput } from '../../ui/TextInput';
import { NewPasswordFields, useNewPassword } from '../auth/NewPasswordFields';

const CHANGE_PASSWORD = `mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {
  changeMyPassword(input: $input) { me { ${ME_FIELDS} } }
}`;

/** `/profile/password`: current, new and confirmed password; shows the server's password-policy message. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { setUser } = useAuth();
  const [current, setCurrent] = useState('');
  const next = useNewPassword();
  const change = useMutation({
    mutationFn: () =>
      gql<{ changeMyPassword: { me: Me } }>(CHANGE_PASSWORD, {
        input: { clientMutationId: newMutationId(), currentPassword: current, newPassword: next.password },
      }),
    onSuccess: (d) => {
      setUser(d.changeMyPassword.me);
      setCurrent('');
      next.clear();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next.check()) change.mutate();
  };
  const canSubmit = current !== '' && next.password !== '' && next.confirm !== '' && !change.isPending;
  return (
    <>
      <PageHeader title={t('core.password.title')} />
      <Paper variant="outlined" sx={{ p: 3, maxWidth: 480 }}>
        <Box component="form" onSubmit={submit} noValidate aria-label={t('core.password.title')}>
          {change.isSuccess ? (
            <Alert severity="success" role="status" sx={{ mb: 2 }}>
              {t('core.password.changed')}
            </Alert>
          ) : null}
          <ErrorAlert error={change.error} />
          <TextInput
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            label={t('core.password.current')}
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            error={fieldError(change.error, 'currentPassword')}
          />
          <NewPasswordFields state={next} error={change.error} />
          <Button type="submit" variant="contained" disabled={!canSubmit} sx={{ mt: 3 }}>
            {t('core.password.submit')}
          </Button>
        </Box>
      </Paper>
    </>
  );
}
