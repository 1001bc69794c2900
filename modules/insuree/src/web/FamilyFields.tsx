import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { CodeSelect } from '@mutua/codelist/web';
import { LocationPicker } from '@mutua/location/web';
import { FormGrid, fieldError, TextInput } from '@mutua/web-kernel';
import { useTranslation } from 'react-i18next';
import type { FamilyDraft } from './api';

/** The family fields: village (required), poverty, family type, confirmation, address. */
export function FamilyFields({
  value,
  onChange,
  error,
}: {
  value: FamilyDraft;
  onChange: (next: FamilyDraft) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof FamilyDraft>(k: K, v: FamilyDraft[K]) => onChange({ ...value, [k]: v });
  return (
    <FormGrid columns={2}>
      <LocationPicker
        name="locationId"
        label={t('insuree.field.locationId')}
        type="V"
        required
        value={value.village}
        error={fieldError(error, 'locationId')}
        onChange={(v) => set('village', v)}
      />
      <CodeSelect
        list="familyType"
        name="familyType"
        label={t('insuree.field.familyType')}
        value={value.familyType}
        emptyLabel="—"
        fullWidth
        error={fieldError(error, 'familyType')}
        onChange={(v) => set('familyType', v)}
      />
      <CodeSelect
        list="confirmationType"
        name="confirmationType"
        label={t('insuree.field.confirmationType')}
        value={value.confirmationType}
        emptyLabel="—"
        fullWidth
        error={fieldError(error, 'confirmationType')}
        onChange={(v) => set('confirmationType', v)}
      />
      <TextInput
        name="confirmationNo"
        label={t('insuree.field.confirmationNo')}
        value={value.confirmationNo}
        error={fieldError(error, 'confirmationNo')}
        onChange={(e) => set('confirmationNo', e.target.value)}
      />
      <TextInput
        name="address"
        label={t('insuree.field.address')}
        value={value.address}
        error={fieldError(error, 'address')}
        onChange={(e) => set('address', e.target.value)}
      />
      <FormControlLabel
        control={<Checkbox checked={value.poverty} onChange={(e) => set('poverty', e.target.checked)} />}
        label={t('insuree.field.poverty')}
      />
    </FormGrid>
  );
}
