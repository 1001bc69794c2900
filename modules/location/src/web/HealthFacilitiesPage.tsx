import Chip from '@mui/material/Chip';
import {
  DataTable,
  LinkButton,
  PageHeader,
  RouterLink,
  SearchFilters,
  SelectInput,
  TextInput,
  useAuth,
  useConnection,
} from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type HealthFacilityRow, type HfFilters, listLevel, searchHealthFacilities } from './api';
import { useCodeOptions, useLevels } from './options';

const EMPTY: HfFilters = { search: '', code: '', level: '', legalForm: '', locationId: '', status: '' };

/** `/admin/health-facilities`: search by code, name, level, legal form, district and status; keyset-paged. */
export function HealthFacilitiesPage() {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const levels = useLevels();
  const [draft, setDraft] = useState<HfFilters>(EMPTY);
  const [filters, setFilters] = useState<HfFilters>(EMPTY);
  const list = useConnection<HealthFacilityRow>(['location.hfs', filters], (after) =>
    searchHealthFacilities(filters, after),
  );
  const districts = useQuery({ queryKey: ['location.level', levels[1]], queryFn: () => listLevel(levels[1] ?? 'D') });
  const any = t('location.hf.any');
  const levelOptions = useCodeOptions('level');
  const legalFormOptions = useCodeOptions('legalForm');
  const statusOptions = useCodeOptions('status');
  const label = (options: { value: string; label: string }[], v: string) =>
    options.find((o) => o.value === v)?.label ?? v;
  const set = (k: keyof HfFilters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
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
        <TextInput
          name="code"
          label={t('location.field.code')}
          value={draft.code}
          onChange={(e) => set('code')(e.target.value)}
        />
        <TextInput
          name="search"
          label={t('location.field.name')}
          value={draft.search}
          onChange={(e) => set('search')(e.target.value)}
        />
        <SelectInput
          name="level"
          label={t('location.field.level')}
          emptyLabel={any}
          options={levelOptions}
          value={draft.level}
          onChange={set('level')}
        />
        <SelectInput
          name="legalForm"
          label={t('location.field.legalForm')}
          emptyLabel={any}
          options={legalFormOptions}
          value={draft.legalForm}
          onChange={set('legalForm')}
        />
        <SelectInput
          name="locationId"
          label={t('location.field.district')}
          emptyLabel={any}
          options={(districts.data ?? []).map((d) => ({ value: d.id, label: `${d.code} — ${d.name}` }))}
          value={draft.locationId}
          onChange={set('locationId')}
        />
        <SelectInput
          name="status"
          label={t('location.field.status')}
          emptyLabel={any}
          options={statusOptions}
          value={draft.status}
          onChange={set('status')}
        />
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
