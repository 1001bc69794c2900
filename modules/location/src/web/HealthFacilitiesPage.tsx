import Chip from '@mui/material/Chip';
import {
  DataTable,
  LinkButton,
  PageHeader,
  RouterLink,
  SearchFilters,
  SelectInput,
  type SelectOption,
  TextInput,
  useAuth,
  useConnection,
} from '@mutua/web-kernel';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type HealthFacilityRow, type HfFilters, searchHealthFacilities } from './api';
import { useCodeOptions, useDistrictOptions } from './options';

const EMPTY: HfFilters = { search: '', code: '', level: '', legalForm: '', locationId: '', status: '' };

/** `/admin/health-facilities`: search by code, name, level, legal form, district and status; keyset-paged. */
export function HealthFacilitiesPage() {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const [draft, setDraft] = useState<HfFilters>(EMPTY);
  const [filters, setFilters] = useState<HfFilters>(EMPTY);
  const list = useConnection<HealthFacilityRow>(['location.hfs', filters], (after) =>
    searchHealthFacilities(filters, after),
  );
  const districtOptions = useDistrictOptions();
  const any = t('location.hf.any');
  const levelOptions = useCodeOptions('level');
  const legalFormOptions = useCodeOptions('legalForm');
  const statusOptions = useCodeOptions('status');
  const label = (options: SelectOption[], v: string) => options.find((o) => o.value === v)?.label ?? v;
  const set = (k: keyof HfFilters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const text = (k: 'code' | 'search', labelKey: string) => (
    <TextInput name={k} label={t(labelKey)} value={draft[k]} onChange={(e) => set(k)(e.target.value)} />
  );
  const select = (k: 'level' | 'legalForm' | 'locationId' | 'status', labelKey: string, options: SelectOption[]) => (
    <SelectInput name={k} label={t(labelKey)} emptyLabel={any} options={options} value={draft[k]} onChange={set(k)} />
  );
  return (
    <>
      <PageHeader
        title={t('location.hf.title')}
        actions={
          hasRight('location.hf.add') ? (
            <LinkButton to="/admin/health-facilities/new" variant="contained">
              {t('location.hf.new')}
            </LinkButton>
          ) : null
        }
      />
      <SearchFilters
        onSearch={() => setFilters(draft)}
        onReset={() => {
          setDraft(EMPTY);
          setFilters(EMPTY);
        }}
      >
        {text('code', 'location.field.code')}
        {text('search', 'location.field.name')}
        {select('level', 'location.field.level', levelOptions)}
        {select('legalForm', 'location.field.legalForm', legalFormOptions)}
        {select('locationId', 'location.field.district', districtOptions ?? [])}
        {select('status', 'location.field.status', statusOptions)}
      </SearchFilters>
      <DataTable<HealthFacilityRow>
        label={t('location.hf.title')}
        columns={[
          {
            key: 'code',
            header: t('location.field.code'),
            render: (h) => <RouterLink to={`/admin/health-facilities/${h.id}`}>{h.code}</RouterLink>,
          },
          { key: 'name', header: t('location.field.name') },
          { key: 'level', header: t('location.field.level'), render: (h) => label(levelOptions, h.level) },
          {
            key: 'legalForm',
            header: t('location.field.legalForm'),
            render: (h) => label(legalFormOptions, h.legalForm),
          },
          {
            key: 'district',
            header: t('location.field.district'),
            render: (h) =>
              h.location ? `${h.location.name}${h.location.parent ? ` (${h.location.parent.name})` : ''}` : '',
          },
          { key: 'phone', header: t('location.field.phone') },
          {
            key: 'status',
            header: t('location.field.status'),
            render: (h) => (
              <Chip
                size="small"
                variant="outlined"
                color={h.status === 'AC' ? 'success' : 'default'}
                label={label(statusOptions, h.status)}
              />
            ),
          },
        ]}
        {...list.tableProps}
      />
    </>
  );
}
