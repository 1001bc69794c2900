import { ImportPanel } from '@mutua/web-kernel';
import { useTranslation } from 'react-i18next';

const IMPORTERS = [
  { id: 'medical-pricelist.items', right: 'medical-pricelist.items.edit', label: 'medical-pricelist.import.items' },
  {
    id: 'medical-pricelist.services',
    right: 'medical-pricelist.services.edit',
    label: 'medical-pricelist.import.services',
  },
] as const;

/** `/tools/imports/pricelists`: dry-run then apply a price-list file (`pricelist,code,price`, CSV or XLSX). */
export function ImportPage() {
  const { t } = useTranslation();
  return (
    <ImportPanel
      title={t('medical-pricelist.imports.title')}
      help={t('medical-pricelist.imports.help')}
      importerLabel={t('medical-pricelist.imports.importer')}
      importers={IMPORTERS.map((i) => ({ ...i, label: t(i.label) }))}
      formats={['csv', 'xlsx']}
      createdLabel={t('medical-pricelist.imports.created')}
      updatedLabel={t('medical-pricelist.imports.updated')}
      applied={(n) => t('medical-pricelist.imports.applied', n)}
      fieldLabel={(f) => t(`medical-pricelist.field.${f}`, { defaultValue: f })}
    />
  );
}
