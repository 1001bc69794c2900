import Alert from '@mui/material/Alert';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import {
  ErrorAlert,
  FormGrid,
  PageHeader,
  SelectInput,
  StatusPage,
  TextInput,
  useGo,
  useRouteParams,
} from '@mutua/web-kernel';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ClaimRow,
  createClaim,
  facilityOptions,
  findInsuree,
  getClaim,
  type Option,
  problemOf,
  updateClaim,
  uploadAttachment,
  userFacility,
} from './api';
import { ClaimLinesEditor, type DraftLine, newLine } from './ClaimLinesEditor';
import { DiagnosisPicker } from './DiagnosisPicker';
import { VISIT_TYPES } from './labels';

const MAX_SECONDARY = 4;
const today = () => new Date().toISOString().slice(0, 10);

interface Draft {
  hfId: string;
  code: string;
  insureeNumber: string;
  dateFrom: string;
  dateTo: string;
  dateClaimed: string;
  visitType: string;
  icdId: string;
  icd: Option | null;
  secondary: Array<{ id: string; option: Option | null }>;
  guaranteeId: string;
  explanation: string;
  items: DraftLine[];
  services: DraftLine[];
}

function fromClaim(c: ClaimRow | null): Draft {
  const lines = (kind: 'item' | 'service') =>
    (kind === 'item' ? (c?.items ?? []) : (c?.services ?? [])).map((l) => ({
      ...newLine(),
      medicalId: l.medicalId,
      code: (l.item ?? l.service)?.code ?? '',
      name: (l.item ?? l.service)?.name ?? '',
      qty: l.qtyProvided,
      price: l.priceAsked,
      explanation: l.explanation ?? '',
    }));
  return {
    hfId: c?.hfId ?? '',
    code: c?.code ?? '',
    insureeNumber: c?.insuree?.chfId ?? '',
    dateFrom: c?.dateFrom ?? '',
    dateTo: c?.dateTo ?? '',
    dateClaimed: c?.dateClaimed ?? today(),
    visitType: c?.visitType ?? 'O',
    icdId: c?.icdId ?? '',
    icd: c?.diagnosis && c.icdId ? { id: c.icdId, ...c.diagnosis } : null,
    secondary: (c?.secondaryDiagnoses ?? []).map((d) => ({ id: d.id, option: d })),
    guaranteeId: c?.guaranteeId ?? '',
    explanation: c?.explanation ?? '',
    items: lines('item'),
    services: lines('service'),
  };
}

function toInput(d: Draft) {
  const s = (v: string) => v.trim() || null;
  const lines = (ls: DraftLine[]) =>
    ls.map((l) => ({
      medicalId: l.medicalId,
      qtyProvided: l.qty.trim(),
      priceAsked: s(l.price),
      explanation: s(l.explanation),
    }));
  return {
    hfId: s(d.hfId),
    code: d.code.trim(),
    insureeNumber: s(d.insureeNumber),
    dateFrom: d.dateFrom,
    dateTo: s(d.dateTo),
    dateClaimed: d.dateClaimed,
    visitType: d.visitType,
    icdId: d.icdId,
    secondaryIcdIds: d.secondary.map((x) => x.id).filter(Boolean),
    guaranteeId: s(d.guaranteeId),
    explanation: s(d.explanation),
    items: lines(d.items),
    services: lines(d.services),
  };
}

/** The insuree found by number: names, photo, date of birth and policies (or "unknown"). */
function InsureeCard({ number }: { number: string }) {
  const { t } = useTranslation();
  const [debounced, setDebounced] = useState(number);
  useEffect(() => {
    const h = setTimeout(() => setDebounced(number.trim()), 400);
    return () => clearTimeout(h);
  }, [number]);
  const q = useQuery({
    queryKey: ['claim.insuree', debounced],
    queryFn: () => findInsuree(debounced),
    enabled: debounced.length >= 3,
  });
  if (!debounced || debounced.length < 3) return null;
  if (q.isLoading) return <LinearProgress aria-label={t('claim.insuree.searching')} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Alert severity="warning">{t('claim.insuree.unknown', { number: debounced })}</Alert>;
  const i = q.data;
  return (
    <Paper
      variant="outlined"
      sx={{ p: 1.5, display: 'flex', gap: 2 }}
      aria-label={t('claim.insuree.card')}
      role="region"
    >
      <Avatar src={i.photoUrl ?? undefined} alt={t('claim.insuree.photo')} sx={{ width: 64, height: 64 }} />
      <Box>
        <Typography sx={{ fontWeight: 600 }}>
          {i.lastName} {i.otherNames}
        </Typography>
        <Typography variant="body2">
          {t('claim.insuree.details', { chfId: i.chfId, dob: i.dob, gender: i.gender ?? '' })}
        </Typography>
        {i.policies.length ? (
          i.policies.map((p) => (
            <Typography variant="body2" key={`${p.productCode}-${p.expiryDate}`}>
              {t('claim.insuree.policy', {
                product: `${p.productCode} ${p.productName}`,
                status: t(`claim.policyStatus.${p.statusLetter}`),
                expiry: p.expiryDate,
              })}
            </Typography>
          ))
        ) : (
          <Typography variant="body2" color="warning.main">
            {t('claim.insuree.noPolicy')}
          </Typography>
        )}
      </Box>
    </Paper>
  );
}

/**
 * The claim entry form (`/claims/new`, `/claims/$id/edit`): facility (the claim administrator's own, preset),
 * insuree by insurance number, dates, visit type, diagnoses, items and services at the facility's prices, and
 * attachments uploaded after the claim is saved.
 */
export function ClaimForm({ claim }: { claim: ClaimRow | null }) {
  const { t } = useTranslation();
  const go = useGo();
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(() => fromClaim(claim));
  const [files, setFiles] = useState<File[]>([]);
  const facilities = useQuery({ queryKey: ['claim.facilities'], queryFn: () => facilityOptions('') });
  const own = useQuery({ queryKey: ['claim.userFacility'], queryFn: userFacility, enabled: !claim });
  useEffect(() => {
    if (!claim && own.data && !d.hfId) setD((x) => ({ ...x, hfId: own.data!.id }));
  }, [own.data, claim, d.hfId]);
  const save = useMutation({
    mutationFn: async () => {
      const input = toInput(d);
      const saved = claim ? await updateClaim(claim.id, input) : await createClaim(input);
      for (const f of files) await uploadAttachment(saved.id, f, null);
      return saved;
    },
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['claim.claim', saved.id] });
      void qc.invalidateQueries({ queryKey: ['claim.claims'] });
      go(`/claims/${saved.id}`);
    },
  });
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const err = (f: string) => problemOf(save.error, f);
  const facilityList = facilities.data ?? [];
  const facilityOptionsList = (
    own.data && !facilityList.some((f) => f.id === own.data!.id) ? [own.data, ...facilityList] : facilityList
  ).map((f) => ({ value: f.id, label: `${f.code} ${f.name}` }));
  return (
    <>
      <PageHeader title={claim ? t('claim.page.editClaim', { code: claim.code }) : t('claim.page.newClaim')} />
      <Box
        component="form"
        noValidate
        aria-label={t('claim.page.claimForm')}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <ErrorAlert error={save.error} />
        <FormGrid columns={3}>
          <SelectInput
            name="hfId"
            label={t('claim.field.healthFacility')}
            required
            value={d.hfId}
            disabled={Boolean(own.data)}
            options={facilityOptionsList}
            error={err('hfId')}
            onChange={(v) => set('hfId', v)}
          />
          <TextInput
            name="code"
            label={t('claim.field.code')}
            required
            value={d.code}
            error={err('code')}
            onChange={(e) => set('code', e.target.value)}
          />
          <TextInput
            name="insureeNumber"
            label={t('claim.field.insureeNumber')}
            required
            value={d.insureeNumber}
            error={err('insureeNumber')}
            onChange={(e) => set('insureeNumber', e.target.value)}
          />
        </FormGrid>
        <InsureeCard number={d.insureeNumber} />
        <FormGrid columns={4}>
          {(
            [
              ['dateFrom', true],
              ['dateTo', false],
              ['dateClaimed', true],
            ] as const
          ).map(([k, req]) => (
            <TextInput
              key={k}
              name={k}
              type="date"
              label={t(`claim.field.${k}`)}
              required={req}
              value={d[k]}
              error={err(k)}
              onChange={(e) => set(k, e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          ))}
          <SelectInput
            name="visitType"
            label={t('claim.field.visitType')}
            value={d.visitType}
            error={err('visitType')}
            options={VISIT_TYPES.map((v) => ({ value: v, label: t(`claim.visitType.${v}`) }))}
            onChange={(v) => set('visitType', v)}
          />
        </FormGrid>
        <FormGrid columns={3}>
          <DiagnosisPicker
            name="icdId"
            label={t('claim.field.diagnosis')}
            required
            value={d.icdId}
            initial={d.icd}
            error={err('icdId')}
            onChange={(id, o) => setD((x) => ({ ...x, icdId: id, icd: o }))}
          />
          {d.secondary.map((s, i) => (
            <DiagnosisPicker
              key={i}
              name={`secondaryIcdIds.${i}`}
              label={t('claim.field.secondaryN', { n: i + 1 })}
              value={s.id}
              initial={s.option}
              error={err(`secondaryIcdIds.${i}`)}
              onChange={(id, o) =>
                set(
                  'secondary',
                  d.secondary.map((x, j) => (j === i ? { id, option: o } : x)),
                )
              }
            />
          ))}
          {d.secondary.length < MAX_SECONDARY ? (
            <Button onClick={() => set('secondary', [...d.secondary, { id: '', option: null }])}>
              {t('claim.page.addSecondary')}
            </Button>
          ) : null}
        </FormGrid>
        <FormGrid columns={2}>
          <TextInput
            name="guaranteeId"
            label={t('claim.field.guaranteeId')}
            value={d.guaranteeId}
            error={err('guaranteeId')}
            onChange={(e) => set('guaranteeId', e.target.value)}
          />
          <TextInput
            name="explanation"
            label={t('claim.field.explanation')}
            value={d.explanation}
            multiline
            error={err('explanation')}
            onChange={(e) => set('explanation', e.target.value)}
          />
        </FormGrid>
        {!d.hfId ? <Alert severity="info">{t('claim.page.chooseFacilityFirst')}</Alert> : null}
        <ClaimLinesEditor
          kind="item"
          hfId={d.hfId}
          lines={d.items}
          error={save.error}
          onChange={(v) => set('items', v)}
        />
        <ClaimLinesEditor
          kind="service"
          hfId={d.hfId}
          lines={d.services}
          error={save.error}
          onChange={(v) => set('services', v)}
        />
        <Box sx={{ my: 2 }}>
          <Button component="label" variant="outlined">
            {t('claim.page.addAttachments')}
            <input
              hidden
              type="file"
              multiple
              aria-label={t('claim.page.addAttachments')}
              onChange={(e) => setFiles([...files, ...Array.from(e.target.files ?? [])])}
            />
          </Button>
          {files.map((f) => (
            <Typography key={f.name} variant="body2">
              {f.name}
            </Typography>
          ))}
        </Box>
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            {t('claim.action.save')}
          </Button>
          <Button onClick={() => go(claim ? `/claims/${claim.id}` : '/claims')}>{t('claim.action.cancel')}</Button>
        </Box>
      </Box>
    </>
  );
}

/** `/claims/new`. */
export function NewClaimPage() {
  return <ClaimForm claim={null} />;
}

/** `/claims/$id/edit`: the form on a saved claim (entered or checked). */
export function EditClaimPage() {
  const { t } = useTranslation();
  const { id = '' } = useRouteParams();
  const q = useQuery({ queryKey: ['claim.claim', id], queryFn: () => getClaim(id) });
  if (q.isLoading) return <LinearProgress aria-label={t('claim.page.claim')} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <StatusPage code="404" title={t('claim.page.notFound')} message="" />;
  return <ClaimForm key={q.data.id} claim={q.data} />;
}
