import LinearProgress from '@mui/material/LinearProgress';
import { ErrorAlert, HistoryPanel, StatusPage, useRouteParams } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getProduct } from './api';
import { LinesEditor } from './LinesEditor';
import { ProductForm } from './ProductForm';

/** `/admin/products/new`: the empty form. */
export function NewProductPage() {
  return <ProductForm product={null} />;
}

/** `/admin/products/$id`: the product's form, its item and service lines, and its history. */
export function ProductPage() {
  const { t } = useTranslation();
  const { id = '' } = useRouteParams();
  const q = useQuery({ queryKey: ['product.product', id], queryFn: () => getProduct(id) });
  if (q.isLoading) return <LinearProgress aria-label={t('product.page.product')} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <StatusPage code="404" title={t('product.error.notFound')} message="" />;
  return (
    <>
      <ProductForm key={`${q.data.id}-${q.data.validFrom}`} product={q.data} />
      <LinesEditor
        key={`items-${q.data.id}-${q.data.items?.length}`}
        productId={q.data.id}
        kind="item"
        lines={q.data.items ?? []}
      />
      <LinesEditor
        key={`services-${q.data.id}-${q.data.services?.length}`}
        productId={q.data.id}
        kind="service"
        lines={q.data.services ?? []}
      />
      <HistoryPanel entity="Product" entityId={q.data.id} />
    </>
  );
}
