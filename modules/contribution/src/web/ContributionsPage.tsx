import {
  DataTable,
  PageHeader,
  SearchFilters,
  SelectInput,
  TextInput,
  useAuth,
  useConnection,
  useGo,
} from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAY_TYPES } from '../domain/types';
import { type ContributionFilters, type ContributionRow, listPayers, searchContributions } from './api';
import { formatMoney } from './format';

const EMPTY: ContributionFilters = { receipt: '', payDateFrom: '', payDateTo: '', payType: '', payerId: '' };

/** `/contributions`: search contributions by receipt, payment dates, type and payer; a row opens its policy. */
export function ContributionsPage() {
  const { t, i18n } = useTranslation();
  const { hasRight } = useAuth();
  const go = useGo();
  const [draft, setDraft] = useState<ContributionFilters>(EMPTY);
  const [filters, setFilters] = useState<ContributionFilters>(EMPTY);
  const list = useConnection<ContributionRow>(['contribution.search', filters], (after) =>
    searchContributions(filters, after),
  );
  const payers = useQuery({
    queryKey: ['contribution.payers'],
    queryFn: listPayers,
    enabled: hasRight('payer.payer.search'),
  });
  const set = (k: keyof ContributionFilters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const any = t('contribution.page.any');
  return (
    <>
      <PageHeader title={t('contribution.page.title')} />
      <SearchFilters
        onSearch={() => setFilters(draft)}
        onReset={() => {
          setDraft(EMPTY);
          setFilters(EMPTY);
        }}
      >
        <TextInput
          name="receipt"
          label={t('contribution.field.receipt')}
          value={draft.receipt}
          onChange={(e) => set('receipt')(e.target.value)}
        />
        <TextInput
          name="payDateFrom"
          type="date"
          label={t('contribution.field.payDateFrom')}
          value={draft.payDateFrom}
          slotProps={{ inputLabel: { shrink: true } }}
          onChange={(e) => set('payDateFrom')(e.target.value)}
        />
        <TextInput
          name="payDateTo"
          type="date"
          label={t('contribution.field.payDateTo')}
          value={draft.payDateTo}
          slotProps={{ inputLabel: { shrink: true } }}
          onChange={(e) => set('payDateTo')(e.target.value)}
        />
        <SelectInput
          name="payType"
          label={t('contribution.field.payType')}
          emptyLabel={any}
          options={PAY_TYPES.map((v) => ({ value: v, label: t(`contribution.payType.${v}`) }))}
          value={draft.payType}
          onChange={set('payType')}
        />
        {payers.data?.length ? (
          <SelectInput
            name="payerId"
            label={t('contribution.field.payerId')}
            emptyLabel={any}
            options={payers.data.map((p) => ({ value: p.id, label: p.name }))}
            value={draft.payerId}
            onChange={set('payerId')}
          />
        ) : null}
      </SearchFilters>
      <DataTable<ContributionRow>
        label={t('contribution.page.title')}
        onRowClick={(c) => go(`/policies/${c.policyId}`)}
        emptyLabel={t('contribution.page.none')}
        columns={[
          { key: 'payDate', header: t('contribution.field.payDate') },
          { key: 'receipt', header: t('contribution.field.receipt') },
          {
            key: 'amount',
            header: t('contribution.field.amount'),
            align: 'right',
            render: (c) => formatMoney(c.amount, i18n.language),
          },
          {
            key: 'payType',
            header: t('contribution.field.payType'),
            render: (c) => t(`contribution.payType.${c.payType}`),
          },
          { key: 'payer', header: t('contribution.field.payer'), render: (c) => c.payer?.name ?? '' },
          { key: 'isPhotoFee', header: t('contribution.field.isPhotoFee'), render: (c) => (c.isPhotoFee ? '✓' : '') },
        ]}
        {...list.tableProps}
      />
    </>
  );
}
