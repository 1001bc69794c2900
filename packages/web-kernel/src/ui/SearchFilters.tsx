import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SearchFiltersProps {
  /** Labelled inputs (TextInput, SelectInput, …). */
  children: ReactNode;
  onSearch: () => void;
  onReset: () => void;
  /** Accessible name of the search region (defaults to "Search criteria"). */
  label?: string;
}

/** A search form: filters, a Search button (also on Enter) and a Reset button. */
export function SearchFilters({ children, onSearch, onReset, label }: SearchFiltersProps) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch();
  };
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Box component="form" role="search" aria-label={label ?? t('core.search.criteria')} onSubmit={submit} noValidate>
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(4, 1fr)' },
            alignItems: 'start',
          }}
        >
          {children}
        </Box>
        <Box sx={{ display: 'flex', gap: 1, mt: 2, justifyContent: 'flex-end' }}>
          <Button type="button" onClick={onReset}>
            {t('core.search.reset')}
          </Button>
          <Button type="submit" variant="contained">
            {t('core.search.search')}
          </Button>
        </Box>
      </Box>
    </Paper>
  );
}
