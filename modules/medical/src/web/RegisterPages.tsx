import LinearProgress from '@mui/material/LinearProgress';
import { entryLabel, useCodeLists } from '@mutua/codelist/web';
import {
  DataTable,
  ErrorAlert,
  HistoryPanel,
  LinkButton,
  PageHeader,
  RouterLink,
  SearchFilters,
  SelectInput,
  StatusPage,
  TextInput,
  useAuth,
  useConnection,
  useRouteParams,
} from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toFlags } from '../domain/patient-category';
import { getRegisterRow, type RegisterKind, type RegisterRow, searchRegister } from './api';
import { FIELDS, FILTERS, type FieldSpec, PAGES } from './fields';
import { RegisterForm } from './RegisterForm';

const TEXT_FILTERS = ['code', 'search', 'asOf'] as const;

/** The search page of a register: code, name, closed-list filters and an as-of date; keyset-paged. */
function RegisterSearchPage({ kind }: { kind: RegisterKind }) {
  const { t, i18n } = useTranslation();
  const { hasRight } = useAuth();
  const page = PAGES[kind];
  const empty = Object.fromEntries([...TEXT_FILTERS, ...FILTERS[kind]].map((k) => [k, '']));
  const [draft, setDraft] = useState<Record<string, string>>(empty);
  const [filters, setFilters] = useState<Record<string, string>>(empty);
  const list = useConnection<RegisterRow>([`medical.${kind}`, filters], (after) =>
    searchRegister(kind, filters, after),
  );
  const spec = (name: string) => FIELDS[kind].find((f) => f.name === name);
  const codeLists = useCodeLists().data;
  const language = i18n.resolvedLanguage ?? i18n.language;
  /** Every entry of the field's code list (deactivated too: old rows show them), or the built-in names meanwhile. */
  const optionsOf = (f: Extract<FieldSpec, { kind: 'select' }>) => {
    const data = codeLists?.find((l) => l.id === f.list);
    return data
      ? data.entries.map((e) => ({ value: e.code, label: entryLabel(e, language) }))
      : f.codes.map((c) => ({ value: c, label: t(`${f.labels}.${c}`) }));
  };
  const codeLabel = (name: string, code: string | null) => {
    const f = spec(name);
    if (!code || f?.kind !== 'select') return code ?? '';
    return optionsOf(f).find((o) => o.value === code)?.label ?? code;
  };
  const set = (k: string) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const mask = (m: number) => {
    const f = toFlags(m);
    return (['male', 'female', 'adult', 'minor'] as const)
      .filter((k) => f[k])
      .map((k) => t(`medical.field.${k}`))
      .join(', ');
  };
  return (
    <>
      <PageHeader
        title={t(page.title)}
        actions={
          hasRight(page.rights.add) ? (
            <LinkButton to={`${page.path}/new`} variant="contained">
              {t('medical.page.new')}
            </LinkButton>
          ) : null
        }
      />
      <SearchFilters
        onSearch={() => setFilters(draft)}
        onReset={() => {
          setDraft(empty);
          setFilters(empty);
        }}
      >
        <TextInput
          name="code"
          label={t('medical.field.code')}
          value={draft.code}
          onChange={(e) => set('code')(e.target.value)}
        />
        <TextInput
          name="search"
          label={t('medical.field.search')}
          value={draft.search}
          onChange={(e) => set('search')(e.target.value)}
        />
        {FILTERS[kind].map((name) => {
          const f = spec(name);
          return f?.kind === 'select' ? (
            <SelectInput
              key={name}
              name={name}
              label={t(`medical.field.${name}`)}
              emptyLabel={t('medical.page.any')}
              options={optionsOf(f)}
              value={draft[name] ?? ''}
              onChange={set(name)}
            />
          ) : null;
        })}
        <TextInput
          name="asOf"
          type="date"
          label={t('medical.field.asOf')}
          value={draft.asOf}
          onChange={(e) => set('asOf')(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </SearchFilters>
      <DataTable<RegisterRow>
        label={t(page.title)}
        columns={[
          {
            key: 'code',
            header: t('medical.field.code'),
            render: (r) => <RouterLink to={`${page.path}/${r.id}`}>{r.code}</RouterLink>,
          },
          { key: 'name', header: t('medical.field.name') },
          { key: 'type', header: t('medical.field.type'), render: (r) => codeLabel('type', r.type) },
          ...(kind === 'services'
            ? [
                {
                  key: 'category',
                  header: t('medical.field.category'),
                  render: (r: RegisterRow) => codeLabel('category', (r as { category: string | null }).category),
                },
              ]
            : []),
          { key: 'price', header: t('medical.field.price') },
          { key: 'careType', header: t('medical.field.careType'), render: (r) => codeLabel('careType', r.careType) },
          {
            key: 'patientCategory',
            header: t('medical.field.patientCategory'),
            render: (r) => mask(r.patientCategory),
          },
        ]}
        {...list.tableProps}
      />
    </>
  );
}

/** The edit page of a register row: its form and its history. */
function RegisterRowPage({ kind }: { kind: RegisterKind }) {
  const { t } = useTranslation();
  const { id = '' } = useRouteParams();
  const q = useQuery({ queryKey: [`medical.${kind}.one`, id], queryFn: () => getRegisterRow(kind, id) });
  if (q.isLoading) return <LinearProgress aria-label={t(PAGES[kind].title)} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <StatusPage code="404" title={t(PAGES[kind].title)} message={id} />;
  return (
    <>
      <RegisterForm key={q.data.id} kind={kind} row={q.data} />
      <HistoryPanel entity={PAGES[kind].entity} entityId={q.data.id} view={{ labelKey: 'medical.field' }} />
    </>
  );
}

/** `/admin/medical-items`. */
export const MedicalItemsPage = () => <RegisterSearchPage kind="items" />;
/** `/admin/medical-items/new`. */
export const NewMedicalItemPage = () => <RegisterForm kind="items" row={null} />;
/** `/admin/medical-items/$id`. */
export const MedicalItemPage = () => <RegisterRowPage kind="items" />;
/** `/admin/medical-services`. */
export const MedicalServicesPage = () => <RegisterSearchPage kind="services" />;
/** `/admin/medical-services/new`. */
export const NewMedicalServicePage = () => <RegisterForm kind="services" row={null} />;
/** `/admin/medical-services/$id`. */
export const MedicalServicePage = () => <RegisterRowPage kind="services" />;
