import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import {
  ConfirmDialog,
  ContributionSlot,
  ErrorAlert,
  formatMoney,
  HistoryPanel,
  LinkButton,
  PageHeader,
  RouterLink,
  StatusPage,
  useAuth,
  useRouteParams,
} from '@mutua/web-kernel';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deletePolicy, getPolicy, suspendPolicy } from './api';
import { policyHistoryView } from './history-view';
import { policyPanels } from './points';
import { StatusChip } from './StatusChip';

/** `/policies/$id`: the policy, its members' coverage, the panels other modules add (contributions) and history. */
export function PolicyPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useRouteParams();
  const { hasRight } = useAuth();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['policy.policy', id], queryFn: () => getPolicy(id) });
  const [confirm, setConfirm] = useState<'suspend' | 'delete' | null>(null);
  const act = useMutation({
    mutationFn: (what: 'suspend' | 'delete') => (what === 'suspend' ? suspendPolicy(id) : deletePolicy(id)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['policy.policy', id] }),
  });
  if (q.isLoading) return <LinearProgress />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const p = q.data;
  if (!p) return <StatusPage code="404" title={t('policy.page.title')} message="" />;
  const rows: Array<[string, string | null]> = [
    ['policy.field.product', p.product ? `${p.product.code} — ${p.product.name}` : p.productId],
    ['policy.field.stage', t(`policy.stage.${p.stage}`)],
    ['policy.field.enrollDate', p.enrollDate],
    ['policy.field.startDate', p.startDate],
    ['policy.field.effectiveDate', p.effectiveDate],
    ['policy.field.expiryDate', p.expiryDate],
    ['policy.field.value', formatMoney(p.value, i18n.language)],
  ];
  return (
    <>
      <PageHeader
        title={`${t('policy.page.title')} ${p.product?.code ?? ''}`}
        subtitle={<StatusChip status={p.status} />}
        actions={
          <Box sx={{ display: 'flex', gap: 1 }}>
            <LinkButton variant="outlined" to={`/families/${p.familyId}`}>
              {t('policy.page.family')}
            </LinkButton>
            {hasRight('policy.policy.renew') && (p.status === 2 || p.status === 8) ? (
              <LinkButton variant="outlined" to={`/policies/${p.id}/renew`}>
                {t('policy.action.renew')}
              </LinkButton>
            ) : null}
            {hasRight('policy.policy.edit') && [1, 2, 16].includes(p.status) ? (
              <Button color="warning" onClick={() => setConfirm('suspend')}>
                {t('policy.action.suspend')}
              </Button>
            ) : null}
            {hasRight('policy.policy.delete') && p.status === 1 ? (
              <Button color="error" onClick={() => setConfirm('delete')}>
                {t('policy.action.delete')}
              </Button>
            ) : null}
          </Box>
        }
      />
      {act.error ? <ErrorAlert error={act.error} /> : null}
      <Paper sx={{ p: 2 }}>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, m: 0 }}>
          {rows.map(([k, v]) => (
            <Box key={k} sx={{ display: 'contents' }}>
              <dt>{t(k)}</dt>
              <dd>{v ?? '—'}</dd>
            </Box>
          ))}
        </Box>
      </Paper>
      <Paper component="section" aria-label={t('policy.page.members')} sx={{ p: 2, mt: 2 }}>
        <Typography variant="h6" component="h2">
          {t('policy.page.members')}
        </Typography>
        <List dense>
          {p.members.map((m) => (
            <ListItem key={m.id}>
              <RouterLink to={`/insurees/${m.insureeId}`}>
                {m.insuree
                  ? [m.insuree.chfId, m.insuree.lastName, m.insuree.otherNames].filter(Boolean).join(' ')
                  : t('policy.page.memberNotShown')}
              </RouterLink>
              &nbsp;
              {m.effectiveDate ? `${m.effectiveDate} → ${m.expiryDate}` : t('policy.page.notCovered')}
            </ListItem>
          ))}
        </List>
      </Paper>
      <ContributionSlot point={policyPanels} props={{ policyId: p.id, familyId: p.familyId }} />
      <HistoryPanel entity="Policy" entityId={p.id} view={policyHistoryView(t, i18n.language, p)} />
      <ConfirmDialog
        open={confirm !== null}
        title={t(confirm === 'delete' ? 'policy.action.delete' : 'policy.action.suspend')}
        message={t(confirm === 'delete' ? 'policy.confirm.delete' : 'policy.confirm.suspend')}
        danger={confirm === 'delete'}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          if (confirm) act.mutate(confirm);
          setConfirm(null);
        }}
      />
    </>
  );
}
