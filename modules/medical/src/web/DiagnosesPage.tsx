import { DataTable, PageHeader, SearchFilters, TextInput, useConnection } from '@mutua/web-kernel';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Diagnosis, searchDiagnoses } from './api';

/** `/admin/diagnoses`: search the ICD-10 register by code prefix or English/French name; keyset-paged. */
export function DiagnosesPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ search: '', asOf: '' });
  const [filters, setFilters] = useState(draft);
  const list = useConnection<Diagnosis>(['medical.diagnoses', filters], (after) =>
    searchDiagnoses(filters.search, filters.asOf, after),
  );
  return (
    <>
      <PageHeader title={t('medical.page.diagnoses')} />
      <SearchFilters
        onSearch={() => setFilters(draft)}
        onReset={() => {
          setDraft({ search: '', asOf: '' });
          setFilters({ search: '', asOf: '' });
        }}
      >
        <TextInput
          name="search"
          label={t('medical.field.search')}
          value={draft.search}
          onChange={(e) => setDraft((d) => ({ ...d, search: e.target.value }))}
        />
        <TextInput
          name="asOf"
          type="date"
          label={t('medical.field.asOf')}
          value={draft.asOf}
          onChange={(e) => setDraft((d) => ({ ...d, asOf: e.target.value }))}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </SearchFilters>
      <DataTable<Diagnosis>
        label={t('medical.page.diagnoses')}
        columns={[
          { key: 'code', header: t('medical.field.code'), width: 100 },
          { key: 'name', header: t('medical.field.name') },
          { key: 'nameFr', header: t('medical.field.nameFr') },
        ]}
        {...list.tableProps}
      />
    </>
  );
}
