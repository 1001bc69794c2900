import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { type Connection, connectionFields } from '../api/connection';
import { gql } from '../api/http';
import { useConnection } from '../api/use-connection';
import { describeChanges, formatAuditValue, type HistoryView } from './audit-diff';
import { DataTable } from './DataTable';

/** An entry of a record's audit trail. */
export interface AuditEntry {
  id: string;
  at: string;
  username: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

const HISTORY_QUERY = `query AuditHistory($entity: String!, $entityId: ID!, $first: Int, $after: String) {
  auditHistory(entity: $entity, entityId: $entityId, first: $first, after: $after) {
    ${connectionFields('id at username action before after')}
  }
}`;

/**
 * The audit history of one record ("who changed what, when"), newest first as the server returns it; `view` gives
 * the record's field labels, value formats and action names in the user's words.
 */
export function HistoryPanel({ entity, entityId, view }: { entity: string; entityId: string; view?: HistoryView }) {
  const { t, i18n } = useTranslation();
  const list = useConnection<AuditEntry>(
    ['core.auditHistory', entity, entityId],
    (after) =>
      gql<{ auditHistory: Connection<AuditEntry> }>(HISTORY_QUERY, { entity, entityId, first: 20, after }).then(
        (d) => d.auditHistory,
      ),
    // history changes with every save elsewhere: always reload it when shown
    { staleTime: 0 },
  );
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Box component="section" aria-labelledby={`history-${entityId}`} sx={{ mt: 4 }}>
      <Typography id={`history-${entityId}`} variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('core.history.title')}
      </Typography>
      <DataTable<AuditEntry>
        label={t('core.history.title')}
        columns={[
          { key: 'at', header: t('core.history.at'), render: (r) => fmt.format(new Date(r.at)), width: 180 },
          { key: 'username', header: t('core.history.user'), width: 140 },
          {
            key: 'action',
            header: t('core.history.action'),
            render: (r) =>
              view?.actions?.[r.action] ?? t(`core.history.actions.${r.action}`, { defaultValue: r.action }),
            width: 120,
          },
          {
            key: 'changes',
            header: t('core.history.changes'),
            render: (r) => {
              const changes = describeChanges(r.before, r.after, view, {
                label: (f) => (view?.labelKey ? t(`${view.labelKey}.${f}`, { defaultValue: f }) : f),
                value: (v) =>
                  typeof v === 'boolean' ? t(v ? 'core.history.yes' : 'core.history.no') : formatAuditValue(v),
              });
              if (changes.length === 0) return '—';
              return (
                <Box component="ul" sx={{ m: 0, pl: 2 }}>
                  {changes.map((c) => (
                    <li key={c.field}>
                      <strong>{c.label}</strong>
                      {t('core.labelSep')}
                      {c.before} → {c.after}
                    </li>
                  ))}
                </Box>
              );
            },
          },
        ]}
        emptyLabel={t('core.history.empty')}
        {...list.tableProps}
      />
    </Box>
  );
}
