import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GqlError } from '../api/http';
import { useAuth } from '../auth/AuthProvider';
import { isLanguage, type Language, languageNames, languages } from '../i18n/create-i18n';
import { rememberPickedLanguage, storeLanguage } from '../i18n/language-choice';

/** Switches the UI language; for a logged-in user, also stores the choice on the server. */
export function useLanguage(): { language: Language; setLanguage: (lng: Language) => Promise<void> } {
  const { i18n } = useTranslation();
  const { user, setUser } = useAuth();
  const queryClient = useQueryClient();
  const language: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const setLanguage = async (lng: Language) => {
    await i18n.changeLanguage(lng);
    // server texts (messages, right labels) in the cache are in the old language
    void queryClient.invalidateQueries();
    if (!user) rememberPickedLanguage(lng);
    else if (user.language !== lng) {
      try {
        setUser(await storeLanguage(lng));
      } catch (e) {
        // the UI language already changed; remembering it is best effort
        if (!(e instanceof GqlError)) throw e;
        console.warn('could not store the language preference:', e.message);
      }
    }
  };
  return { language, setLanguage };
}

/** "English" / "Français" toggle, shown in the app bar and on the login page. */
export function LanguageSwitch({ color = 'standard' }: { color?: 'standard' | 'inverted' }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const inverted = color === 'inverted';
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={language}
      aria-label={t('core.language.label')}
      onChange={(_, v: unknown) => {
        if (isLanguage(v)) void setLanguage(v);
      }}
      sx={
        inverted
          ? {
              '& .MuiToggleButton-root': { color: 'rgba(255,255,255,0.85)', borderColor: 'rgba(255,255,255,0.4)' },
              '& .MuiToggleButton-root.Mui-selected': { color: '#fff', backgroundColor: 'rgba(255,255,255,0.2)' },
            }
          : undefined
      }
    >
      {languages.map((lng) => (
        <ToggleButton key={lng} value={lng} lang={lng} sx={{ px: 1.5, py: 0.25 }}>
          {languageNames[lng]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
