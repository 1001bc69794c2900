import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import { ErrorAlert, FormGrid, fieldError, HistoryPanel, NumberInput, TextInput } from '@mutua/web-kernel';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addEntry, type CodeEntry, type CodeListData, type EntryInput, updateEntry } from './api';

/** Adds an entry to `list` (entry null) or edits one: code (new or local entries only), names, order, flags. */
export function EntryDialog({
  list,
  entry,
  onClose,
  onSaved,
}: {
  list: CodeListData;
  entry: CodeEntry | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [form, setForm] = useState<EntryInput>({
    code: entry?.code ?? '',
    name: entry?.name ?? '',
    nameFr: entry?.nameFr ?? '',
    sortOrder: entry?.sortOrder ?? null,
    requiresNumber: entry?.requiresNumber ?? false,
    active: entry?.active ?? true,
  });
  const save = useMutation({
    mutationFn: () => (entry ? updateEntry(entry, form) : addEntry(list.id, form)),
    onSuccess: onSaved,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const title = entry
    ? t('codelist.page.editTitle', { code: entry.code, list: list.name })
    : t('codelist.page.addTitle', { list: list.name });
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={save.error} />
          <FormGrid columns={2}>
            <TextInput
              name="code"
              label={t('codelist.field.code')}
              required
              autoFocus={!entry}
              // Built-in codes never change: other data and rules use them.
              disabled={entry?.builtIn ?? false}
              value={form.code}
              slotProps={{ htmlInput: { maxLength: list.codeMaxLength } }}
              onChange={(e) => setForm({ ...form, code: e.target.value })}
              error={fieldError(save.error, 'code')}
            />
            <NumberInput
              name="sortOrder"
              label={t('codelist.field.sortOrder')}
              min={0}
              step={1}
              value={form.sortOrder}
              onChange={(v) => setForm({ ...form, sortOrder: v })}
              error={fieldError(save.error, 'sortOrder')}
            />
            <TextInput
              name="name"
              label={t('codelist.field.name')}
              required
              autoFocus={!!entry}
              value={form.name}
              slotProps={{ htmlInput: { maxLength: 50 } }}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              error={fieldError(save.error, 'name')}
            />
            <TextInput
              name="nameFr"
              label={t('codelist.field.nameFr')}
              required
              value={form.nameFr}
              slotProps={{ htmlInput: { maxLength: 50 } }}
              onChange={(e) => setForm({ ...form, nameFr: e.target.value })}
              error={fieldError(save.error, 'nameFr')}
            />
            {list.hasRequiresNumber ? (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={form.requiresNumber}
                    onChange={(e) => setForm({ ...form, requiresNumber: e.target.checked })}
                  />
                }
                label={t('codelist.field.requiresNumber')}
              />
            ) : null}
            {entry ? (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={form.active}
                    disabled={!list.canDeactivate && form.active}
                    onChange={(e) => setForm({ ...form, active: e.target.checked })}
                  />
                }
                label={t('codelist.field.active')}
              />
            ) : null}
          </FormGrid>
          {entry ? (
            <HistoryPanel entity="CodeListEntry" entityId={entry.id} view={{ labelKey: 'codelist.field' }} />
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('codelist.page.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            {t('codelist.page.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
