import { CodeSelect } from '@mutua/codelist/web';
import { LocationPicker } from '@mutua/location/web';
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
  usePageTitle,
} from '@mutua/web-kernel';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InsureeRow, type SearchFilter, searchInsurees } from './api';

const emptyFilter = (): SearchFilter => ({
  chfId: '',
  lastName: '',
  otherNames: '',
  dobFrom: '',
  dobTo: '',
  gender: '',
  location: null,
  status: 'active',
});

/** `/insurees`: search by number, names, birth dates, gender, place and status; keyset-paged. */
export function InsureesPage() {
  const { t } = useTranslation();
  usePageTitle(t('insuree.page.insurees'));
  const { hasRight } = useAuth();
  const [draft, setDraft] = useState<SearchFilter>(emptyFilter);
  const [filter, setFilter] = useState<SearchFilter>(emptyFilter);
  const list = useConnection<InsureeRow>(['insuree.insurees', JSON.stringify(filter)], (after) =>
    searchInsurees(filter, after),
  );
  const set = <K extends keyof SearchFilter>(k: K, v: SearchFilter[K]) => setDraft({ ...draft, [k]: v });
  const text = (k: 'chfId' | 'lastName' | 'otherNames') => (
    <TextInput name={k} label={t(`insuree.field.${k}`)} value={draft[k]} onChange={(e) => set(k, e.target.value)} />
  );
  const date = (k: 'dobFrom' | 'dobTo') => (
    <TextInput
      name={k}
      type="date"
      label={t(`insuree.field.${k}`)}
      value={draft[k]}
      slotProps={{ inputLabel: { shrink: true } }}
      onChange={(e) => set(k, e.target.value)}
    />
  );
  return (
    <>
      <PageHeader
        title={t('insuree.page.insurees')}
        actions={
          hasRight('insuree.family.add') ? (
            <LinkButton to="/families/new" variant="contained">
              {t('insuree.menu.addFamily')}
            </LinkButton>
          ) : null
        }
      />
      <SearchFilters
        onSearch={() => setFilter(draft)}
        onReset={() => {
          setDraft(emptyFilter());
          setFilter(emptyFilter());
        }}
      >
        {text('chfId')}
        {text('lastName')}
        {text('otherNames')}
        {date('dobFrom')}
        {date('dobTo')}
        <CodeSelect
          list="gender"
          name="gender"
          label={t('insuree.field.gender')}
          value={draft.gender}
          emptyLabel="—"
          fullWidth
          onChange={(v) => set('gender', v)}
        />
        <LocationPicker
          name="location"
          label={t('insuree.search.subtree')}
          type={undefined}
          value={draft.location}
          onChange={(v) => set('location', v)}
        />
        <SelectInput
          name="status"
          label={t('insuree.search.status')}
          value={draft.status}
          options={[
            { value: 'active', label: t('insuree.search.active') },
            { value: 'all', label: t('insuree.search.all') },
          ]}
          onChange={(v) => set('status', v === 'all' ? 'all' : 'active')}
        />
      </SearchFilters>
      <DataTable<InsureeRow>
        label={t('insuree.page.insurees')}
        rowKey={(r) => `${r.id}-${r.validityFrom}`}
        columns={[
          {
            key: 'chfId',
            header: t('insuree.field.chfId'),
            render: (r) => <RouterLink to={`/insurees/${r.id}`}>{r.chfId}</RouterLink>,
          },
          { key: 'lastName', header: t('insuree.field.lastName') },
          { key: 'otherNames', header: t('insuree.field.otherNames') },
          { key: 'dob', header: t('insuree.field.dob') },
          { key: 'gender', header: t('insuree.field.gender') },
          {
            key: 'village',
            header: t('insuree.field.locationId'),
            render: (r) => (r.family?.location ? `${r.family.location.code} — ${r.family.location.name}` : ''),
          },
          {
            key: 'family',
            header: t('insuree.field.head'),
            render: (r) =>
              r.validityTo ? (
                t('insuree.label.removedStatus')
              ) : (
                <RouterLink to={`/families/${r.familyId}`}>
                  {r.isHead ? t('insuree.label.head') : t('insuree.action.openFamily')}
                </RouterLink>
              ),
          },
        ]}
        {...list.tableProps}
      />
    </>
  );
}
