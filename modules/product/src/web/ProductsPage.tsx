import {
  DataTable,
  LinkButton,
  PageHeader,
  RouterLink,
  SearchFilters,
  TextInput,
  useAuth,
  useConnection,
} from '@mutua/web-kernel';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProductListRow, searchProducts } from './api';

/** `/admin/products`: search by code or name, keyset-paged. */
export function ProductsPage() {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const list = useConnection<ProductListRow>(['product.products', search], (after) => searchProducts(search, after));
  return (
    <>
      <PageHeader
        title={t('product.page.products')}
        actions={
          hasRight('product.product.add') ? (
            <LinkButton to="/admin/products/new" variant="contained">
              {t('product.page.newProduct')}
            </LinkButton>
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
          label={t('product.page.search')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
      </SearchFilters>
      <DataTable<ProductListRow>
        label={t('product.page.products')}
        columns={[
          {
            key: 'code',
            header: t('product.field.code'),
            render: (p) => <RouterLink to={`/admin/products/${p.id}`}>{p.code}</RouterLink>,
          },
          { key: 'name', header: t('product.field.name') },
          {
            key: 'location',
            header: t('product.field.locationId'),
            render: (p) => (p.location ? `${p.location.code} ${p.location.name}` : t('product.page.national')),
          },
          { key: 'dateFrom', header: t('product.field.dateFrom') },
          { key: 'dateTo', header: t('product.field.dateTo') },
        ]}
        {...list.tableProps}
      />
    </>
  );
}
