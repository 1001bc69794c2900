import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/http';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextInput } from '../../ui/TextInput';
import { resetUserPassword } from './user-api';

/** Lets an administrator set a new password for a user. */
export function ResetPasswordDialog({
  userId,
  username,
  open,
  onClose,
  onDone,
}: {
  userId: string;
  username: string;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({ mutationFn: () => resetUserPassword(userId, password), onSuccess: onDone });
  const close = () => {
    setPassword('');
    setConfirm('');
    setMismatch(false);
    reset.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={open}
      title={t('core.users.resetPassword')}
      message={t('core.users.resetPasswordFor', { username })}
      confirmLabel={t('core.users.resetPassword')}
      busy={reset.isPending || password === ''}
      onClose={close}
      onConfirm={() => {
        if (password !== confirm) {
          setMismatch(true);
          return;
        }
        setMismatch(false);
        reset.mutate();
      }}
    >
      <ErrorAlert error={reset.error} />
      <TextInput
        name="newPassword"
        type="password"
        autoComplete="new-password"
        label={t('core.password.new')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError(reset.error, 'newPassword')}
        sx={{ mt: 2 }}
      />
      <TextInput
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        label={t('core.password.confirm')}
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={mismatch ? t('core.password.mismatch') : undefined}
        sx={{ mt: 2 }}
      />
    </ConfirmDialog>
  );
}
