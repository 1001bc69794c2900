import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { ImportPanel, useAuth } from '@mutua/web-kernel';
import { useTranslation } from 'react-i18next';

const REGISTERS = [
  { kind: 'items', importRight: 'medical.item.add', exportRight: 'medical.item.search' },
  { kind: 'services', importRight: 'medical.service.add', exportRight: 'medical.service.search' },
  { kind: 'diagnoses', importRight: 'medical.diagnosis.upload', exportRight: 'medical.diagnosis.search' },
] as const;

/** `/tools/imports/medical`: dry-run then apply an items, services or diagnoses register; export each register. */
export function ImportPage() {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const exportable = REGISTERS.filter((r) => hasRight(r.exportRight));
  return (
    <ImportPanel
      title={t('medical.page.imports')}
      importerLabel={t('medical.page.register')}
      importers={REGISTERS.map((r) => ({
        id: `medical.${r.kind}`,
        right: r.importRight,
        label: t(`medical.import.${r.kind}`),
      }))}
      formats={['csv', 'xml', 'xlsx']}
      createdLabel={t('medical.page.toCreate')}
      updatedLabel={t('medical.page.toUpdate')}
      applied={(n) => t('medical.page.applied', n)}
      fieldLabel={(f) => t(`medical.field.${f}`, { defaultValue: f })}
      allowWithout={exportable.length > 0}
    >
      {exportable.length ? (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 3 }}>
          {exportable.flatMap((r) =>
            (['csv', 'xlsx'] as const).map((f) => (
              <Button key={`${r.kind}.${f}`} variant="outlined" href={`/api/medical/export/${r.kind}?format=${f}`}>
                {t(`medical.import.${r.kind}`)} — {t('medical.page.export', { format: f.toUpperCase() })}
              </Button>
            )),
          )}
        </Box>
      ) : null}
    </ImportPanel>
  );
}
