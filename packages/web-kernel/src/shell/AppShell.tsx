import Alert from '@mui/material/Alert';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Link from '@mui/material/Link';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { Navigate, Link as RouterLinkBase, useNavigate, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthProvider';
import { RouterLink } from '../router/navigation';
import { LanguageSwitch } from './LanguageSwitch';
import { MainMenu } from './MainMenu';

const CHANGE_PASSWORD_PATH = '/profile/password';

/** Link to jump over the app bar, visible only when focused. */
function SkipLink() {
  const { t } = useTranslation();
  return (
    <Link
      href="#main-content"
      sx={{
        position: 'absolute',
        left: 8,
        top: -48,
        zIndex: 2000,
        bgcolor: 'background.paper',
        px: 2,
        py: 1,
        borderRadius: 1,
        '&:focus': { top: 8 },
      }}
    >
      {t('core.shell.skipToContent')}
    </Link>
  );
}

/** The logged-in layout: skip link, `<header>` app bar with the menus and language switch, `<main>`. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const onLogout = () => {
    void logout().finally(() => navigate({ to: '/login' }));
  };
  const pathname = useRouterState({ select: (st) => st.location.pathname });
  // A password set by an administrator must be changed before anything else (the server refuses the rest).
  if (user?.mustChangePassword && pathname !== CHANGE_PASSWORD_PATH) return <Navigate to={CHANGE_PASSWORD_PATH} />;
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <SkipLink />
      <AppBar component="header" position="sticky" color="primary">
        <Toolbar sx={{ gap: 2, flexWrap: 'wrap' }}>
          <Typography
            variant="h6"
            component={RouterLinkBase}
            to="/"
            sx={{ color: 'inherit', textDecoration: 'none', fontWeight: 700, letterSpacing: 0.5, mr: 2 }}
          >
            Mutua
          </Typography>
          <Box sx={{ flexGrow: 1 }}>
            <MainMenu onLogout={onLogout} />
          </Box>
          <LanguageSwitch color="inverted" />
        </Toolbar>
      </AppBar>
      <Box component="main" id="main-content" tabIndex={-1} sx={{ flexGrow: 1, py: 3, outline: 'none' }}>
        <Container maxWidth="xl">
          {user?.mustChangePassword ? (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {t('core.password.mustChange')}{' '}
              <RouterLink to="/profile/password">{t('core.menu.changePassword')}</RouterLink>
            </Alert>
          ) : null}
          {children}
        </Container>
      </Box>
    </Box>
  );
}
