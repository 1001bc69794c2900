import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  ErrorAlert,
  LinkButton,
  NotFoundPage,
  PageHeader,
  ProgressBar,
  useJob,
  useRouteParams,
} from '@mutua/web-kernel';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getRun } from './api';
import { RunStatus, runPlace } from './BatchRunsPage';
import { money, monthName } from './format';
import { BillsTable, CapitationTables, IndexTable } from './tables';

/** `/batch/$id`: a run's indexes, provider bills (per-facility totals, files) and capitation payments. */
export function BatchRunPage() {
  const { id = '' } = useRouteParams();
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['claim-batch.run', id], queryFn: () => getRun(id) });
  const run = q.data?.run;
  const working = run && (run.status === 'queued' || run.status === 'running');
  const { job, finished } = useJob(working ? run.jobId : null);
  useEffect(() => {
    if (finished) void qc.invalidateQueries({ queryKey: ['claim-batch.run', id] });
  }, [finished, qc, id]);
  const lang = i18n.language;
  if (q.isLoading) return null;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data || !run) return <NotFoundPage />;
  return (
    <>
      <PageHeader
        title={t('claim-batch.page.run', { month: monthName(run.year, run.month, lang), place: runPlace(t, run) })}
        actions={
          <>
            <RunStatus status={run.status} />
            <LinkButton to="/batch" variant="outlined">
              {t('claim-batch.page.runs')}
            </LinkButton>
          </>
        }
      />
      {working ? (
        <ProgressBar label={t('claim-batch.form.running')} done={job?.done ?? 0} total={job?.total ?? null} />
      ) : null}
      {run.status === 'failed' ? (
        <Alert severity="error" role="alert">
          {t('claim-batch.run.failed')}
        </Alert>
      ) : null}
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', my: 2 }}>
        {(
          [
            ['claim-batch.plan.valuatedClaims', String(run.claimsValuated)],
            ['claim-batch.bill.claimed', money(run.claimed, lang)],
            ['claim-batch.bill.remunerated', money(run.remunerated, lang)],
            ['claim-batch.capitation.title', money(run.capitation, lang)],
          ] as const
        ).map(([k, v]) => (
          <Box key={k}>
            <Typography variant="body2" color="text.secondary">
              {t(k)}
            </Typography>
            <Typography variant="h6" component="p">
              {v}
            </Typography>
          </Box>
        ))}
      </Box>
      <IndexTable rows={q.data.indexes} />
      <BillsTable rows={q.data.bills} title={t('claim-batch.bill.bills')} />
      <CapitationTables rows={q.data.capitation} />
    </>
  );
}
