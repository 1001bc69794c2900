import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import {
  DataTable,
  ErrorAlert,
  LinkButton,
  PageHeader,
  ProgressBar,
  RouterLink,
  SearchFilters,
  SelectInput,
  TextInput,
  useAuth,
  useConnection,
  useJob,
} from '@mutua/web-kernel';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bulkClaims, type ClaimFilter, type ClaimListRow, facilityOptions, searchClaims } from './api';
import { DiagnosisPicker } from './DiagnosisPicker';
import { money, SELECTIONS, STATUSES, VISIT_TYPES } from './labels';
import { SelectionDialog } from './SelectionDialog';

interface Draft {
  hfId: string;
  status: string[];
  reviewStatus: string;
  feedbackStatus: string;
  code: string;
  insureeNumber: string;
  dateClaimedFrom: string;
  dateClaimedTo: string;
  dateFrom: string;
  dateTo: string;
  claimedMin: string;
  claimedMax: string;
  icdId: string;
  visitType: string;
}
const EMPTY: Draft = {
  hfId: '',
  status: [],
  reviewStatus: '',
  feedbackStatus: '',
  code: '',
  insureeNumber: '',
  dateClaimedFrom: '',
  dateClaimedTo: '',
  dateFrom: '',
  dateTo: '',
  claimedMin: '',
  claimedMax: '',
  icdId: '',
  visitType: '',
};

function toFilter(d: Draft): ClaimFilter {
  const s = (v: string) => v.trim() || null;
  return {
    hfId: s(d.hfId),
    status: d.status.length ? d.status.map(Number) : null,
    reviewStatus: d.reviewStatus ? Number(d.reviewStatus) : null,
    feedbackStatus: d.feedbackStatus ? Number(d.feedbackStatus) : null,
    code: s(d.code),
    insureeNumber: s(d.insureeNumber),
    dateClaimedFrom: s(d.dateClaimedFrom),
    dateClaimedTo: s(d.dateClaimedTo),
    dateFrom: s(d.dateFrom),
    dateTo: s(d.dateTo),
    claimedMin: s(d.claimedMin),
    claimedMax: s(d.claimedMax),
    icdId: s(d.icdId),
    visitType: s(d.visitType),
  };
}

/**
 * `/claims`: the claim administrators' search (facility, statuses, dates, insuree, amounts, diagnosis, visit type),
 * keyset-paged, with row selection and bulk submit/process run as a background job with a progress bar.
 */
export function ClaimsPage({
  preset,
  title,
  reviewLinks = false,
}: {
  preset?: Partial<Draft>;
  /** The page's title when it is one of the claims' work lists (reviews, feedback). */
  title?: string;
  /** A "Review" link on each row, for medical officers working through the review list. */
  reviewLinks?: boolean;
} = {}) {
  const { t, i18n } = useTranslation();
  const { hasRight } = useAuth();
  const qc = useQueryClient();
  const initial = { ...EMPTY, ...preset };
  const [draft, setDraft] = useState<Draft>(initial);
  const [filter, setFilter] = useState<ClaimFilter>(toFilter(initial));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [jobId, setJobId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'Review' | 'Feedback' | null>(null);
  const facilities = useQuery({ queryKey: ['claim.facilities'], queryFn: () => facilityOptions('') });
  const list = useConnection<ClaimListRow>(['claim.claims', filter], (after) => searchClaims(filter, after));
  const { job, finished } = useJob(jobId);
  useEffect(() => {
    if (finished) void qc.invalidateQueries({ queryKey: ['claim.claims'] });
  }, [finished, qc]);
  const bulk = useMutation({
    mutationFn: (action: 'submit' | 'process') => bulkClaims(action, [...selected], null),
    onSuccess: (id) => {
      setJobId(id);
      setSelected(new Set());
    },
  });
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const allShown = list.rows.length > 0 && list.rows.every((r) => selected.has(r.id));
  const summary = job?.result as Record<string, number> | null | undefined;
  const statusOptions = STATUSES.map((s) => ({ value: String(s), label: t(`claim.status.${s}`) }));
  const selectionOptions = SELECTIONS.map((s) => ({ value: String(s), label: t(`claim.selection.${s}`) }));
  return (
    <>
      <PageHeader
        title={title ?? t('claim.page.claims')}
        actions={
          hasRight('claim.claim.add') ? (
            <LinkButton to="/claims/new" variant="contained">
              {t('claim.page.newClaim')}
            </LinkButton>
          ) : null
        }
      />
      <SearchFilters
        onSearch={() => {
          setFilter(toFilter(draft));
          setSelected(new Set());
        }}
        onReset={() => {
          setDraft(EMPTY);
          setFilter(toFilter(EMPTY));
          setSelected(new Set());
        }}
      >
        <SelectInput
          name="hfId"
          label={t('claim.field.healthFacility')}
          value={draft.hfId}
          emptyLabel={t('claim.page.any')}
          options={(facilities.data ?? []).map((f) => ({ value: f.id, label: `${f.code} ${f.name}` }))}
          onChange={(v) => set('hfId', v)}
        />
        <SelectInput
          multiple
          name="status"
          label={t('claim.field.status')}
          value={draft.status}
          options={statusOptions}
          onChange={(v) => set('status', v)}
        />
        <SelectInput
          name="reviewStatus"
          label={t('claim.field.reviewStatus')}
          value={draft.reviewStatus}
          emptyLabel={t('claim.page.any')}
          options={selectionOptions}
          onChange={(v) => set('reviewStatus', v)}
        />
        <SelectInput
          name="feedbackStatus"
          label={t('claim.field.feedbackStatus')}
          value={draft.feedbackStatus}
          emptyLabel={t('claim.page.any')}
          options={selectionOptions}
          onChange={(v) => set('feedbackStatus', v)}
        />
        <TextInput
          name="code"
          label={t('claim.field.code')}
          value={draft.code}
          onChange={(e) => set('code', e.target.value)}
        />
        <TextInput
          name="insureeNumber"
          label={t('claim.field.insureeNumber')}
          value={draft.insureeNumber}
          onChange={(e) => set('insureeNumber', e.target.value)}
        />
        {(['dateClaimedFrom', 'dateClaimedTo', 'dateFrom', 'dateTo'] as const).map((k) => (
          <TextInput
            key={k}
            name={k}
            type="date"
            label={t(`claim.filter.${k}`)}
            value={draft[k]}
            onChange={(e) => set(k, e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        ))}
        <TextInput
          name="claimedMin"
          label={t('claim.filter.claimedMin')}
          value={draft.claimedMin}
          inputMode="decimal"
          onChange={(e) => set('claimedMin', e.target.value)}
        />
        <TextInput
          name="claimedMax"
          label={t('claim.filter.claimedMax')}
          value={draft.claimedMax}
          inputMode="decimal"
          onChange={(e) => set('claimedMax', e.target.value)}
        />
        <DiagnosisPicker
          name="icdId"
          label={t('claim.field.diagnosis')}
          value={draft.icdId}
          onChange={(v) => set('icdId', v)}
        />
        <SelectInput
          name="visitType"
          label={t('claim.field.visitType')}
          value={draft.visitType}
          emptyLabel={t('claim.page.any')}
          options={VISIT_TYPES.map((v) => ({ value: v, label: t(`claim.visitType.${v}`) }))}
          onChange={(v) => set('visitType', v)}
        />
      </SearchFilters>

      <Box
        component="section"
        aria-label={t('claim.page.bulkActions')}
        sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}
      >
        <span>{t('claim.page.selectedCount', { count: selected.size })}</span>
        {hasRight('claim.claim.submit') ? (
          <Button variant="outlined" disabled={!selected.size || bulk.isPending} onClick={() => bulk.mutate('submit')}>
            {t('claim.action.submitSelected')}
          </Button>
        ) : null}
        {hasRight('claim.claim.process') ? (
          <Button variant="outlined" disabled={!selected.size || bulk.isPending} onClick={() => bulk.mutate('process')}>
            {t('claim.action.processSelected')}
          </Button>
        ) : null}
        {hasRight('claim.claim.update') ? (
          <>
            <Button variant="outlined" disabled={!selected.size} onClick={() => setDialog('Review')}>
              {t('claim.action.selectReview')}
            </Button>
            <Button variant="outlined" disabled={!selected.size} onClick={() => setDialog('Feedback')}>
              {t('claim.action.selectFeedback')}
            </Button>
          </>
        ) : null}
      </Box>
      <ErrorAlert error={bulk.error} />
      {job ? (
        <Box>
          <ProgressBar label={t('claim.page.bulkProgress')} done={job.done} total={job.total} />
          {job.status === 'failed' ? <Alert severity="error">{job.error}</Alert> : null}
          {job.status === 'done' && summary ? (
            <Alert severity="success" role="status">
              {t('claim.page.bulkDone', {
                total: summary.total ?? 0,
                checked: summary.checked ?? 0,
                rejected: summary.rejected ?? 0,
                valuated: summary.valuated ?? 0,
                processed: summary.processed ?? 0,
                skipped: summary.skipped ?? 0,
              })}
            </Alert>
          ) : null}
        </Box>
      ) : null}
      {dialog ? (
        <SelectionDialog
          kind={dialog}
          ids={[...selected]}
          onClose={(changed) => {
            setDialog(null);
            if (changed) void qc.invalidateQueries({ queryKey: ['claim.claims'] });
          }}
        />
      ) : null}

      <DataTable<ClaimListRow>
        label={t('claim.page.claims')}
        columns={[
          {
            key: 'select',
            header: '',
            width: 40,
            render: (c) => (
              <Checkbox
                size="small"
                checked={selected.has(c.id)}
                onChange={() => toggle(c.id)}
                slotProps={{ input: { 'aria-label': t('claim.page.selectClaim', { code: c.code }) } }}
              />
            ),
          },
          {
            key: 'code',
            header: t('claim.field.code'),
            render: (c) => <RouterLink to={`/claims/${c.id}`}>{c.code}</RouterLink>,
          },
          {
            key: 'hf',
            header: t('claim.field.healthFacility'),
            render: (c) => (c.healthFacility ? `${c.healthFacility.code} ${c.healthFacility.name}` : ''),
          },
          {
            key: 'insuree',
            header: t('claim.field.insuree'),
            render: (c) => (c.insuree ? `${c.insuree.chfId} ${c.insuree.lastName} ${c.insuree.otherNames}` : ''),
          },
          { key: 'dateClaimed', header: t('claim.field.dateClaimed') },
          { key: 'status', header: t('claim.field.status'), render: (c) => t(`claim.status.${c.status}`) },
          {
            key: 'review',
            header: t('claim.field.reviewStatus'),
            render: (c) => t(`claim.selection.${c.reviewStatus}`),
          },
          {
            key: 'feedback',
            header: t('claim.field.feedbackStatus'),
            render: (c) => t(`claim.selection.${c.feedbackStatus}`),
          },
          {
            key: 'claimed',
            header: t('claim.field.claimed'),
            align: 'right',
            render: (c) => money(c.claimed, i18n.language),
          },
          {
            key: 'approved',
            header: t('claim.field.approved'),
            align: 'right',
            render: (c) => money(c.approved, i18n.language),
          },
          {
            key: 'valuated',
            header: t('claim.field.valuated'),
            align: 'right',
            render: (c) => money(c.valuated, i18n.language),
          },
          ...(reviewLinks && hasRight('claim.claim.review')
            ? [
                {
                  key: 'review-link',
                  header: '',
                  render: (c: ClaimListRow) =>
                    c.status === 4 ? (
                      <RouterLink
                        to={`/claims/${c.id}/review`}
                        aria-label={t('claim.page.reviewClaim', { code: c.code })}
                      >
                        {t('claim.action.review')}
                      </RouterLink>
                    ) : null,
                },
              ]
            : []),
        ]}
        {...list.tableProps}
      />
      {list.rows.length ? (
        <Button sx={{ mt: 1 }} onClick={() => setSelected(allShown ? new Set() : new Set(list.rows.map((r) => r.id)))}>
          {allShown ? t('claim.page.selectNone') : t('claim.page.selectAll')}
        </Button>
      ) : null}
    </>
  );
}

/** `/claims/reviews`: checked claims selected for review. */
export function ReviewsPage() {
  const { t } = useTranslation();
  return <ClaimsPage preset={{ status: ['4'], reviewStatus: '4' }} title={t('claim.menu.review')} reviewLinks />;
}

/** `/claims/feedback`: claims selected for feedback. */
export function FeedbackPage() {
  const { t } = useTranslation();
  return <ClaimsPage preset={{ feedbackStatus: '4' }} title={t('claim.menu.feedback')} />;
}
