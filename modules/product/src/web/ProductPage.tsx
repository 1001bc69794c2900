import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import { ErrorAlert, HistoryPanel, StatusPage, TextInput, useRouteParams } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getProduct, getProductAsOf } from './api';
import { LinesEditor } from './LinesEditor';
import { ProductForm } from './ProductForm';

/** `/admin/products/new`: the empty form. */
export function NewProductPage() {
  return <ProductForm product={null} />;
}

/** A `datetime-local` value (local time) as an ISO timestamp, or null while it is incomplete. */
function toIso(local: string): string | null {
  if (!local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * `/admin/products/$id`: the product's form, its item and service lines, and its history. "Show as of" reads the
 * product and its lines as they were at a past moment (read-only): a changed term shows its old value there.
 */
export function ProductPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useRouteParams();
  const [asOfInput, setAsOfInput] = useState('');
  const asOf = toIso(asOfInput);
  const q = useQuery({
    queryKey: ['product.product', id, ...(asOf ? [asOf] : [])],
    queryFn: () => (asOf ? getProductAsOf(id, asOf) : getProduct(id)),
  });
  const asOfBar = (
    <Box component="section" aria-label={t('product.page.asOfSection')} sx={{ mb: 2 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'start', maxWidth: 560 }}>
        <TextInput
          name="asOf"
          type="datetime-local"
          label={t('product.page.asOf')}
          value={asOfInput}
          onChange={(e) => setAsOfInput(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 1 } }}
        />
        {asOfInput ? (
          <Button variant="outlined" sx={{ whiteSpace: 'nowrap' }} onClick={() => setAsOfInput('')}>
            {t('product.page.current')}
          </Button>
        ) : null}
      </Box>
      {asOf && q.data ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          {t('product.page.asOfShown', {
            at: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(
              new Date(asOf),
            ),
          })}
        </Alert>
      ) : null}
    </Box>
  );
  if (q.isLoading) return <LinearProgress aria-label={t('product.page.product')} />;
  if (q.error)
    return (
      <>
        {asOf ? asOfBar : null}
        <ErrorAlert error={q.error} />
      </>
    );
  if (!q.data) {
    if (asOf)
      return (
        <>
          {asOfBar}
          <Alert severity="warning">{t('product.page.asOfNone')}</Alert>
        </>
      );
    return <StatusPage code="404" title={t('product.error.notFound')} message="" />;
  }
  const readOnly = asOf !== null;
  const version = `${q.data.id}-${asOf ?? 'current'}`;
  return (
    <>
      <ProductForm key={version} product={q.data} readOnly={readOnly} banner={asOfBar} />
      <LinesEditor
        key={`items-${version}`}
        productId={q.data.id}
        kind="item"
        lines={q.data.items ?? []}
        readOnly={readOnly}
      />
      <LinesEditor
        key={`services-${version}`}
        productId={q.data.id}
        kind="service"
        lines={q.data.services ?? []}
        readOnly={readOnly}
      />
      <HistoryPanel entity="Product" entityId={q.data.id} view={{ labelKey: 'product.field' }} />
    </>
  );
}
