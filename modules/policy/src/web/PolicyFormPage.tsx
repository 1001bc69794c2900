import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import {
  ErrorAlert,
  FormGrid,
  fieldError,
  formatMoney,
  PageHeader,
  SelectInput,
  TextInput,
  useGo,
  useRouteParams,
} from '@mutua/web-kernel';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createPolicy, formOptions, getPolicy, policyValues, renewPolicy } from './api';

const today = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

/** `/families/$id/policies/new`: a new policy for the family. */
export function NewPolicyPage() {
  const { id = '' } = useRouteParams();
  return <PolicyForm familyId={id} previousPolicyId={null} />;
}

/** `/policies/$id/renew`: the renewal of a policy (product conversion is applied by the server). */
export function RenewPolicyPage() {
  const { id = '' } = useRouteParams();
  const q = useQuery({ queryKey: ['policy.policy', id], queryFn: () => getPolicy(id) });
  if (q.isLoading) return <LinearProgress />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  return (
    <PolicyForm
      familyId={q.data.familyId}
      previousPolicyId={id}
      defaultProductId={q.data.productId}
      defaultOfficerId={q.data.officerId}
    />
  );
}

/**
 * The policy form: product, enrolment date and officer; the start and expiry dates and the value the server
 * computes (`policyValues`) are shown before saving, so the officer can tell the family what to pay.
 */
export function PolicyForm(props: {
  familyId: string;
  previousPolicyId: string | null;
  defaultProductId?: string;
  defaultOfficerId?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const go = useGo();
  const renewal = props.previousPolicyId !== null;
  const [productId, setProductId] = useState(props.defaultProductId ?? '');
  const [enrollDate, setEnrollDate] = useState(today());
  const [officerId, setOfficerId] = useState(props.defaultOfficerId ?? '');
  const options = useQuery({ queryKey: ['policy.formOptions'], queryFn: formOptions });
  const ready = !!productId && /^\d{4}-\d{2}-\d{2}$/.test(enrollDate);
  const values = useQuery({
    queryKey: ['policy.values', props.familyId, productId, enrollDate, props.previousPolicyId],
    queryFn: () =>
      policyValues({ familyId: props.familyId, productId, enrollDate, previousPolicyId: props.previousPolicyId }),
    enabled: ready,
    retry: false,
  });
  const save = useMutation({
    mutationFn: () =>
      renewal
        ? renewPolicy({ policyId: props.previousPolicyId!, enrollDate, officerId: officerId || null })
        : createPolicy({ familyId: props.familyId, productId, enrollDate, officerId: officerId || null }),
    onSuccess: (p) => go(`/policies/${p.id}`),
  });
  const err = (f: string) => fieldError(save.error, f) ?? fieldError(values.error, f);
  const v = values.data;
  return (
    <>
      <PageHeader title={t(renewal ? 'policy.form.renewTitle' : 'policy.form.newTitle')} />
      <Paper
        component="form"
        sx={{ p: 2 }}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {options.error ? <ErrorAlert error={options.error} /> : null}
        <FormGrid>
          <SelectInput
            name="productId"
            label={t('policy.field.product')}
            required
            disabled={renewal}
            value={productId}
            onChange={setProductId}
            options={(options.data?.products ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))}
            error={err('productId')}
          />
          <TextInput
            name="enrollDate"
            type="date"
            label={t('policy.field.enrollDate')}
            required
            value={enrollDate}
            onChange={(e) => setEnrollDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today() } }}
            error={err('enrollDate')}
          />
          <SelectInput
            name="officerId"
            label={t('policy.field.officer')}
            value={officerId}
            onChange={setOfficerId}
            emptyLabel={t('policy.form.noOfficer')}
            options={(options.data?.officers ?? []).map((o) => ({ value: o.id, label: `${o.code} — ${o.name}` }))}
            error={err('officerId')}
          />
        </FormGrid>
        <Box component="section" aria-label={t('policy.form.computed')} sx={{ mt: 2 }}>
          <Typography variant="subtitle2">{t('policy.form.computed')}</Typography>
          {values.isFetching ? <LinearProgress /> : null}
          {values.error && !err('productId') && !err('enrollDate') ? <ErrorAlert error={values.error} /> : null}
          {v ? (
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, m: 0 }}>
              <dt>{t('policy.field.startDate')}</dt>
              <dd data-testid="startDate">{v.startDate}</dd>
              <dt>{t('policy.field.expiryDate')}</dt>
              <dd data-testid="expiryDate">{v.expiryDate}</dd>
              <dt>{t('policy.field.value')}</dt>
              <dd data-testid="value">
                <strong>{formatMoney(v.value, i18n.language)}</strong>
              </dd>
              {v.discount !== '0.00' ? (
                <>
                  <dt>{t('policy.field.discount')}</dt>
                  <dd>{formatMoney(v.discount, i18n.language)}</dd>
                </>
              ) : null}
              <dt>{t('policy.field.members')}</dt>
              <dd>{v.membersCounted}</dd>
            </Box>
          ) : null}
          {v?.membersAboveMax ? (
            <Alert severity="warning">{t('policy.form.aboveMax', { count: v.membersAboveMax })}</Alert>
          ) : null}
        </Box>
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Box sx={{ mt: 2 }}>
          <Button type="submit" variant="contained" disabled={!ready || save.isPending}>
            {t('policy.action.save')}
          </Button>
        </Box>
      </Paper>
    </>
  );
}
