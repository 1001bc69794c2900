import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { LocationPicker } from '@mutua/location/web';
import {
  ErrorAlert,
  FormGrid,
  fieldError,
  LinkButton,
  PageHeader,
  ProgressBar,
  SelectInput,
  TextInput,
  useAuth,
  useJob,
} from '@mutua/web-kernel';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BatchPreview, type Level, type PlaceRef, previewBatch, runBatch } from './api';
import { money, monthName, parseMonth, previousMonth } from './format';
import { BillsTable, CapitationTables, IndexTable } from './tables';

const LEVELS: readonly Level[] = ['national', 'region', 'district'];

interface Target {
  year: number;
  month: number;
  locationId: string | null;
}
const sameTarget = (a: Target | null, b: Target | null) =>
  !!a && !!b && a.year === b.year && a.month === b.month && a.locationId === b.locationId;

/**
 * `/batch/new`: the month and the location (national, a region or a district), a preview of what the run would
 * do (indexes, amounts per facility; nothing is written), then the run itself as a background job with a progress
 * bar, which stays at its final count with a link to the run's page.
 */
export function BatchRunForm() {
  const { t, i18n } = useTranslation();
  const { hasRight } = useAuth();
  const [monthText, setMonthText] = useState(previousMonth());
  const [level, setLevel] = useState<Level>('national');
  const [place, setPlace] = useState<PlaceRef | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [previewed, setPreviewed] = useState<{ target: Target; preview: BatchPreview } | null>(null);
  const [started, setStarted] = useState<{ runId: string; jobId: string } | null>(null);
  const { job, finished } = useJob(started?.jobId ?? null);

  const target = (): Target | null => {
    const m = parseMonth(monthText);
    const problems: Record<string, string> = {};
    if (!m) problems.month = t('claim-batch.form.monthInvalid');
    if (level !== 'national' && !place) problems.locationId = t('claim-batch.form.placeMissing');
    setLocal(problems);
    if (!m || Object.keys(problems).length) return null;
    return { ...m, locationId: level === 'national' ? null : (place?.id ?? null) };
  };
  const current: Target | null = (() => {
    const m = parseMonth(monthText);
    if (!m || (level !== 'national' && !place)) return null;
    return { ...m, locationId: level === 'national' ? null : (place?.id ?? null) };
  })();

  const preview = useMutation({
    mutationFn: (tg: Target) =>
      previewBatch(tg.year, tg.month, tg.locationId).then((p) => ({ target: tg, preview: p })),
    onSuccess: setPreviewed,
  });
  const run = useMutation({
    mutationFn: (tg: Target) => runBatch(tg.year, tg.month, tg.locationId),
    onSuccess: (r) => setStarted({ runId: r.run.id, jobId: r.jobId }),
  });

  const err = preview.error ?? run.error;
  const shown = previewed && sameTarget(previewed.target, current) ? previewed : null;
  const p = shown?.preview;
  const lang = i18n.language;
  const busy = preview.isPending || run.isPending || (started !== null && !finished);
  return (
    <>
      <PageHeader title={t('claim-batch.page.new')} subtitle={t('claim-batch.form.help')} />
      <Box
        component="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const tg = target();
          if (tg) preview.mutate(tg);
        }}
      >
        <FormGrid columns={3}>
          <TextInput
            name="month"
            type="month"
            label={t('claim-batch.form.month')}
            value={monthText}
            onChange={(e) => setMonthText(e.target.value)}
            error={local.month ?? fieldError(err, 'month') ?? fieldError(err, 'year')}
            slotProps={{ inputLabel: { shrink: true } }}
            required
          />
          <SelectInput
            name="level"
            label={t('claim-batch.form.level')}
            value={level}
            options={LEVELS.map((l) => ({ value: l, label: t(`claim-batch.level.${l}`) }))}
            onChange={(v) => {
              setLevel(v as Level);
              setPlace(null);
            }}
          />
          {level !== 'national' ? (
            <LocationPicker
              key={level}
              name="locationId"
              label={t(level === 'region' ? 'claim-batch.form.region' : 'claim-batch.form.district')}
              type={level === 'region' ? 'R' : 'D'}
              value={place}
              onChange={setPlace}
              error={local.locationId ?? fieldError(err, 'locationId')}
            />
          ) : null}
        </FormGrid>
        <Box sx={{ display: 'flex', gap: 1 }}>
          {hasRight('claim-batch.run.preview') ? (
            <Button type="submit" variant="outlined" disabled={busy}>
              {t('claim-batch.action.preview')}
            </Button>
          ) : null}
          {hasRight('claim-batch.run.process') ? (
            <Button
              variant="contained"
              disabled={busy || started !== null || (hasRight('claim-batch.run.preview') && !shown)}
              onClick={() => {
                const tg = target();
                if (tg) run.mutate(tg);
              }}
            >
              {t('claim-batch.action.run')}
            </Button>
          ) : null}
        </Box>
      </Box>
      <ErrorAlert error={err} />
      {started ? (
        <Box>
          <ProgressBar label={t('claim-batch.form.running')} done={job?.done ?? 0} total={job?.total ?? null} />
          {job?.status === 'done' ? (
            <Alert
              severity="success"
              action={
                <LinkButton to={`/batch/${started.runId}`} variant="contained" size="small">
                  {t('claim-batch.form.openRun')}
                </LinkButton>
              }
            >
              {t('claim-batch.form.done')}
            </Alert>
          ) : null}
          {job?.status === 'failed' ? (
            <Alert severity="error" role="alert">
              {t('claim-batch.form.failed', { error: job.error ?? '' })}
            </Alert>
          ) : null}
        </Box>
      ) : null}
      {p ? (
        <Box component="section" aria-label={t('claim-batch.form.previewTitle')}>
          <Typography variant="h5" component="h2" sx={{ mt: 3 }}>
            {t('claim-batch.form.previewOf', { month: monthName(p.year, p.month, lang) })}
          </Typography>
          <Alert severity="info" sx={{ my: 1 }}>
            {t('claim-batch.form.previewSummary', {
              claims: p.claimsValuated,
              pending: p.pendingClaims,
              claimed: money(p.claimed, lang),
              remunerated: money(p.remunerated, lang),
            })}
          </Alert>
          <IndexTable rows={p.indexes} />
          <BillsTable rows={p.bills} title={t('claim-batch.bill.perFacility')} />
          <CapitationTables rows={p.capitation} />
        </Box>
      ) : null}
    </>
  );
}
