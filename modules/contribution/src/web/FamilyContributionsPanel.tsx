import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DataTable, ErrorAlert, useAuth, useGo } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ContributionRow, familyContributions } from './api';
import { formatMoney } from './format';

/** Sum of decimal strings, exactly (cents as BigInt). */
function total(rows: readonly ContributionRow[]): string {
  const cents = rows.filter((r) => !r.isPhotoFee).reduce((s, r) => s + BigInt(r.amount.replace('.', '')), 0n);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

/** On the family page: every contribution paid on the family's policies, with the total; a row opens its policy. */
export function FamilyContributionsPanel({ familyId }: { familyId: string }) {
  const { t, i18n } = useTranslation();
  const { hasRight } = useAuth();
  const go = useGo();
  const q = useQuery({
    queryKey: ['contribution.family', familyId],
    queryFn: () => familyContributions(familyId),
    enabled: hasRight('contribution.contribution.search'),
  });
  if (!hasRight('contribution.contribution.search')) return null;
  const rows = q.data ?? [];
  return (
    <Box component="section" aria-label={t('contribution.page.familyPanelTitle')} sx={{ mt: 3 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('contribution.page.familyPanelTitle')}
      </Typography>
      <ErrorAlert error={q.error} />
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="family-contributions-total">
        {t('contribution.page.total')}
        {t('core.labelSep')}
        {formatMoney(total(rows), i18n.language)}
      </Typography>
      <DataTable<ContributionRow>
        label={t('contribution.page.familyPanelTitle')}
        rows={rows}
        loading={q.isLoading}
        emptyLabel={t('contribution.page.none')}
        onRowClick={(c) => go(`/policies/${c.policyId}`)}
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
          {
            key: 'isPhotoFee',
            header: t('contribution.field.isPhotoFee'),
            render: (c) => (c.isPhotoFee ? '✓' : ''),
          },
        ]}
      />
    </Box>
  );
}
