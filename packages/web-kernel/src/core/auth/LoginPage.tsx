import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { safeRedirect } from '../../router/safe-redirect';
import { LanguageSwitch } from '../../shell/LanguageSwitch';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextInput } from '../../ui/TextInput';
import { usePageTitle } from '../../ui/use-page-title';

/** Username and password form; on success goes back to the page that asked for login. */
export function LoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useTranslation();
  const { login } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const canSubmit = username.trim() !== '' && password !== '' && !busy;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      onLoggedIn();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={submit} noValidate aria-label={t('core.auth.title')}>
      <ErrorAlert error={error} />
      <TextInput
        name="username"
        label={t('core.auth.username')}
        autoComplete="username"
        autoFocus
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        sx={{ mb: 2 }}
        size="medium"
      />
      <TextInput
        name="password"
        type="password"
        label={t('core.auth.password')}
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        sx={{ mb: 3 }}
        size="medium"
      />
      <Button type="submit" variant="contained" size="large" fullWidth disabled={!canSubmit}>
        {t('core.auth.login')}
      </Button>
    </Box>
  );
}

/** The `/login` page. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search: { redirect?: unknown } = useSearch({ strict: false });
  usePageTitle(t('core.auth.title'));
  return (
    <Box
      component="main"
      id="main-content"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}
    >
      <Paper variant="outlined" sx={{ p: { xs: 3, sm: 5 }, width: '100%', maxWidth: 420 }}>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', mb: 3, gap: 2 }}>
          <Typography variant="h5" component="p" sx={{ fontWeight: 700, color: 'primary.main' }}>
            Mutua
          </Typography>
          <LanguageSwitch />
        </Box>
        <Typography variant="h4" component="h1" sx={{ mb: 1 }}>
          {t('core.auth.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          {t('core.auth.intro')}
        </Typography>
        <LoginForm onLoggedIn={() => void navigate({ href: safeRedirect(search.redirect), replace: true })} />
      </Paper>
    </Box>
  );
}
