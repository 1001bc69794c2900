import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import {
  ConfirmDialog,
  DataTable,
  ErrorAlert,
  HistoryPanel,
  LinkButton,
  PageHeader,
  StatusPage,
  useAuth,
  useGo,
  useRouteParams,
} from '@mutua/web-kernel';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BulkSummary,
  type ClaimLineRow,
  type ClaimRow,
  deleteClaim,
  getClaim,
  processClaims,
  restoreClaim,
  submitClaims,
} from './api';
import { ClaimSummary } from './ClaimSummary';
import { FeedbackDialog } from './FeedbackDialog';
import { claimHistoryView } from './history-view';
import { money, qty, reasonText } from './labels';

/** The item/service lines of a claim with their status, the translated rejection reason and the amounts. */
export function ClaimLinesTable({ claim, kind }: { claim: ClaimRow; kind: 'item' | 'service' }) {
  const { t, i18n } = useTranslation();
  const rows = kind === 'item' ? claim.items : claim.services;
  const m = (v: string | null) => money(v, i18n.language);
  const title = kind === 'item' ? t('claim.page.items') : t('claim.page.services');
  return (
    <Box component="section" aria-label={title} sx={{ my: 2 }}>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      <DataTable<ClaimLineRow>
        label={title}
        rows={rows}
        columns={[
          {
            key: 'code',
            header: t('claim.line.code'),
            render: (l) => {
              const med = l.item ?? l.service;
              return med ? `${med.code} ${med.name}` : l.medicalId;
            },
          },
          { key: 'qtyProvided', header: t('claim.line.qty'), align: 'right', render: (l) => qty(l.qtyProvided) },
          { key: 'priceAsked', header: t('claim.line.priceAsked'), align: 'right', render: (l) => m(l.priceAsked) },
          {
            key: 'qtyApproved',
            header: t('claim.line.qtyApproved'),
            align: 'right',
            render: (l) => (l.qtyApproved === null ? '' : qty(l.qtyApproved)),
          },
          {
            key: 'priceApproved',
            header: t('claim.line.priceApproved'),
            align: 'right',
            render: (l) => m(l.priceApproved ?? l.priceAdjusted),
          },
          {
            key: 'priceValuated',
            header: t('claim.line.priceValuated'),
            align: 'right',
            render: (l) => m(l.priceValuated),
          },
          {
            key: 'status',
            header: t('claim.line.status'),
            render: (l) =>
              l.status === 2 ? (
                <Box>
                  <Chip size="small" color="error" label={t('claim.line.rejected')} />{' '}
                  <span>{reasonText(t, l.rejectionReason, l.rejectionParams)}</span>
                </Box>
              ) : (
                <Chip size="small" color="success" label={t('claim.line.passed')} />
              ),
          },
          { key: 'justification', header: t('claim.line.justification') },
        ]}
      />
    </Box>
  );
}

/**
 * `/claims/$id`: status, amounts asked/approved/deducted/valuated, lines with their verdicts, the actions the
 * claim's status and the user's rights allow, attachments and history.
 */
export function ClaimPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useRouteParams();
  const { hasRight } = useAuth();
  const go = useGo();
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const [feedback, setFeedback] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['claim.claim', id], queryFn: () => getClaim(id) });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['claim.claim', id] });
    void qc.invalidateQueries({ queryKey: ['claim.claims'] });
  };
  const describe = (s: BulkSummary) =>
    s.rejected ? t('claim.page.rejectedNow') : s.skipped ? t('claim.page.skippedNow') : null;
  const act = useMutation({
    mutationFn: async (action: 'submit' | 'process' | 'delete' | 'restore') => {
      if (action === 'submit') return { summary: await submitClaims([id]) };
      if (action === 'process') return { summary: await processClaims([id]) };
      if (action === 'delete') {
        await deleteClaim(id);
        return { deleted: true };
      }
      return { restored: await restoreClaim(id) };
    },
    onSuccess: (r) => {
      if ('deleted' in r) return go('/claims');
      if ('restored' in r && r.restored) return go(`/claims/${r.restored.id}`);
      if ('summary' in r && r.summary) setSummary(describe(r.summary));
      refresh();
    },
  });
  if (q.isLoading) return <LinearProgress aria-label={t('claim.page.claim')} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const c = q.data;
  if (!c) return <StatusPage code="404" title={t('claim.page.notFound')} message="" />;
  const editable = c.status === 2 || c.status === 4;
  return (
    <>
      <PageHeader
        title={t('claim.page.claimTitle', { code: c.code })}
        subtitle={
          <span data-testid="claim-status">
            {t('claim.field.status')}
            {t('core.labelSep')}
            {t(`claim.status.${c.status}`)} · {t('claim.field.reviewStatus')}
            {t('core.labelSep')}
            {t(`claim.selection.${c.reviewStatus}`)} · {t('claim.field.feedbackStatus')}
            {t('core.labelSep')}
            {t(`claim.selection.${c.feedbackStatus}`)}
          </span>
        }
        actions={
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            {editable && (hasRight('claim.claim.update') || hasRight('claim.claim.add')) ? (
              <LinkButton to={`/claims/${c.id}/edit`} variant="outlined">
                {t('claim.action.edit')}
              </LinkButton>
            ) : null}
            {c.status === 2 && hasRight('claim.claim.submit') ? (
              <Button variant="contained" disabled={act.isPending} onClick={() => act.mutate('submit')}>
                {t('claim.action.submit')}
              </Button>
            ) : null}
            {c.status === 4 && hasRight('claim.claim.process') ? (
              <Button variant="contained" disabled={act.isPending} onClick={() => act.mutate('process')}>
                {t('claim.action.process')}
              </Button>
            ) : null}
            {c.status === 4 && c.reviewStatus === 4 && hasRight('claim.claim.review') ? (
              <LinkButton to={`/claims/${c.id}/review`} variant="outlined">
                {t('claim.action.review')}
              </LinkButton>
            ) : null}
            {(c.status === 4 || c.status === 8) && c.feedbackStatus === 4 && hasRight('claim.claim.feedback') ? (
              <Button variant="outlined" onClick={() => setFeedback(true)}>
                {t('claim.action.feedback')}
              </Button>
            ) : null}
            {c.status === 1 && hasRight('claim.claim.restore') ? (
              <Button variant="outlined" disabled={act.isPending} onClick={() => act.mutate('restore')}>
                {t('claim.action.restore')}
              </Button>
            ) : null}
            {c.status === 2 && hasRight('claim.claim.delete') ? (
              <Button color="error" variant="outlined" onClick={() => setConfirm(true)}>
                {t('claim.action.delete')}
              </Button>
            ) : null}
          </Box>
        }
      />
      <ErrorAlert error={act.error} />
      {summary ? <Alert severity="warning">{summary}</Alert> : null}
      {c.reviewFlags.length ? (
        <Alert severity="info">
          {c.reviewFlags.map((f) => (
            <div key={f.key}>{t(f.key, { ...(f.params ?? {}) })}</div>
          ))}
        </Alert>
      ) : null}
      <ClaimSummary claim={c} />
      <ClaimLinesTable claim={c} kind="item" />
      <ClaimLinesTable claim={c} kind="service" />
      {c.attachments.length ? (
        <Box component="section" aria-label={t('claim.page.attachments')}>
          <Typography variant="h6" component="h2">
            {t('claim.page.attachments')}
          </Typography>
          {c.attachments.map((a) => (
            <div key={a.id}>
              <Link href={a.url}>{a.title ?? a.filename}</Link>
            </div>
          ))}
        </Box>
      ) : null}
      {c.feedback ? (
        <Alert severity="info" sx={{ my: 2 }}>
          {t('claim.feedback.given', { date: c.feedback.feedbackDate, assessment: c.feedback.assessment ?? '—' })}
        </Alert>
      ) : null}
      <ConfirmDialog
        open={confirm}
        title={t('claim.action.delete')}
        message={t('claim.page.confirmDelete', { code: c.code })}
        confirmLabel={t('claim.action.delete')}
        danger
        onClose={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          act.mutate('delete');
        }}
      />
      {feedback ? (
        <FeedbackDialog
          claimId={c.id}
          onClose={(saved) => {
            setFeedback(false);
            if (saved) refresh();
          }}
        />
      ) : null}
      <HistoryPanel entity="Claim" entityId={c.id} view={claimHistoryView(t, i18n.language, c)} />
    </>
  );
}
