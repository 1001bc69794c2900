import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import {
  DataTable,
  PageHeader,
  RouterLink,
  SearchFilters,
  TextInput,
  useAuth,
  useConnection,
  useGo,
} from '@mutua/web-kernel';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createPricelist, KIND, type Kind, type PricelistRow, searchPricelists } from './api';
import { HeaderForm } from './HeaderForm';

/** `/admin/items-pricelists` and `/admin/services-pricelists`: search by name, create. */
export function PricelistsPage({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const go = useGo();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useConnection<PricelistRow>(['medical-pricelist.lists', kind, search], (after) =>
    searchPricelists(kind, search, after),
  );
  const create = useMutation({
    mutationFn: (v: Parameters<typeof createPricelist>[1]) => createPricelist(kind, v),
    onSuccess: (p) => go(`${KIND[kind].path}/${p.id}`),
  });
  const title = t(`medical-pricelist.menu.${kind}Pricelists`);
  return (
    <>
      <PageHeader
        title={title}
        actions={
          hasRight(`${KIND[kind].right}.add`) ? (
            <Button variant="contained" onClick={() => setCreating(true)}>
              {t('medical-pricelist.new')}
            </Button>
          ) : null
        }
      />
      <SearchFilters
        onSearch={() => setSearch(draft)}
        onReset={() => {
          setDraft('');
          setSearch('');
        }}
      >
        <TextInput
          name="search"
          label={t('medical-pricelist.field.name')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
      </SearchFilters>
      <DataTable<PricelistRow>
        label={title}
        columns={[
          {
            key: 'name',
            header: t('medical-pricelist.field.name'),
            render: (p) => <RouterLink to={`${KIND[kind].path}/${p.id}`}>{p.name}</RouterLink>,
          },
          { key: 'pricelistDate', header: t('medical-pricelist.field.pricelistDate') },
          {
            key: 'location',
            header: t('medical-pricelist.field.location'),
            render: (p) => (p.location ? `${p.location.code} ${p.location.name}` : t('medical-pricelist.national')),
          },
        ]}
        {...list.tableProps}
      />
      <Dialog open={creating} onClose={() => setCreating(false)} maxWidth="md" fullWidth>
        <DialogTitle>{t('medical-pricelist.new')}</DialogTitle>
        <DialogContent>
          <HeaderForm
            initial={{ name: '', pricelistDate: new Date().toISOString().slice(0, 10), locationId: null }}
            busy={create.isPending}
            error={create.error}
            submitLabel={t('medical-pricelist.save')}
            onSubmit={(v) => create.mutate(v)}
          />
        </DialogContent>
      </Dialog>
    </>
  );
}
