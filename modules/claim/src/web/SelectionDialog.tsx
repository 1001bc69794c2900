import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { ErrorAlert, SelectInput, TextInput } from '@mutua/web-kernel';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf, selectClaims, setSelectionStatus } from './api';

/**
 * Selects checked claims for review or feedback: all above an amount, a random percentage, or those whose claimed
 * amount exceeds the diagnosis' average by a percentage; or skips/bypasses the selected ones.
 */
export function SelectionDialog({
  kind,
  ids,
  onClose,
}: {
  kind: 'Review' | 'Feedback';
  ids: string[];
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'all' | 'random' | 'variance'>('all');
  const [value, setValue] = useState('');
  const [minClaimed, setMinClaimed] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const select = useMutation({
    mutationFn: () =>
      selectClaims(kind, {
        ids,
        mode,
        value: value.trim() ? Number(value) : null,
        minClaimed: minClaimed.trim() || null,
      }),
    onSuccess: (r) => setDone(t('claim.selection.result', r)),
  });
  const status = useMutation({
    mutationFn: (action: 'select' | 'skip' | 'bypass') => setSelectionStatus(kind, ids, action),
    onSuccess: (r) => setDone(t('claim.selection.changed', { count: r.done })),
  });
  const title = kind === 'Review' ? t('claim.selection.reviewTitle') : t('claim.selection.feedbackTitle');
  return (
    <Dialog open onClose={() => onClose(done !== null)} aria-labelledby="claim-selection-title" fullWidth>
      <DialogTitle id="claim-selection-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <SelectInput
            name="mode"
            label={t('claim.selection.mode')}
            value={mode}
            options={(['all', 'random', 'variance'] as const).map((m) => ({
              value: m,
              label: t(`claim.selection.mode_${m}`),
            }))}
            onChange={(v) => setMode(v as typeof mode)}
          />
          <TextInput
            name="minClaimed"
            label={t('claim.selection.minClaimed')}
            value={minClaimed}
            inputMode="decimal"
            error={problemOf(select.error, 'minClaimed')}
            onChange={(e) => setMinClaimed(e.target.value)}
          />
          {mode !== 'all' ? (
            <TextInput
              name="value"
              label={mode === 'random' ? t('claim.selection.randomPercent') : t('claim.selection.variancePercent')}
              value={value}
              inputMode="decimal"
              error={problemOf(select.error, 'value')}
              onChange={(e) => setValue(e.target.value)}
            />
          ) : null}
          <ErrorAlert error={select.error ?? status.error} />
          {done ? <span role="status">{done}</span> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => status.mutate('skip')}>{t('claim.selection.skip')}</Button>
        <Button onClick={() => status.mutate('bypass')}>{t('claim.selection.bypass')}</Button>
        <Button onClick={() => onClose(done !== null)}>{t('claim.action.close')}</Button>
        <Button variant="contained" onClick={() => select.mutate()} disabled={select.isPending}>
          {t('claim.selection.apply')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
