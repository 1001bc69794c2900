import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { ErrorAlert, LinkButton, PageHeader, RouterLink, TextInput } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renewalReminders } from './api';
import { StatusChip } from './StatusChip';

/** `/policies/renewals`: policies expiring soon (or just expired) and not yet renewed, with the renewal product. */
export function RenewalsPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState('');
  const n = /^\d+$/.test(days) ? Number(days) : null;
  const q = useQuery({ queryKey: ['policy.renewals', n], queryFn: () => renewalReminders(n) });
  return (
    <>
      <PageHeader title={t('policy.renewals.title')} />
      <TextInput
        name="days"
        type="number"
        label={t('policy.renewals.days')}
        value={days}
        onChange={(e) => setDays(e.target.value)}
      />
      {q.isLoading ? <LinearProgress /> : null}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {q.data && !q.data.length ? <Alert severity="info">{t('policy.renewals.none')}</Alert> : null}
      {q.data?.length ? (
        <Paper sx={{ mt: 2 }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('policy.field.product')}</TableCell>
                <TableCell>{t('policy.field.status')}</TableCell>
                <TableCell>{t('policy.field.expiryDate')}</TableCell>
                <TableCell>{t('policy.field.renewalDate')}</TableCell>
                <TableCell>{t('policy.field.renewalProduct')}</TableCell>
                <TableCell>{t('policy.field.warnings')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {q.data.map((r) => (
                <TableRow key={r.policy.id}>
                  <TableCell>
                    <RouterLink to={`/policies/${r.policy.id}`}>
                      {r.policy.product?.code ?? r.policy.productId}
                    </RouterLink>
                  </TableCell>
                  <TableCell>
                    <StatusChip status={r.policy.status} />
                  </TableCell>
                  <TableCell>{r.policy.expiryDate}</TableCell>
                  <TableCell>{r.renewalDate}</TableCell>
                  <TableCell>{r.renewalProduct ? `${r.renewalProduct.code} — ${r.renewalProduct.name}` : ''}</TableCell>
                  <TableCell>
                    {[1, 2]
                      .filter((b) => r.warnings & b)
                      .map((b) => t(`policy.renewals.warning.${b}`))
                      .join('; ')}
                  </TableCell>
                  <TableCell>
                    <LinkButton size="small" to={`/policies/${r.policy.id}/renew`}>
                      {t('policy.action.renew')}
                    </LinkButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      ) : null}
    </>
  );
}
