import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  DataTable,
  ErrorAlert,
  LinkButton,
  NotFoundPage,
  PageHeader,
  RouterLink,
  useRouteParams,
} from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type BillLine, getBill } from './api';
import { money } from './format';
import { BillDownloads } from './tables';

/** `/batch/bills/$id`: a facility's provider bill (one line per valuated claim) and its PDF, XLSX and CSV files. */
export function BillPage() {
  const { id = '' } = useRouteParams();
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: ['claim-batch.bill', id], queryFn: () => getBill(id) });
  const lang = i18n.language;
  if (q.isLoading) return null;
  if (q.error) return <ErrorAlert error={q.error} />;
  const bill = q.data;
  if (!bill?.id) return <NotFoundPage />;
  const facility = `${bill.facilityCode ?? ''} ${bill.facilityName ?? ''}`.trim();
  return (
    <>
      <PageHeader
        title={t('claim-batch.bill.titleOf', { facility })}
        actions={
          bill.runId ? (
            <LinkButton to={`/batch/${bill.runId}`} variant="outlined">
              {t('claim-batch.bill.backToRun')}
            </LinkButton>
          ) : null
        }
      />
      <BillDownloads id={bill.id} />
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', my: 2 }}>
        {(
          [
            ['claim-batch.bill.claimed', bill.claimed],
            ['claim-batch.bill.remunerated', bill.remunerated],
            ['claim-batch.bill.deduction', bill.deduction],
          ] as const
        ).map(([k, v]) => (
          <Box key={k}>
            <Typography variant="body2" color="text.secondary">
              {t(k)}
            </Typography>
            <Typography variant="h6" component="p">
              {money(v, lang)}
            </Typography>
          </Box>
        ))}
      </Box>
      <DataTable<BillLine>
        label={t('claim-batch.bill.lines')}
        rows={bill.lines}
        rowKey={(l) => l.claimId}
        columns={[
          {
            key: 'claim',
            header: t('claim-batch.bill.claim'),
            render: (l) => (
              <RouterLink to={`/claims/${l.claimId}`}>{l.claimCode ?? t('claim-batch.bill.openClaim')}</RouterLink>
            ),
          },
          {
            key: 'claimed',
            header: t('claim-batch.bill.claimed'),
            align: 'right',
            render: (l) => money(l.claimed, lang),
          },
          {
            key: 'remunerated',
            header: t('claim-batch.bill.remunerated'),
            align: 'right',
            render: (l) => money(l.remunerated, lang),
          },
          {
            key: 'deduction',
            header: t('claim-batch.bill.deduction'),
            align: 'right',
            render: (l) => money(l.deduction, lang),
          },
        ]}
      />
    </>
  );
}
