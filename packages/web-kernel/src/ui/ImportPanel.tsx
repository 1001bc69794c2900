import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiHeaders, GqlError } from '../api/http';
import { useAuth } from '../auth/AuthProvider';
import { useJob } from '../jobs/use-job';
import { ForbiddenPage } from '../shell/ForbiddenPage';
import { DataTable } from './DataTable';
import { ErrorAlert } from './ErrorAlert';
import { FormGrid } from './FormGrid';
import { PageHeader } from './PageHeader';
import { ProgressBar } from './ProgressBar';
import { SelectInput } from './SelectInput';

/** The kernel's ImportResult (POST /api/imports/{id}). */
export interface ImportResult {
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  errors: Array<{ row: number; field?: string; message: string }>;
  applied: boolean;
}

export type ImportFormat = 'csv' | 'xml' | 'xlsx';

/** One importer the page offers (a kernel importer id), shown to users with its right. */
export interface ImporterChoice {
  id: string;
  /** Translated name (the register or list it fills). */
  label: string;
  right: string;
}

export interface ImportPanelProps {
  /** Translated page title and help (what the file must hold). */
  title: string;
  help?: string;
  /** Translated label of the importer choice ("Register", "Price lists"). */
  importerLabel: string;
  importers: readonly ImporterChoice[];
  formats: readonly ImportFormat[];
  /** The domain's words for the rows a file adds and changes ("To create", "Repriced"), and the applied message. */
  createdLabel: string;
  updatedLabel: string;
  applied: (counts: { created: number; updated: number }) => string;
  /** The translated name of a column named in a row error. */
  fieldLabel?: (field: string) => string;
  /** More content under the result (export links…). */
  children?: ReactNode;
  /** Shown to users without any importer's right when `children` offers them something else. */
  allowWithout?: boolean;
}

const FORMAT_LABEL: Record<ImportFormat, string> = { csv: 'CSV', xml: 'XML (openIMIS)', xlsx: 'Excel (XLSX)' };
const ACCEPT: Record<ImportFormat, string> = {
  csv: '.csv,text/csv',
  xml: '.xml,text/xml,application/xml',
  xlsx: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Posts the file to the kernel's import endpoint: a dry run answers at once, an apply runs as a job (progress bar). */
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
 * An import page: choose the importer, the file and its format; check it (dry run: every bad row with its column and
 * problem, nothing written); import it (a job with a progress bar). Import stays refused while the last check of
 * this file found errors — the file must be fixed and chosen again.
 */
export function ImportPanel(p: ImportPanelProps) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const allowed = p.importers.filter((i) => hasRight(i.right));
  const [importer, setImporter] = useState<string>(allowed[0]?.id ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<string>(p.formats[0] ?? 'csv');
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
  if (!allowed.length && !p.allowWithout) return <ForbiddenPage />;
  const shown = result ?? (job?.status === 'done' && isResult(job.result) ? job.result : null);
  const running = send.isPending || (jobId !== null && job?.status !== 'done' && job?.status !== 'failed');
  const blocked = !!result && result.errors.length > 0;
  return (
    <>
      <PageHeader title={p.title} {...(p.help ? { subtitle: p.help } : {})} />
      {allowed.length ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <FormGrid columns={3}>
            <SelectInput
              name="importer"
              label={p.importerLabel}
              options={allowed.map((i) => ({ value: i.id, label: i.label }))}
              value={importer}
              onChange={(v) => {
                setImporter(v);
                setResult(null);
              }}
            />
            <SelectInput
              name="format"
              label={t('core.import.format')}
              options={p.formats.map((f) => ({ value: f, label: FORMAT_LABEL[f] }))}
              value={format}
              onChange={setFormat}
            />
            <Button variant="outlined" component="label">
              {file ? file.name : t('core.import.file')}
              <input
                hidden
                type="file"
                aria-label={t('core.import.file')}
                accept={p.formats.map((f) => ACCEPT[f]).join(',')}
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null;
                  // cleared so that choosing the same file again (fixed on disk) is seen as a new choice
                  e.target.value = '';
                  setFile(f);
                  setResult(null);
                  const ext = f?.name.toLowerCase().split('.').pop() ?? '';
                  if ((p.formats as readonly string[]).includes(ext)) setFormat(ext);
                }}
              />
            </Button>
          </FormGrid>
          <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
            <Button variant="outlined" disabled={!file || running} onClick={() => send.mutate(true)}>
              {t('core.import.dryRun')}
            </Button>
            <Button variant="contained" disabled={!file || running || blocked} onClick={() => send.mutate(false)}>
              {t('core.import.apply')}
            </Button>
          </Box>
          <ErrorAlert error={send.error ?? jobError} />
          {job?.status === 'failed' ? <Alert severity="error">{job.error}</Alert> : null}
          {jobId && running ? (
            <ProgressBar label={t('core.import.apply')} done={job?.done ?? 0} total={job?.total} />
          ) : null}
        </Paper>
      ) : null}
      {shown ? <ImportResultView result={shown} {...p} /> : null}
      {p.children}
    </>
  );
}

function ImportResultView({
  result,
  createdLabel,
  updatedLabel,
  applied,
  fieldLabel,
}: { result: ImportResult } & ImportPanelProps) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-labelledby="import-result" sx={{ mt: 3 }}>
      <Typography id="import-result" variant="h6" component="h2">
        {[
          [t('core.import.total'), result.total],
          [createdLabel, result.created],
          [updatedLabel, result.updated],
        ]
          .map(([label, n]) => `${label}${t('core.labelSep')}${n}`)
          .join(' · ')}
      </Typography>
      {result.applied ? (
        <Alert severity="success" role="status">
          {applied({ created: result.created, updated: result.updated })}
        </Alert>
      ) : result.errors.length === 0 ? (
        <Alert severity="info" role="status">
          {t('core.import.noErrors')}
        </Alert>
      ) : (
        <Alert severity="warning" role="status">
          {t('core.import.notApplied')}
        </Alert>
      )}
      {result.errors.length ? (
        <DataTable
          label={t('core.import.errors')}
          rowKey={(e) => `${e.row}:${e.field ?? ''}:${e.message}`}
          columns={[
            { key: 'row', header: t('core.import.row'), width: 80 },
            {
              key: 'field',
              header: t('core.import.field'),
              width: 180,
              render: (e) => (e.field ? (fieldLabel?.(e.field) ?? e.field) : ''),
            },
            { key: 'message', header: t('core.import.message') },
          ]}
          rows={result.errors}
          totalCount={result.errors.length}
        />
      ) : null}
    </Box>
  );
}
