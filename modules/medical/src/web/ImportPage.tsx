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
interface ImportResult {
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  errors: Array<{ row: number; field?: string; message: string }>;
  applied: boolean;
}

const REGISTERS = [
  { kind: 'items', importRight: 'medical.item.add', exportRight: 'medical.item.search' },
  { kind: 'services', importRight: 'medical.service.add', exportRight: 'medical.service.search' },
  { kind: 'diagnoses', importRight: 'medical.diagnosis.upload', exportRight: 'medical.diagnosis.search' },
] as const;

/** Posts the file to the kernel's import endpoint: a dry run answers at once, an apply runs as a job (progress bar). */
async function postImport(kind: string, file: File, format: string, dryRun: boolean): Promise<unknown> {
  const body = new FormData();
  body.append('file', file);
  const query = new URLSearchParams({ dryRun: String(dryRun), format, ...(dryRun ? {} : { async: 'true' }) });
  const res = await fetch(`/api/imports/medical.${kind}?${query}`, {
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

const formatOf = (name: string) => {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return ['csv', 'xml', 'xlsx'].includes(ext) ? ext : null;
};

/** `/tools/imports/medical`: dry-run then apply an items, services or diagnoses register; export each register. */
export function ImportPage() {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const importable = REGISTERS.filter((r) => hasRight(r.importRight));
  const exportable = REGISTERS.filter((r) => hasRight(r.exportRight));
  const [kind, setKind] = useState<string>(importable[0]?.kind ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('csv');
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const { job, error: jobError } = useJob(jobId);
  const send = useMutation({
    mutationFn: (dryRun: boolean) => postImport(kind, file!, format, dryRun),
    onMutate: () => {
      setResult(null);
      setJobId(null);
    },
    onSuccess: (data) => {
      if (isResult(data)) setResult(data);
      else setJobId((data as { id: string }).id);
    },
  });
  if (!importable.length && !exportable.length) return <ForbiddenPage />;
  const shown = result ?? (job?.status === 'done' && isResult(job.result) ? job.result : null);
  const running = send.isPending || (jobId !== null && job?.status !== 'done' && job?.status !== 'failed');
  return (
    <>
      <PageHeader title={t('medical.page.imports')} />
      {importable.length ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <FormGrid columns={3}>
            <SelectInput
              name="register"
              label={t('medical.page.register')}
              options={importable.map((r) => ({ value: r.kind, label: t(`medical.import.${r.kind}`) }))}
              value={kind}
              onChange={setKind}
            />
            <SelectInput
              name="format"
              label={t('medical.page.format')}
              options={[
                { value: 'csv', label: 'CSV' },
                { value: 'xml', label: 'XML (openIMIS)' },
                { value: 'xlsx', label: 'Excel (XLSX)' },
              ]}
              value={format}
              onChange={setFormat}
            />
            <Button variant="outlined" component="label">
              {file ? file.name : t('medical.page.file')}
              <input
                hidden
                type="file"
                aria-label={t('medical.page.file')}
                accept=".csv,.xml,.xlsx,text/csv,text/xml,application/xml"
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null;
                  setFile(f);
                  const fmt = f ? formatOf(f.name) : null;
                  if (fmt) setFormat(fmt);
                }}
              />
            </Button>
          </FormGrid>
          <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
            <Button variant="outlined" disabled={!file || running} onClick={() => send.mutate(true)}>
              {t('medical.page.dryRun')}
            </Button>
            <Button variant="contained" disabled={!file || running} onClick={() => send.mutate(false)}>
              {t('medical.page.apply')}
            </Button>
          </Box>
          <ErrorAlert error={send.error ?? jobError} />
          {job?.status === 'failed' ? <Alert severity="error">{job.error}</Alert> : null}
          {jobId && running ? (
            <ProgressBar label={t('medical.page.apply')} done={job?.done ?? 0} total={job?.total} />
          ) : null}
        </Paper>
      ) : null}
      {shown ? <ResultView result={shown} /> : null}
      {exportable.length ? (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 3 }}>
          {exportable.flatMap((r) =>
            (['csv', 'xlsx'] as const).map((f) => (
              <Button key={`${r.kind}.${f}`} variant="outlined" href={`/api/medical/export/${r.kind}?format=${f}`}>
                {t(`medical.import.${r.kind}`)} — {t('medical.page.export', { format: f.toUpperCase() })}
              </Button>
            )),
          )}
        </Box>
      ) : null}
    </>
  );
}

function ResultView({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-labelledby="import-result" sx={{ mt: 3 }}>
      <Typography id="import-result" variant="h6" component="h2">
        {t('medical.page.result', { total: result.total, created: result.created, updated: result.updated })}
      </Typography>
      {result.applied ? (
        <Alert severity="success" role="status">
          {t('medical.page.applied', { created: result.created, updated: result.updated })}
        </Alert>
      ) : null}
      {result.errors.length ? (
        <DataTable
          label={t('medical.page.register')}
          rowKey={(e) => `${e.row}:${e.field ?? ''}:${e.message}`}
          columns={[
            { key: 'row', header: t('medical.page.row'), width: 80 },
            {
              key: 'field',
              header: t('medical.page.field'),
              width: 180,
              render: (e) => (e.field ? t(`medical.field.${e.field}`, { defaultValue: e.field }) : ''),
            },
            { key: 'message', header: t('medical.page.message') },
          ]}
          rows={result.errors}
          totalCount={result.errors.length}
        />
      ) : null}
    </Box>
  );
}
