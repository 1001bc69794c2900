import Chip from '@mui/material/Chip';
import { DataTable, LinkButton, PageHeader, useAuth, useGo } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type BatchRunRow, listRuns } from './api';
import { money, monthName } from './format';

const STATUS_COLOR: Record<string, 'default' | 'info' | 'success' | 'error'> = {
  queued: 'default',
  running: 'info',
  done: 'success',
  failed: 'error',
};

/** The run's status as a coloured chip. */
export function RunStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Chip size="small" color={STATUS_COLOR[status] ?? 'default'} label={t(`claim-batch.status.${status}`)} />;
}

/** Where a run applies: the whole country, or its region or district. */
export function runPlace(t: (k: string) => string, r: Pick<BatchRunRow, 'level' | 'locationName'>): string {
  return r.level === 'national'
    ? t('claim-batch.level.national')
    : `${t(`claim-batch.level.${r.level}`)} ${r.locationName ?? ''}`;
}

/** `/batch`: the monthly batch runs, newest first, with their totals. */
export function BatchRunsPage() {
  const { t, i18n } = useTranslation();
  const { hasRight } = useAuth();
  const go = useGo();
  const runs = useQuery({ queryKey: ['claim-batch.runs'], queryFn: listRuns });
  const lang = i18n.language;
  return (
    <>
      <PageHeader
        title={t('claim-batch.page.runs')}
        actions={
          hasRight(['claim-batch.run.preview', 'claim-batch.run.process']) ? (
            <LinkButton to="/batch/new" variant="contained">
              {t('claim-batch.page.new')}
            </LinkButton>
          ) : null
        }
      />
      <DataTable<BatchRunRow>
        label={t('claim-batch.page.runs')}
        rows={runs.data ?? []}
        loading={runs.isLoading}
        error={runs.error}
        totalCount={runs.data?.length}
        emptyLabel={t('claim-batch.run.none')}
        onRowClick={(r) => go(`/batch/${r.id}`)}
        columns={[
          { key: 'month', header: t('claim-batch.run.month'), render: (r) => monthName(r.year, r.month, lang) },
          { key: 'place', header: t('claim-batch.run.place'), render: (r) => runPlace(t, r) },
          { key: 'status', header: t('claim-batch.run.status'), render: (r) => <RunStatus status={r.status} /> },
          { key: 'claimsValuated', header: t('claim-batch.plan.valuatedClaims'), align: 'right' },
          {
            key: 'claimed',
            header: t('claim-batch.bill.claimed'),
            align: 'right',
            render: (r) => money(r.claimed, lang),
          },
          {
            key: 'remunerated',
            header: t('claim-batch.bill.remunerated'),
            align: 'right',
            render: (r) => money(r.remunerated, lang),
          },
          {
            key: 'capitation',
            header: t('claim-batch.capitation.title'),
            align: 'right',
            render: (r) => money(r.capitation, lang),
          },
          {
            key: 'runDate',
            header: t('claim-batch.run.date'),
            render: (r) => r.runDate.slice(0, 16).replace('T', ' '),
          },
        ]}
      />
    </>
  );
}
