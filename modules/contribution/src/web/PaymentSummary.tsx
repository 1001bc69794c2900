import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { PolicyPayment } from './api';
import { formatMoney } from './format';

/** Value, paid, remaining, installments and deadline of a policy, as labelled figures. */
export function PaymentSummary({ payment }: { payment: PolicyPayment }) {
  const { t, i18n } = useTranslation();
  const money = (v: string) => formatMoney(v, i18n.language);
  const items: Array<[string, string, string]> = [
    ['value', t('contribution.page.value'), money(payment.value)],
    ['paid', t('contribution.page.paid'), money(payment.paid)],
    ['due', t('contribution.page.due'), money(payment.due)],
    [
      'installments',
      t('contribution.page.installments'),
      payment.maxInstallments
        ? t('contribution.page.installmentsOf', { count: payment.installments, max: payment.maxInstallments })
        : String(payment.installments),
    ],
    ['deadline', t('contribution.page.deadline'), payment.deadline ?? t('contribution.page.noDeadline')],
  ];
  if (payment.photoFees !== '0.00')
    items.push(['photoFees', t('contribution.page.photoFees'), money(payment.photoFees)]);
  return (
    <Box component="dl" sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, m: 0, mb: 2 }}>
      {items.map(([key, label, value]) => (
        <Box key={key} data-testid={`payment-${key}`}>
          <Typography component="dt" variant="caption" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" variant="body1" sx={{ m: 0, fontWeight: key === 'due' ? 600 : 400 }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
