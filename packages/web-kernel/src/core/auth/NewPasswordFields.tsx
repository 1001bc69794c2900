import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/http';
import { TextInput } from '../../ui/TextInput';

/** A new password typed twice: the values, and whether the last check found them different. */
export interface NewPassword {
  password: string;
  confirm: string;
  mismatch: boolean;
  setPassword(value: string): void;
  setConfirm(value: string): void;
  /** True when both entries agree; otherwise shows the "do not match" message under the confirmation. */
  check(): boolean;
  /** Empties both fields and hides the message. */
  clear(): void;
}

/** State for `<NewPasswordFields>`. */
export function useNewPassword(): NewPassword {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return {
    password,
    confirm,
    mismatch,
    setPassword,
    setConfirm,
    check: () => {
      setMismatch(password !== confirm);
      return password === confirm;
    },
    clear: () => {
      setPassword('');
      setConfirm('');
      setMismatch(false);
    },
  };
}

/** "New password" and "Confirm new password"; the server's problem for `newPassword` shows under the first. */
export function NewPasswordFields({ state, error }: { state: NewPassword; error: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        name="newPassword"
        type="password"
        autoComplete="new-password"
        label={t('core.password.new')}
        value={state.password}
        onChange={(e) => state.setPassword(e.target.value)}
        error={fieldError(error, 'newPassword')}
        sx={{ mt: 2 }}
      />
      <TextInput
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        label={t('core.password.confirm')}
        value={state.confirm}
        onChange={(e) => state.setConfirm(e.target.value)}
        error={state.mismatch ? t('core.password.mismatch') : undefined}
        sx={{ mt: 2 }}
      />
    </>
  );
}
