import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import {
  apiHeaders,
  DataTable,
  ErrorAlert,
  ForbiddenPage,
  FormGrid,
  GqlError,
  PageHeader,
  ProgressBar,
  SelectInput,
  useAuth,
  useJob,
} from '@mutua/web-kernel';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The kernel's ImportResult (POST /api/imports/{id}). */
export interface ImportResult {
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  errors: Array<{ row: number; field?: string; message: string }>;
  applied: boolean;
}

const IMPORTERS = [
  { id: 'medical-pricelist.items', right: 'medical-pricelist.items.edit', label: 'medical-pricelist.import.items' },
  {
    id: 'medical-pricelist.services',
    right: 'medical-pricelist.services.edit',
    label: 'medical-pricelist.import.services',
  },
] as const;

/** Posts the file; a dry run answers at once, an apply runs as a job (`async=true`) with a progress bar. */
async function postImport(importer: string, file: File, format: string, dryRun: boolean): Promise<unknown> {
  const body = new FormData();
  body.append('file', file);
  const query = new URLSearchParams({ dryRun: String(dryRun), format, ...(dryRun ? {} : { async: 'true' }) });
  const res = await fetch(`/api/imports/${importer}?${query}`, {
    method: 'POST',
    credentials: 'include',
    headers: apiHeaders(),
    body,
  });
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (data ?? {}) as { code?: string; message?: string; problems?: Array<{ field: string; message: string }> };
    throw new GqlError(e.code ?? `HTTP_${res.status}`, e.message ?? res.statusText, e.problems ?? [], res.status);
  }
  return data;
}

const isResult = (v: unknown): v is ImportResult =>
  typeof v === 'object' && v !== null && 'errors' in v && Array.isArray((v as ImportResult).errors);

/**
 * `/tools/imports/pricelists`: dry-run then apply a price-list file (`pricelist,code,price`, CSV or XLSX). Apply stays
 * refused while the last dry run of this file found errors.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const allowed = IMPORTERS.filter((i) => hasRight(i.right));
  const [importer, setImporter] = useState<string>(allowed[0]?.id ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('csv');
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const { job, error: jobError } = useJob(jobId);
  const send = useMutation({
    mutationFn: (dryRun: boolean) => postImport(importer, file!, format, dryRun),
    onMutate: () => {
      setResult(null);
      setJobId(null);
    },
    onSuccess: (data) => {
      if (isResult(data)) setResult(data);
      else setJobId((data as { id: string }).id);
    },
  });
  if (!allowed.length) return <ForbiddenPage />;
  const shown = result ?? (job?.status === 'done' && isResult(job.result) ? job.result : null);
  const running = send.isPending || (jobId !== null && job?.status !== 'done' && job?.status !== 'failed');
  const blocked = !!result && result.errors.length > 0;
  return (
    <>
      <PageHeader title={t('medical-pricelist.imports.title')} subtitle={t('medical-pricelist.imports.help')} />
      <Paper variant="outlined" sx={{ p: 3 }}>
        <FormGrid columns={3}>
          <SelectInput
            name="importer"
            label={t('medical-pricelist.imports.importer')}
            options={allowed.map((i) => ({ value: i.id, label: t(i.label) }))}
            value={importer}
            onChange={(v) => {
              setImporter(v);
              setResult(null);
            }}
          />
          <SelectInput
            name="format"
            label={t('medical-pricelist.imports.format')}
            options={[
              { value: 'csv', label: 'CSV' },
              { value: 'xlsx', label: 'XLSX' },
            ]}
            value={format}
            onChange={setFormat}
          />
          <Button variant="outlined" component="label">
            {file ? file.name : t('medical-pricelist.imports.file')}
            <input
              hidden
              type="file"
              aria-label={t('medical-pricelist.imports.file')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                const f = e.target.files?.[0] ?? null;
                // cleared so that choosing the same file again (fixed on disk) is seen as a new choice
                e.target.value = '';
                setFile(f);
                setResult(null);
                if (f?.name.toLowerCase().endsWith('.xlsx')) setFormat('xlsx');
                else if (f?.name.toLowerCase().endsWith('.csv')) setFormat('csv');
              }}
            />
          </Button>
        </FormGrid>
        <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
          <Button variant="outlined" disabled={!file || running} onClick={() => send.mutate(true)}>
            {t('medical-pricelist.imports.dryRun')}
          </Button>
          <Button variant="contained" disabled={!file || running || blocked} onClick={() => send.mutate(false)}>
            {t('medical-pricelist.imports.apply')}
          </Button>
        </Box>
        <ErrorAlert error={send.error ?? jobError} />
        {job?.status === 'failed' ? <Alert severity="error">{job.error}</Alert> : null}
        {jobId && running ? (
          <ProgressBar label={t('medical-pricelist.imports.apply')} done={job?.done ?? 0} total={job?.total} />
        ) : null}
      </Paper>
      {shown ? <ResultView result={shown} /> : null}
    </>
  );
}

export function ResultView({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-labelledby="import-result" sx={{ mt: 3 }}>
      <Typography id="import-result" variant="h6" component="h2">
        {t('medical-pricelist.imports.total')}: {result.total} · {t('medical-pricelist.imports.created')}:{' '}
        {result.created} · {t('medical-pricelist.imports.updated')}: {result.updated}
      </Typography>
      {result.applied ? (
        <Alert severity="success" role="status">
          {t('medical-pricelist.imports.applied', { created: result.created, updated: result.updated })}
        </Alert>
      ) : result.errors.length === 0 ? (
        <Alert severity="info" role="status">
          {t('medical-pricelist.imports.noErrors')}
        </Alert>
      ) : (
        <Alert severity="warning" role="status">
          {t('medical-pricelist.imports.notApplied')}
        </Alert>
      )}
      {result.errors.length ? (
        <DataTable
          label={t('medical-pricelist.imports.errors')}
          rowKey={(e) => `${e.row}:${e.field ?? ''}:${e.message}`}
          columns={[
            { key: 'row', header: t('medical-pricelist.imports.row'), width: 80 },
            {
              key: 'field',
              header: t('medical-pricelist.imports.field'),
              width: 180,
              render: (e) => (e.field ? t(`medical-pricelist.field.${e.field}`, { defaultValue: e.field }) : ''),
            },
            { key: 'message', header: t('medical-pricelist.imports.message') },
          ]}
          rows={result.errors}
          totalCount={result.errors.length}
        />
      ) : null}
    </Box>
  );
}
