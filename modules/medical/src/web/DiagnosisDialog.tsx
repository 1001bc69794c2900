import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { ConfirmDialog, ErrorAlert, FormGrid, fieldError, HistoryPanel, TextInput, useAuth } from '@mutua/web-kernel';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Diagnosis, deleteDiagnosis, saveDiagnosis } from './api';

const RIGHT = 'medical.diagnosis.upload';

/** Create or edit one ICD-10 diagnosis (code, English and French names), with its history and a delete action. */
export function DiagnosisDialog({ diagnosis, onClose }: { diagnosis: Diagnosis | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const queryClient = useQueryClient();
  const canEdit = hasRight(RIGHT);
  const [form, setForm] = useState({
    code: diagnosis?.code ?? '',
    name: diagnosis?.name ?? '',
    nameFr: diagnosis?.nameFr ?? '',
  });
  const [deleting, setDeleting] = useState(false);
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ['medical.diagnoses'] });
    onClose();
  };
  const save = useMutation({
    mutationFn: () =>
      saveDiagnosis(diagnosis?.id ?? null, {
        code: form.code.trim(),
        name: form.name.trim(),
        nameFr: form.nameFr.trim() === '' ? null : form.nameFr.trim(),
      }),
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => deleteDiagnosis(diagnosis?.id ?? ''), onSuccess: done });
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const title = diagnosis ? t('medical.page.editDiagnosis', { code: diagnosis.code }) : t('medical.page.newDiagnosis');
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-label={title}>
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={save.error ?? remove.error} />
          <FormGrid columns={3}>
            {text('code', 6, true)}
            {text('name', 255, true)}
            {text('nameFr', 255)}
          </FormGrid>
          {diagnosis ? <HistoryPanel entity="Diagnosis" entityId={diagnosis.id} /> : null}
        </DialogContent>
        <DialogActions>
          {diagnosis && canEdit ? (
            <Button color="error" onClick={() => setDeleting(true)}>
              {t('medical.page.delete')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('medical.page.cancel')}</Button>
          {canEdit ? (
            <Button type="submit" variant="contained" disabled={save.isPending}>
              {t('medical.page.save')}
            </Button>
          ) : null}
        </DialogActions>
      </Box>
      <ConfirmDialog
        open={deleting}
        title={t('medical.page.delete')}
        message={t('medical.page.confirmDelete', { code: diagnosis?.code ?? '' })}
        danger
        busy={remove.isPending}
        onConfirm={() => {
          setDeleting(false);
          remove.mutate();
        }}
        onClose={() => setDeleting(false)}
      />
    </Dialog>
  );
}
