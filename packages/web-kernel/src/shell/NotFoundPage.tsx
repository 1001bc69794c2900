import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthProvider';
import { LinkButton } from '../router/navigation';
import { AppShell } from './AppShell';
import { StatusPage } from './StatusPage';

function NotFoundContent() {
  const { t } = useTranslation();
  const { user } = useAuth();
  return (
    <StatusPage
      code="404"
      title={t('core.notFound.title')}
      message={t('core.notFound.message')}
      action={
        <LinkButton to={user ? '/' : '/login'} variant="contained">
          {user ? t('core.notFound.home') : t('core.auth.login')}
        </LinkButton>
      }
    />
  );
}

/** The 404 page: inside the shell when logged in, standalone otherwise. */
export function NotFoundPage() {
  const { user } = useAuth();
  if (!user) {
    return (
      <main id="main-content">
        <NotFoundContent />
      </main>
    );
  }
  return (
    <AppShell>
      <NotFoundContent />
    </AppShell>
  );
}
