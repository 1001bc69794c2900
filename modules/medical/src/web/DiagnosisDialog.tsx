import { FormGrid, fieldError, RecordDialog, TextInput, useAuth, useRecordMutations } from '@mutua/web-kernel';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Diagnosis, deleteDiagnosis, saveDiagnosis } from './api';

const RIGHT = 'medical.diagnosis.upload';

/** Create or edit one ICD-10 diagnosis (code, English and French names), with its history and a delete action. */
export function DiagnosisDialog({ diagnosis, onClose }: { diagnosis: Diagnosis | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const canEdit = hasRight(RIGHT);
  const [form, setForm] = useState({
    code: diagnosis?.code ?? '',
    name: diagnosis?.name ?? '',
    nameFr: diagnosis?.nameFr ?? '',
  });
  const { save, remove } = useRecordMutations({
    queryKey: 'medical.diagnoses',
    save: () =>
      saveDiagnosis(diagnosis?.id ?? null, {
        code: form.code.trim(),
        name: form.name.trim(),
        nameFr: form.nameFr.trim() === '' ? null : form.nameFr.trim(),
      }),
    remove: () => deleteDiagnosis(diagnosis?.id ?? ''),
    onClose,
  });
  const text = (k: keyof typeof form, max: number, required = false) => (
    <TextInput
      name={k}
      label={t(`medical.field.${k}`)}
      required={required}
      disabled={!canEdit}
      value={form[k]}
      slotProps={{ htmlInput: { maxLength: max } }}
      onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))}
      error={fieldError(save.error, k)}
    />
  );
  return (
    <RecordDialog
      title={diagnosis ? t('medical.page.editDiagnosis', { code: diagnosis.code }) : t('medical.page.newDiagnosis')}
      maxWidth="md"
      save={save}
      canSave={canEdit}
      remove={remove}
      confirmDelete={
        diagnosis && canEdit
          ? { title: t('medical.page.delete'), message: t('medical.page.confirmDelete', { code: diagnosis.code }) }
          : null
      }
      history={diagnosis ? { entity: 'Diagnosis', entityId: diagnosis.id } : null}
      onClose={onClose}
    >
      <FormGrid columns={3}>
        {text('code', 6, true)}
        {text('name', 255, true)}
        {text('nameFr', 255)}
      </FormGrid>
    </RecordDialog>
  );
}
