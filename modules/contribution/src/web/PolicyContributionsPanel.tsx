import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { DataTable, ErrorAlert, useAuth } from '@mutua/web-kernel';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContributionRow, policyContributions } from './api';
import { ContributionDialog, type SavedInfo } from './ContributionDialog';
import { formatMoney } from './format';
import { PaymentSummary } from './PaymentSummary';

/** On the policy page: its contributions, paid total against the value, what remains, and "add contribution". */
export function PolicyContributionsPanel({ policyId }: { policyId: string; familyId: string }) {
  const { t, i18n } = useTranslation();
  const { hasRight } = useAuth();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<ContributionRow | 'new' | null>(null);
  const [notice, setNotice] = useState<SavedInfo | null>(null);
  const q = useQuery({
    queryKey: ['contribution.policy', policyId],
    queryFn: () => policyContributions(policyId),
    enabled: hasRight('contribution.contribution.search'),
  });
  if (!hasRight('contribution.contribution.search')) return null;
  const payment = q.data?.policyPayment ?? null;
  const onSaved = async (info: SavedInfo) => {
    setEditing(null);
    setNotice(info);
    // The policy's status and its members' coverage may have changed: refresh every view of them.
    await queryClient.invalidateQueries();
  };
  return (
    <Box component="section" aria-label={t('contribution.page.panelTitle')} sx={{ mt: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {t('contribution.page.panelTitle')}
        </Typography>
        {hasRight('contribution.contribution.add') ? (
          <Button variant="contained" onClick={() => setEditing('new')}>
            {t('contribution.page.add')}
          </Button>
        ) : null}
      </Box>
      <ErrorAlert error={q.error} />
      {notice ? (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice.activated
            ? t('contribution.page.activated', { date: notice.effectiveDate })
            : t('contribution.page.saved')}
        </Alert>
      ) : null}
      {payment ? <PaymentSummary payment={payment} /> : null}
      <DataTable<ContributionRow>
        label={t('contribution.page.panelTitle')}
        rows={q.data?.policyContributions ?? []}
        loading={q.isLoading}
        emptyLabel={t('contribution.page.none')}
        onRowClick={(c) => setEditing(c)}
        columns={[
          { key: 'payDate', header: t('contribution.field.payDate') },
          { key: 'receipt', header: t('contribution.field.receipt') },
          {
            key: 'amount',
            header: t('contribution.field.amount'),
            align: 'right',
            render: (c) => formatMoney(c.amount, i18n.language),
          },
          {
            key: 'payType',
            header: t('contribution.field.payType'),
            render: (c) => t(`contribution.payType.${c.payType}`),
          },
          { key: 'payer', header: t('contribution.field.payer'), render: (c) => c.payer?.name ?? '' },
          {
            key: 'isPhotoFee',
            header: t('contribution.field.isPhotoFee'),
            render: (c) => (c.isPhotoFee ? '✓' : ''),
          },
        ]}
      />
      {editing ? (
        <ContributionDialog
          key={editing === 'new' ? 'new' : editing.id}
          policyId={policyId}
          payment={payment}
          contribution={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={onSaved}
        />
      ) : null}
    </Box>
  );
}
