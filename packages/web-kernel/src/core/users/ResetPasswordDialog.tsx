import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { NewPasswordFields, useNewPassword } from '../auth/NewPasswordFields';
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
  const next = useNewPassword();
  const reset = useMutation({ mutationFn: () => resetUserPassword(userId, next.password), onSuccess: onDone });
  const close = () => {
    next.clear();
    reset.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={open}
      title={t('core.users.resetPassword')}
      message={t('core.users.resetPasswordFor', { username })}
      confirmLabel={t('core.users.resetPassword')}
      busy={reset.isPending || next.password === ''}
      onClose={close}
      onConfirm={() => {
        if (next.check()) reset.mutate();
      }}
    >
      <ErrorAlert error={reset.error} />
      <NewPasswordFields state={next} error={reset.error} />
    </ConfirmDialog>
  );
}
