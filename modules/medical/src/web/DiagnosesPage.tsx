import Button from '@mui/material/Button';
import { DataTable, PageHeader, SearchFilters, TextInput, useAuth, useConnection } from '@mutua/web-kernel';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Diagnosis, searchDiagnoses } from './api';
import { DiagnosisDialog } from './DiagnosisDialog';

/**
 * `/admin/diagnoses`: search the ICD-10 register by code prefix or English/French name, keyset-paged; a row opens its
 * form and history, and the upload right adds, edits and deletes diagnoses.
 */
export function DiagnosesPage() {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  // null: closed; 'new': the empty form; a row: that diagnosis.
  const [editing, setEditing] = useState<Diagnosis | 'new' | null>(null);
  const [draft, setDraft] = useState({ search: '', asOf: '' });
  const [filters, setFilters] = useState(draft);
  const list = useConnection<Diagnosis>(['medical.diagnoses', filters], (after) =>
    searchDiagnoses(filters.search, filters.asOf, after),
  );
  return (
    <>
      <PageHeader
        title={t('medical.page.diagnoses')}
        actions={
          hasRight('medical.diagnosis.upload') ? (
            <Button variant="contained" onClick={() => setEditing('new')}>
              {t('medical.page.newDiagnosis')}
            </Button>
          ) : null
        }
      />
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
        onRowClick={(d) => setEditing(d)}
        columns={[
          { key: 'code', header: t('medical.field.code'), width: 100 },
          { key: 'name', header: t('medical.field.name') },
          { key: 'nameFr', header: t('medical.field.nameFr') },
        ]}
        {...list.tableProps}
      />
      {editing ? (
        <DiagnosisDialog
          key={editing === 'new' ? 'new' : editing.id}
          diagnosis={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
