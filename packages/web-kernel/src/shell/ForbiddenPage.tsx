import { useTranslation } from 'react-i18next';
import { LinkButton } from '../router/navigation';
import { StatusPage } from './StatusPage';

/** Shown instead of a page whose right the user lacks. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <StatusPage
      code="403"
      title={t('core.forbidden.title')}
      message={t('core.forbidden.message')}
      action={
        <LinkButton to="/" variant="contained">
          {t('core.notFound.home')}
        </LinkButton>
      }
    />
  );
}
