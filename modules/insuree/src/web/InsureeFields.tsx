import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { CodeSelect } from '@mutua/codelist/web';
import { LocationPicker } from '@mutua/location/web';
import { FormGrid, fieldError, TextInput } from '@mutua/web-kernel';
import { useTranslation } from 'react-i18next';
import type { InsureeDraft } from './api';

/** The insuree fields of the enrolment forms; code fields from the code lists; errors from the server by field. */
export function InsureeFields({
  value,
  onChange,
  error,
  isHead,
}: {
  value: InsureeDraft;
  onChange: (next: InsureeDraft) => void;
  error: unknown;
  isHead: boolean;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof InsureeDraft>(k: K, v: InsureeDraft[K]) => onChange({ ...value, [k]: v });
  const text = (
    k: 'chfId' | 'lastName' | 'otherNames' | 'phone' | 'email' | 'passport' | 'currentAddress',
    required = false,
  ) => (
    <TextInput
      name={k}
      label={t(`insuree.field.${k}`)}
      value={value[k]}
      required={required}
      error={fieldError(error, k)}
      onChange={(e) => set(k, e.target.value)}
    />
  );
  const code = (
    list: string,
    k: 'gender' | 'relationship' | 'maritalStatus' | 'profession' | 'education' | 'typeOfId',
    required = false,
  ) => (
    <CodeSelect
      list={list}
      name={k}
      label={t(`insuree.field.${k}`)}
      value={value[k]}
      required={required}
      error={fieldError(error, k)}
      emptyLabel="—"
      fullWidth
      onChange={(v) => set(k, v)}
    />
  );
  return (
    <FormGrid columns={2}>
      {text('lastName', true)}
      {text('otherNames', true)}
      <TextInput
        name="dob"
        type="date"
        label={t('insuree.field.dob')}
        value={value.dob}
        required
        error={fieldError(error, 'dob')}
        slotProps={{ inputLabel: { shrink: true } }}
        onChange={(e) => set('dob', e.target.value)}
      />
      {code('gender', 'gender', true)}
      {text('chfId')}
      {isHead ? null : code('relationship', 'relationship')}
      {code('maritalStatus', 'maritalStatus')}
      {code('profession', 'profession')}
      {code('education', 'education')}
      {text('phone')}
      {text('email')}
      {code('identificationType', 'typeOfId')}
      {text('passport')}
      <LocationPicker
        name="currentVillageId"
        label={t('insuree.field.currentVillageId')}
        type="V"
        value={value.currentVillage}
        error={fieldError(error, 'currentVillageId')}
        onChange={(v) => set('currentVillage', v)}
      />
      {text('currentAddress')}
      <FormControlLabel
        control={<Checkbox checked={value.cardIssued} onChange={(e) => set('cardIssued', e.target.checked)} />}
        label={t('insuree.field.cardIssued')}
      />
    </FormGrid>
  );
}
