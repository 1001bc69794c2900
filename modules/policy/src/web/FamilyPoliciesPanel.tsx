import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ErrorAlert, formatMoney, LinkButton, RouterLink, useAuth } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { familyPolicies } from './api';
import { StatusChip } from './StatusChip';

/** The family's policies on the family page, with "new policy" and "renew" actions. */
export function FamilyPoliciesPanel({ familyId }: { familyId: string }) {
  const { t, i18n } = useTranslation();
  const { hasRight } = useAuth();
  const q = useQuery({ queryKey: ['policy.family', familyId], queryFn: () => familyPolicies(familyId) });
  const canAdd = hasRight('policy.policy.add');
  const canRenew = hasRight('policy.policy.renew');
  const renewed = new Set((q.data ?? []).map((p) => p.previousPolicyId).filter(Boolean));
  return (
    <Paper component="section" aria-label={t('policy.panel.title')} sx={{ p: 2, mt: 2 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {t('policy.panel.title')}
        </Typography>
        {canAdd ? (
          <LinkButton variant="contained" to={`/families/${familyId}/policies/new`}>
            {t('policy.action.new')}
          </LinkButton>
        ) : null}
      </Box>
      {q.isLoading ? <LinearProgress /> : null}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {q.data && !q.data.length ? <Alert severity="info">{t('policy.panel.none')}</Alert> : null}
      {q.data?.length ? (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('policy.field.product')}</TableCell>
              <TableCell>{t('policy.field.status')}</TableCell>
              <TableCell>{t('policy.field.startDate')}</TableCell>
              <TableCell>{t('policy.field.expiryDate')}</TableCell>
              <TableCell align="right">{t('policy.field.value')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {q.data.map((p) => (
              <TableRow key={p.id}>
                <TableCell>
                  <RouterLink to={`/policies/${p.id}`}>
                    {p.product ? `${p.product.code} — ${p.product.name}` : p.productId}
                  </RouterLink>
                </TableCell>
                <TableCell>
                  <StatusChip status={p.status} />
                </TableCell>
                <TableCell>{p.startDate}</TableCell>
                <TableCell>{p.expiryDate}</TableCell>
                <TableCell align="right">{formatMoney(p.value, i18n.language)}</TableCell>
                <TableCell>
                  {canRenew && (p.status === 2 || p.status === 8) && !renewed.has(p.id) ? (
                    <LinkButton size="small" to={`/policies/${p.id}/renew`}>
                      {t('policy.action.renew')}
                    </LinkButton>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Paper>
  );
}
