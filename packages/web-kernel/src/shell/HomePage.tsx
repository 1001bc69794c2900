import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthProvider';
import { useContributions } from '../contributions/ContributionsProvider';
import { homePanels } from '../contributions/core-points';
import { usePageTitle } from '../ui/use-page-title';

/** The home page: a greeting, then the panels modules contribute to `core.homePanels`. */
export function HomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const panels = useContributions(homePanels);
  const name = user ? `${user.otherNames ?? ''} ${user.lastName ?? ''}`.trim() || user.username : '';
  usePageTitle(t('core.home.title'));
  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mb: 1 }}>
        {t('core.home.welcome', { name })}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {t('core.home.intro')}
      </Typography>
      <Box
        sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, 1fr)', xl: 'repeat(3, 1fr)' } }}
      >
        {panels.map((Panel, i) => (
          <Panel key={i} />
        ))}
      </Box>
    </Box>
  );
}
