import { ImportPanel } from '@mutua/web-kernel';
import { useTranslation } from 'react-i18next';

const IMPORTERS = [
  { id: 'location.locations', right: 'location.import', label: 'location.import.locations' },
  { id: 'location.healthFacilities', right: 'location.hf.import', label: 'location.import.healthFacilities' },
] as const;

/** `/tools/imports/locations`: dry-run then apply a locations or health-facilities register (CSV or openIMIS XML). */
export function ImportPage() {
  const { t } = useTranslation();
  return (
    <ImportPanel
      title={t('location.imports.title')}
      help={t('location.imports.help')}
      importerLabel={t('location.imports.importer')}
      importers={IMPORTERS.map((i) => ({ ...i, label: t(i.label) }))}
      formats={['csv', 'xml']}
      createdLabel={t('location.imports.created')}
      updatedLabel={t('location.imports.updated')}
      applied={(n) => t('location.imports.applied', n)}
      fieldLabel={(f) => t(`location.field.${f}`, { defaultValue: f })}
    />
  );
}
