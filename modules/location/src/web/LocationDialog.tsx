import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { ErrorAlert, FormGrid, fieldError, HistoryPanel, NumberInput, TextInput } from '@mutua/web-kernel';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createLocation, type LocationInput, type LocationNode, updateLocation } from './api';
import { useLevels, useTypeLabel } from './options';

const POPULATION = ['malePopulation', 'femalePopulation', 'otherPopulation', 'families'] as const;

/** Creates a location under `parent` (top level when null), or edits `node`: code, name and population figures. */
export function LocationDialog({
  node,
  parent,
  onClose,
  onSaved,
}: {
  node: LocationNode | null;
  parent: LocationNode | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const levels = useLevels();
  const typeLabel = useTypeLabel();
  const titleId = useId();
  const type = node?.type ?? (parent ? levels[levels.indexOf(parent.type) + 1] : levels[0]) ?? '';
  const [form, setForm] = useState<LocationInput>({
    code: node?.code ?? '',
    name: node?.name ?? '',
    malePopulation: node?.malePopulation ?? null,
    femalePopulation: node?.femalePopulation ?? null,
    otherPopulation: node?.otherPopulation ?? null,
    families: node?.families ?? null,
  });
  const save = useMutation({
    mutationFn: () =>
      node ? updateLocation(node.id, form) : createLocation({ ...form, parentId: parent?.id ?? null }),
    onSuccess: onSaved,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const title = node
    ? t('location.locations.editTitle', { name: node.name })
    : `${t('location.locations.createTitle')} — ${typeLabel(type)}${parent ? ` (${parent.name})` : ''}`;
  // Population figures matter for villages (capitation, reports); higher levels usually leave them empty.
  const isVillage = type === levels[levels.length - 1];
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={save.error} />
          <FormGrid columns={2}>
            <TextInput
              name="code"
              label={t('location.field.code')}
              required
              autoFocus
              value={form.code}
              slotProps={{ htmlInput: { maxLength: 8 } }}
              onChange={(e) => setForm({ ...form, code: e.target.value })}
              error={fieldError(save.error, 'code')}
            />
            <TextInput
              name="name"
              label={t('location.field.name')}
              required
              value={form.name}
              slotProps={{ htmlInput: { maxLength: 50 } }}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              error={fieldError(save.error, 'name')}
            />
            {isVillage || POPULATION.some((k) => form[k] !== null)
              ? POPULATION.map((k) => (
                  <NumberInput
                    key={k}
                    name={k}
                    label={t(`location.field.${k}`)}
                    min={0}
                    step={1}
                    value={form[k]}
                    onChange={(v) => setForm({ ...form, [k]: v })}
                    error={fieldError(save.error, k)}
                  />
                ))
              : null}
          </FormGrid>
          {node ? <HistoryPanel entity="Location" entityId={node.id} view={{ labelKey: 'location.field' }} /> : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('location.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            {t('location.action.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
