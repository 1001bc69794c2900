import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { DataTable, RouterLink } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type BillRow, billFileUrl, type CapitationRow, type IndexRow, productNames } from './api';
import { decimal, money } from './format';

const FORMATS = ['pdf', 'xlsx', 'csv'] as const;

function useProducts() {
  return useQuery({ queryKey: ['claim-batch.products'], queryFn: productNames, staleTime: 300_000 });
}

/** One row per product and care type whose period closes in the month: allocated, share, pool, value, index. */
export function IndexTable({ rows }: { rows: IndexRow[] }) {
  const { t, i18n } = useTranslation();
  const products = useProducts();
  const lang = i18n.language;
  const productLabel = (id: string) => {
    const p = products.data?.get(id);
    return p ? `${p.code} — ${p.name}` : id;
  };
  return (
    <Box sx={{ my: 2 }}>
      <Typography variant="h6" component="h2">
        {t('claim-batch.index.title')}
      </Typography>
      <DataTable<IndexRow>
        label={t('claim-batch.index.title')}
        rows={rows}
        rowKey={(r) => `${r.productId}-${r.careType}`}
        emptyLabel={t('claim-batch.index.none')}
        columns={[
          { key: 'product', header: t('claim-batch.index.product'), render: (r) => productLabel(r.productId) },
          {
            key: 'careType',
            header: t('claim-batch.index.careType'),
            render: (r) => t(`claim-batch.careType.${r.careType}`),
          },
          {
            key: 'period',
            header: t('claim-batch.index.period'),
            render: (r) =>
              `${t(`claim-batch.periodType.${r.periodType}`)} · ${t('claim-batch.index.window', { start: r.windowStart, end: r.windowEnd })}`,
          },
          {
            key: 'allocated',
            header: t('claim-batch.index.allocated'),
            align: 'right',
            render: (r) => money(r.allocated, lang),
          },
          {
            key: 'share',
            header: t('claim-batch.index.share'),
            align: 'right',
            render: (r) => decimal(r.sharePercent, lang),
          },
          { key: 'pool', header: t('claim-batch.index.pool'), align: 'right', render: (r) => money(r.pool, lang) },
          {
            key: 'claimValue',
            header: t('claim-batch.index.claimValue'),
            align: 'right',
            render: (r) => money(r.claimValue, lang),
          },
          { key: 'index', header: t('claim-batch.index.index'), align: 'right', render: (r) => decimal(r.index, lang) },
        ]}
      />
    </Box>
  );
}

/** Download links for a stored bill (the REST route sends the file). */
export function BillDownloads({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      {FORMATS.map((f) => (
        <Button key={f} size="small" variant="outlined" component="a" href={billFileUrl(id, f)} download>
          {t('claim-batch.bill.download', { format: f.toUpperCase() })}
        </Button>
      ))}
    </Box>
  );
}

/** Per-facility totals: claimed, remunerated, deduction; in a run, a link to each bill and its files. */
export function BillsTable({ rows, title }: { rows: BillRow[]; title: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const name = (r: BillRow) => `${r.facilityCode ?? ''} ${r.facilityName ?? r.facilityId}`.trim();
  return (
    <Box sx={{ my: 2 }}>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      <DataTable<BillRow>
        label={title}
        rows={rows}
        rowKey={(r) => r.facilityId}
        emptyLabel={t('claim-batch.bill.none')}
        columns={[
          {
            key: 'facility',
            header: t('claim-batch.bill.facility'),
            render: (r) => (r.id ? <RouterLink to={`/batch/bills/${r.id}`}>{name(r)}</RouterLink> : name(r)),
          },
          { key: 'lineCount', header: t('claim-batch.bill.claims'), align: 'right' },
          {
            key: 'claimed',
            header: t('claim-batch.bill.claimed'),
            align: 'right',
            render: (r) => money(r.claimed, lang),
          },
          {
            key: 'remunerated',
            header: t('claim-batch.bill.remunerated'),
            align: 'right',
            render: (r) => money(r.remunerated, lang),
          },
          {
            key: 'deduction',
            header: t('claim-batch.bill.deduction'),
            align: 'right',
            render: (r) => money(r.deduction, lang),
          },
          ...(rows.some((r) => r.id)
            ? [
                {
                  key: 'files',
                  header: t('claim-batch.bill.files'),
                  render: (r: BillRow) => (r.id ? <BillDownloads id={r.id} /> : null),
                },
              ]
            : []),
        ]}
      />
    </Box>
  );
}

/** Capitation payments of each product whose capitation period closes in the month. */
export function CapitationTables({ rows }: { rows: CapitationRow[] }) {
  const { t, i18n } = useTranslation();
  const products = useProducts();
  const lang = i18n.language;
  if (!rows.length) return null;
  return (
    <Box sx={{ my: 2 }}>
      <Typography variant="h6" component="h2">
        {t('claim-batch.capitation.title')}
      </Typography>
      {rows.map((c) => {
        const p = products.data?.get(c.productId);
        return (
          <Box key={c.productId} sx={{ my: 1 }}>
            <Typography variant="subtitle1" component="h3">
              {p ? `${p.code} — ${p.name}` : c.productId} ·{' '}
              {t('claim-batch.index.window', { start: c.windowStart, end: c.windowEnd })} ·{' '}
              {t('claim-batch.capitation.pool')} {money(c.pool, lang)}
            </Typography>
            <DataTable
              label={t('claim-batch.capitation.components')}
              rows={c.components}
              rowKey={(r) => r.component}
              columns={[
                {
                  key: 'component',
                  header: t('claim-batch.capitation.component.title'),
                  render: (r) => t(`claim-batch.capitation.component.${r.component}`),
                },
                {
                  key: 'weight',
                  header: t('claim-batch.capitation.weight'),
                  align: 'right',
                  render: (r) => decimal(r.weightPercent, lang),
                },
                {
                  key: 'amount',
                  header: t('claim-batch.capitation.amount'),
                  align: 'right',
                  render: (r) => money(r.amount, lang),
                },
                {
                  key: 'total',
                  header: t('claim-batch.capitation.total'),
                  align: 'right',
                  render: (r) => decimal(r.total, lang),
                },
                {
                  key: 'unitPrice',
                  header: t('claim-batch.capitation.unitPrice'),
                  align: 'right',
                  render: (r) => decimal(r.unitPrice, lang),
                },
              ]}
            />
            <DataTable
              label={t('claim-batch.capitation.payments')}
              rows={c.payments}
              rowKey={(r) => r.facilityId}
              emptyLabel={t('claim-batch.capitation.noFacility')}
              columns={[
                {
                  key: 'facility',
                  header: t('claim-batch.bill.facility'),
                  render: (r) => `${r.facilityCode ?? ''} ${r.facilityName ?? r.facilityId}`.trim(),
                },
                {
                  key: 'payment',
                  header: t('claim-batch.capitation.payment'),
                  align: 'right',
                  render: (r) => money(r.payment, lang),
                },
              ]}
            />
          </Box>
        );
      })}
    </Box>
  );
}
