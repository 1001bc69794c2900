import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { isLanguage, languageNames, languages } from '../../i18n/create-i18n';
import { LinkButton } from '../../router/navigation';
import { useLanguage } from '../../shell/LanguageSwitch';
import { PageHeader } from '../../ui/PageHeader';
import { SelectInput } from '../../ui/SelectInput';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" color="text.secondary" variant="body2">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0 }}>
        {children || '—'}
      </Typography>
    </>
  );
}

/** `/profile`: my account and my interface language. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { language, setLanguage } = useLanguage();
  if (!user) return null;
  return (
    <>
      <PageHeader
        title={t('core.profile.title')}
        actions={
          <LinkButton to="/profile/password" variant="outlined">
            {t('core.menu.changePassword')}
          </LinkButton>
        }
      />
      <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '200px 1fr' }, rowGap: 1, columnGap: 2, m: 0 }}
        >
          <Field label={t('core.user.username')}>{user.username}</Field>
          <Field label={t('core.user.lastName')}>{user.lastName}</Field>
          <Field label={t('core.user.otherNames')}>{user.otherNames}</Field>
          <Field label={t('core.user.email')}>{user.email}</Field>
          <Field label={t('core.profile.access')}>
            {user.isAdmin ? t('core.profile.admin') : t('core.profile.rightsCount', { count: user.rights.length })}
          </Field>
          <Field label={t('core.user.districts')}>
            {user.districtIds === null
              ? t('core.profile.allDistricts')
              : t('core.profile.districtsCount', { count: user.districtIds.length })}
          </Field>
        </Box>
      </Paper>
      <Paper variant="outlined" sx={{ p: 3, maxWidth: 480 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          {t('core.language.title')}
        </Typography>
        <SelectInput
          name="language"
          label={t('core.language.label')}
          value={language}
          options={languages.map((l) => ({ value: l, label: languageNames[l] }))}
          onChange={(v) => {
            if (isLanguage(v)) void setLanguage(v);
          }}
          helperText={t('core.language.help')}
        />
      </Paper>
    </>
  );
}
