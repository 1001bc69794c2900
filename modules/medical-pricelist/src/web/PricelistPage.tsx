import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import {
  ConfirmDialog,
  DataTable,
  ErrorAlert,
  HistoryPanel,
  PageHeader,
  SelectInput,
  StatusPage,
  TextInput,
  useAuth,
  useGo,
  useRouteParams,
} from '@mutua/web-kernel';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  assignToFacility,
  type DetailRow,
  deletePricelist,
  duplicatePricelist,
  getPricelist,
  KIND,
  type Kind,
  type PricelistFull,
  searchFacilities,
  searchRegister,
  setDetails,
  updatePricelist,
} from './api';
import { HeaderForm } from './HeaderForm';

/** `/admin/{items|services}-pricelists/$id`: header, lines (add by code, override, remove), facilities, history. */
export function PricelistPage({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const { id = '' } = useRouteParams();
  const { hasRight } = useAuth();
  const go = useGo();
  const qc = useQueryClient();
  const key = ['medical-pricelist.list', kind, id];
  const q = useQuery({ queryKey: key, queryFn: () => getPricelist(kind, id) });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const canEdit = hasRight(`${KIND[kind].right}.edit`);
  const update = useMutation({
    mutationFn: (v: Parameters<typeof updatePricelist>[2]) => updatePricelist(kind, id, v),
    onSuccess: refresh,
  });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useMutation({ mutationFn: () => deletePricelist(kind, id), onSuccess: () => go(KIND[kind].path) });
  const [copyName, setCopyName] = useState('');
  const duplicate = useMutation({
    mutationFn: (p: PricelistFull) =>
      duplicatePricelist(kind, id, { name: copyName, pricelistDate: p.pricelistDate, locationId: p.locationId }),
    onSuccess: (p) => go(`${KIND[kind].path}/${p.id}`),
  });
  if (q.isLoading) return null;
  if (q.error) return <ErrorAlert error={q.error} />;
  const p = q.data;
  if (!p)
    return (
      <StatusPage code="404" title={t('medical-pricelist.notFound')} message={t('medical-pricelist.notFoundHelp')} />
    );
  return (
    <>
      <PageHeader
        title={p.name}
        subtitle={t(`medical-pricelist.menu.${kind}Pricelists`)}
        actions={
          hasRight(`${KIND[kind].right}.delete`) ? (
            <Button color="error" variant="outlined" onClick={() => setConfirmDelete(true)}>
              {t('medical-pricelist.delete')}
            </Button>
          ) : null
        }
      />
      <Paper variant="outlined" sx={{ p: 2, mb: 3 }}>
        <HeaderForm
          key={`${p.name}|${p.pricelistDate}|${p.locationId}`}
          initial={{ name: p.name, pricelistDate: p.pricelistDate, locationId: p.locationId }}
          busy={update.isPending || !canEdit}
          error={update.error}
          submitLabel={t('medical-pricelist.save')}
          onSubmit={(v) => update.mutate(v)}
        />
        {hasRight(`${KIND[kind].right}.duplicate`) ? (
          <Box sx={{ display: 'flex', gap: 1, mt: 2, alignItems: 'start' }}>
            <TextInput
              name="copyName"
              label={t('medical-pricelist.copyName')}
              value={copyName}
              onChange={(e) => setCopyName(e.target.value)}
            />
            <Button variant="outlined" disabled={!copyName || duplicate.isPending} onClick={() => duplicate.mutate(p)}>
              {t('medical-pricelist.duplicate')}
            </Button>
          </Box>
        ) : null}
        <ErrorAlert error={duplicate.error} />
      </Paper>
      <Lines kind={kind} list={p} canEdit={canEdit} onChanged={refresh} />
      <Facilities kind={kind} list={p} onChanged={refresh} />
      <HistoryPanel entity={KIND[kind].entity} entityId={p.id} view={{ labelKey: 'medical-pricelist.field' }} />
      <ConfirmDialog
        open={confirmDelete}
        title={t('medical-pricelist.delete')}
        message={t('medical-pricelist.confirmDelete', { name: p.name })}
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirmDelete(false)}
      >
        <ErrorAlert error={remove.error} />
      </ConfirmDialog>
    </>
  );
}

function Lines({
  kind,
  list,
  canEdit,
  onChanged,
}: {
  kind: Kind;
  list: PricelistFull;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [edits, setEdits] = useState<Record<string, string>>({});
  const found = useQuery({
    queryKey: ['medical-pricelist.register', kind, code],
    queryFn: () => searchRegister(kind, code),
    enabled: code.trim().length > 0,
  });
  const change = useMutation({
    mutationFn: (c: Parameters<typeof setDetails>[2]) => setDetails(kind, list.id, c),
    onSuccess: () => {
      setEdits({});
      onChanged();
    },
  });
  const inList = new Set(list.details.map((d) => d.medicalId));
  const edited = Object.entries(edits);
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <Typography variant="h6" component="h2">
        {t('medical-pricelist.lines')}
      </Typography>
      {canEdit ? (
        <Box sx={{ my: 1 }}>
          <TextInput
            name="addCode"
            label={t('medical-pricelist.addByCode')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
            {(found.data ?? [])
              .filter((r) => !inList.has(r.id))
              .map((r) => (
                <Button
                  key={r.id}
                  size="small"
                  variant="outlined"
                  onClick={() => change.mutate({ add: [{ id: r.id }] })}
                >
                  {t('medical-pricelist.add')} {r.code} {r.name} ({r.price})
                </Button>
              ))}
          </Box>
        </Box>
      ) : null}
      <ErrorAlert error={change.error} />
      {canEdit && edited.length ? (
        <Button
          variant="contained"
          sx={{ my: 1 }}
          disabled={change.isPending}
          onClick={() => change.mutate({ prices: edited.map(([id, price]) => ({ id, price: price.trim() || null })) })}
        >
          {t('medical-pricelist.savePrices', { count: edited.length })}
        </Button>
      ) : null}
      <DataTable<DetailRow>
        label={t('medical-pricelist.lines')}
        rowKey={(d) => d.id}
        rows={list.details}
        totalCount={list.details.length}
        columns={[
          { key: 'code', header: t('medical-pricelist.field.code') },
          { key: 'name', header: t('medical-pricelist.field.name') },
          { key: 'registerPrice', header: t('medical-pricelist.field.registerPrice') },
          {
            key: 'override',
            header: t('medical-pricelist.field.override'),
            render: (d) =>
              canEdit ? (
                <TextInput
                  name={`override-${d.code}`}
                  label={t('medical-pricelist.field.override')}
                  value={edits[d.medicalId] ?? d.override ?? ''}
                  onChange={(e) => setEdits((x) => ({ ...x, [d.medicalId]: e.target.value }))}
                />
              ) : (
                (d.override ?? '')
              ),
          },
          { key: 'price', header: t('medical-pricelist.field.price') },
          {
            key: 'remove',
            header: '',
            render: (d) =>
              canEdit ? (
                <Button size="small" color="error" onClick={() => change.mutate({ remove: [d.medicalId] })}>
                  {t('medical-pricelist.remove')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Box>
  );
}

function Facilities({ kind, list, onChanged }: { kind: Kind; list: PricelistFull; onChanged: () => void }) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const [search, setSearch] = useState('');
  const [hfId, setHfId] = useState('');
  const facilities = useQuery({
    queryKey: ['medical-pricelist.hfs', search],
    queryFn: () => searchFacilities(search),
    enabled: hasRight('location.hf.edit'),
  });
  const assign = useMutation({
    mutationFn: async () => {
      const hf = facilities.data?.find((f) => f.id === hfId);
      if (!hf) return;
      await assignToFacility(
        hf.id,
        kind === 'items' ? list.id : (hf.itemsPricelist?.id ?? null),
        kind === 'services' ? list.id : (hf.servicesPricelist?.id ?? null),
      );
    },
    onSuccess: () => {
      setHfId('');
      onChanged();
    },
  });
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <Typography variant="h6" component="h2">
        {t('medical-pricelist.facilities')}
      </Typography>
      <Typography variant="body2">
        {list.healthFacilities.length
          ? list.healthFacilities.map((f) => `${f.code} ${f.name}`).join(' · ')
          : t('medical-pricelist.noFacility')}
      </Typography>
      {hasRight('location.hf.edit') ? (
        <Box sx={{ display: 'flex', gap: 1, mt: 1, alignItems: 'start' }}>
          <TextInput
            name="hfSearch"
            label={t('medical-pricelist.findFacility')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <SelectInput
            name="hfId"
            label={t('medical-pricelist.facility')}
            options={(facilities.data ?? []).map((f) => ({ value: f.id, label: `${f.code} ${f.name}` }))}
            value={hfId}
            onChange={setHfId}
          />
          <Button variant="outlined" disabled={!hfId || assign.isPending} onClick={() => assign.mutate()}>
            {t('medical-pricelist.assign')}
          </Button>
        </Box>
      ) : null}
      <ErrorAlert error={assign.error} />
    </Box>
  );
}
