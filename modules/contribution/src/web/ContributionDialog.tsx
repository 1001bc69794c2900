import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { FormGrid, fieldError, RecordDialog, SelectInput, TextInput, useAuth } from '@mutua/web-kernel';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAY_TYPES } from '../domain/types';
import {
  type ContributionFormInput,
  type ContributionRow,
  createContribution,
  deleteContribution,
  listPayers,
  type PolicyPayment,
  previewContribution,
  updateContribution,
} from './api';
import { AMOUNT, formatMoney, todayLocal, useDebounced } from './format';

export interface SavedInfo {
  activated: boolean;
  effectiveDate: string | null;
}

/**
 * Records or edits a contribution of a policy. Before saving it shows what remains to pay and whether this payment
 * activates the policy (asked to the server as the user types, so the rule is the server's).
 */
export function ContributionDialog({
  policyId,
  payment,
  contribution,
  onClose,
  onSaved,
}: {
  policyId: string;
  payment: PolicyPayment | null;
  contribution: ContributionRow | null;
  onClose: () => void;
  onSaved: (info: SavedInfo) => void;
}) {
  const { t, i18n } = useTranslation();
  const { hasRight } = useAuth();
  const canEdit = hasRight(contribution ? 'contribution.contribution.edit' : 'contribution.contribution.add');
  const [form, setForm] = useState<ContributionFormInput>({
    amount: contribution?.amount ?? (payment && payment.due !== '0.00' ? payment.due : ''),
    receipt: contribution?.receipt ?? '',
    payDate: contribution?.payDate ?? todayLocal(),
    payType: contribution?.payType ?? 'C',
    payerId: contribution?.payerId ?? null,
    isPhotoFee: contribution?.isPhotoFee ?? false,
  });
  const set = <K extends keyof ContributionFormInput>(k: K, v: ContributionFormInput[K]) =>
    setForm((f) => ({ ...f, [k]: v }));
  const money = (v: string) => formatMoney(v, i18n.language);

  const payers = useQuery({
    queryKey: ['contribution.payers'],
    queryFn: listPayers,
    enabled: hasRight('payer.payer.search'),
  });
  const payerOptions = (payers.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (contribution?.payer && !payerOptions.some((o) => o.value === contribution.payer?.id)) {
    payerOptions.push({ value: contribution.payer.id, label: contribution.payer.name });
  }

  const draft = useDebounced({ amount: form.amount.trim(), payDate: form.payDate, isPhotoFee: form.isPhotoFee });
  const previewable = AMOUNT.test(draft.amount) && /^\d{4}-\d{2}-\d{2}$/.test(draft.payDate) && canEdit;
  const preview = useQuery({
    queryKey: ['contribution.preview', policyId, contribution?.id ?? null, draft],
    queryFn: () => previewContribution({ policyId, ...draft, exceptId: contribution?.id ?? null }),
    enabled: previewable,
    retry: false,
  });

  const save = useMutation({
    mutationFn: () => {
      const input = { ...form, amount: form.amount.trim(), receipt: form.receipt.trim() };
      return contribution ? updateContribution(contribution.id, input) : createContribution(policyId, input);
    },
    onSuccess: (r) => onSaved({ activated: r.activated, effectiveDate: r.policy.effectiveDate }),
  });
  const remove = useMutation({
    mutationFn: () => deleteContribution(contribution?.id ?? ''),
    onSuccess: () => onSaved({ activated: false, effectiveDate: null }),
  });

  const p = previewable ? preview.data : undefined;
  const title = contribution ? t('contribution.page.edit') : t('contribution.page.add');
  return (
    <RecordDialog
      title={title}
      maxWidth="md"
      save={save}
      canSave={canEdit}
      remove={remove}
      confirmDelete={
        contribution && hasRight('contribution.contribution.delete')
          ? {
              title: t('contribution.page.deleteTitle', { receipt: contribution.receipt }),
              message: t('contribution.page.deleteBody'),
            }
          : null
      }
      history={contribution ? { entity: 'Contribution', entityId: contribution.id } : null}
      onClose={onClose}
    >
      <FormGrid columns={2}>
        <TextInput
          name="receipt"
          label={t('contribution.field.receipt')}
          required
          disabled={!canEdit}
          value={form.receipt}
          slotProps={{ htmlInput: { maxLength: 50 } }}
          onChange={(e) => set('receipt', e.target.value)}
          error={fieldError(save.error, 'receipt')}
        />
        <TextInput
          name="payDate"
          label={t('contribution.field.payDate')}
          type="date"
          required
          disabled={!canEdit}
          value={form.payDate}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: todayLocal() } }}
          onChange={(e) => set('payDate', e.target.value)}
          error={fieldError(save.error, 'payDate')}
        />
        <TextInput
          name="amount"
          label={t('contribution.field.amount')}
          required
          disabled={!canEdit}
          value={form.amount}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          onChange={(e) => set('amount', e.target.value)}
          error={fieldError(save.error, 'amount')}
        />
        <SelectInput
          name="payType"
          label={t('contribution.field.payType')}
          required
          disabled={!canEdit}
          options={PAY_TYPES.map((v) => ({ value: v, label: t(`contribution.payType.${v}`) }))}
          value={form.payType}
          onChange={(v) => set('payType', v)}
          error={fieldError(save.error, 'payType')}
        />
        {payerOptions.length ? (
          <SelectInput
            name="payerId"
            label={t('contribution.field.payerId')}
            emptyLabel={t('contribution.page.any')}
            disabled={!canEdit}
            options={payerOptions}
            value={form.payerId ?? ''}
            onChange={(v) => set('payerId', v || null)}
            error={fieldError(save.error, 'payerId')}
          />
        ) : null}
        <FormControlLabel
          control={
            <Checkbox
              name="isPhotoFee"
              checked={form.isPhotoFee}
              disabled={!canEdit}
              onChange={(e) => set('isPhotoFee', e.target.checked)}
            />
          }
          label={t('contribution.field.isPhotoFee')}
        />
      </FormGrid>
      <Box data-testid="contribution-preview" sx={{ mt: 2 }} aria-live="polite">
        {payment ? (
          <Box sx={{ mb: 1 }}>{t('contribution.page.remainingNow', { amount: money(p?.due ?? payment.due) })}</Box>
        ) : null}
        {p ? (
          <>
            <Box sx={{ mb: 1 }}>{t('contribution.page.remainingAfter', { amount: money(p.dueAfter) })}</Box>
            {p.activates ? (
              <Alert severity="success">{t('contribution.page.willActivate', { date: p.effectiveDate })}</Alert>
            ) : p.status === 1 ? (
              <Alert severity="info">{t('contribution.page.willNotActivate')}</Alert>
            ) : null}
            {p.warnings.map((w) => (
              <Alert key={w} severity="warning" sx={{ mt: 1 }}>
                {t(`contribution.warning.${w}`, {
                  deadline: p.deadline,
                  installment: p.installment,
                  max: p.maxInstallments,
                })}
              </Alert>
            ))}
          </>
        ) : null}
      </Box>
    </RecordDialog>
  );
}
