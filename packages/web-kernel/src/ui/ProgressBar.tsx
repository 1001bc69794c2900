import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** A labelled progress bar for jobs: shows "done / total"; indeterminate while the total is unknown. */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number | null | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const known = typeof total === 'number' && total > 0;
  const pct = known ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <Box sx={{ my: 2 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', mb: 0.5 }}>
        <Typography id={id} variant="body2">
          {label}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {known ? t('core.progress.doneOfTotal', { done, total, percent: pct }) : t('core.progress.working')}
        </Typography>
      </Box>
      <LinearProgress
        aria-labelledby={id}
        variant={known ? 'determinate' : 'indeterminate'}
        value={pct}
        {...(known ? { 'aria-valuetext': `${done} / ${total}` } : {})}
      />
    </Box>
  );
}
