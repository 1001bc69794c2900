import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ErrorAlert, PageHeader, StatusPage, TextInput, useGo, useRouteParams } from '@mutua/web-kernel';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClaimLineRow, type ClaimRow, getClaim, problemOf, type ReviewLine, saveReview } from './api';
import { ClaimSummary } from './ClaimSummary';
import { money, qty, reasonText } from './labels';

interface Draft {
  qty: string;
  price: string;
  justification: string;
  reject: boolean;
}

function ReviewForm({ claim }: { claim: ClaimRow }) {
  const { t, i18n } = useTranslation();
  const go = useGo();
  const qc = useQueryClient();
  const lines: ClaimLineRow[] = [...claim.items, ...claim.services];
  const [initial] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      lines.map((l) => [
        l.id,
        {
          qty: l.qtyApproved ?? '',
          price: l.priceApproved ?? '',
          justification: l.justification ?? '',
          reject: l.rejectionReason === -1,
        },
      ]),
    ),
  );
  const [drafts, setDrafts] = useState(initial);
  const [sent, setSent] = useState<string[]>([]);
  const [adjustment, setAdjustment] = useState(claim.adjustment ?? '');
  const save = useMutation({
    mutationFn: (deliver: boolean) => {
      // Only the lines the reviewer changed: the others keep what the check decided.
      const changed = lines.filter((l) => JSON.stringify(drafts[l.id]) !== JSON.stringify(initial[l.id]));
      setSent(changed.map((l) => l.id));
      const input: ReviewLine[] = changed.map((l) => {
        const d = drafts[l.id]!;
        return {
          id: l.id,
          qtyApproved: d.qty.trim() || null,
          priceApproved: d.price.trim() || null,
          justification: d.justification.trim() || null,
          reject: d.reject,
        };
      });
      return saveReview(claim.id, input, adjustment.trim() || null, deliver);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['claim.claim', claim.id] });
      void qc.invalidateQueries({ queryKey: ['claim.claims'] });
      go(`/claims/${claim.id}`);
    },
  });
  const set = (id: string, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [id]: { ...d[id]!, ...patch } }));
  return (
    <>
      <PageHeader title={t('claim.review.title', { code: claim.code })} />
      <ClaimSummary claim={claim} />
      <ErrorAlert error={save.error} />
      {lines.map((l) => {
        const med = l.item ?? l.service;
        const d = drafts[l.id]!;
        const name = med ? `${med.code} ${med.name}` : l.medicalId;
        const err = (f: string) => problemOf(save.error, `lines.${sent.indexOf(l.id)}.${f}`);
        return (
          <Paper key={l.id} variant="outlined" component="section" aria-label={name} sx={{ p: 2, my: 1 }}>
            <Typography sx={{ fontWeight: 600 }}>{name}</Typography>
            <Typography variant="body2">
              {t('claim.review.asked', { qty: qty(l.qtyProvided), price: money(l.priceAsked, i18n.language) })}
              {' — '}
              {l.status === 2
                ? t('claim.history.rejectedFor', { reason: reasonText(t, l.rejectionReason, l.rejectionParams) })
                : t('claim.line.passed')}
            </Typography>
            <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 2fr auto' }, mt: 1 }}>
              <TextInput
                name={`${l.id}.qtyApproved`}
                label={t('claim.line.qtyApproved')}
                slotProps={{ htmlInput: { 'aria-label': t('claim.review.qtyApprovedFor', { name }) } }}
                value={d.qty}
                inputMode="decimal"
                error={err('qtyApproved')}
                disabled={d.reject}
                onChange={(e) => set(l.id, { qty: e.target.value })}
              />
              <TextInput
                name={`${l.id}.priceApproved`}
                label={t('claim.line.priceApproved')}
                slotProps={{ htmlInput: { 'aria-label': t('claim.review.priceApprovedFor', { name }) } }}
                value={d.price}
                inputMode="decimal"
                error={err('priceApproved')}
                disabled={d.reject}
                onChange={(e) => set(l.id, { price: e.target.value })}
              />
              <TextInput
                name={`${l.id}.justification`}
                label={t('claim.line.justification')}
                slotProps={{ htmlInput: { 'aria-label': t('claim.review.justificationFor', { name }) } }}
                value={d.justification}
                error={err('justification')}
                onChange={(e) => set(l.id, { justification: e.target.value })}
              />
              <FormControlLabel
                control={
                  <Checkbox
                    checked={d.reject}
                    onChange={(e) => set(l.id, { reject: e.target.checked })}
                    slotProps={{ input: { 'aria-label': t('claim.review.rejectFor', { name }) } }}
                  />
                }
                label={t('claim.review.reject')}
              />
            </Box>
          </Paper>
        );
      })}
      <TextInput
        name="adjustment"
        label={t('claim.field.adjustment')}
        value={adjustment}
        multiline
        onChange={(e) => setAdjustment(e.target.value)}
        sx={{ my: 2 }}
      />
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button variant="outlined" disabled={save.isPending} onClick={() => save.mutate(false)}>
          {t('claim.review.save')}
        </Button>
        <Button variant="contained" disabled={save.isPending} onClick={() => save.mutate(true)}>
          {t('claim.review.deliver')}
        </Button>
        <Button onClick={() => go(`/claims/${claim.id}`)}>{t('claim.action.cancel')}</Button>
      </Box>
    </>
  );
}

/** `/claims/$id/review`: the medical officer approves quantities and prices per line, rejects lines, delivers. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useRouteParams();
  const q = useQuery({ queryKey: ['claim.claim', id], queryFn: () => getClaim(id) });
  if (q.isLoading) return <LinearProgress aria-label={t('claim.page.claim')} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <StatusPage code="404" title={t('claim.page.notFound')} message="" />;
  return <ReviewForm key={q.data.id} claim={q.data} />;
}
