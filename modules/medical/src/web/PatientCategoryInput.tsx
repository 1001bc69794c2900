import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import { useTranslation } from 'react-i18next';
import { fromFlags, type PatientFlags, toFlags } from '../domain/patient-category';

const FLAGS: Array<keyof PatientFlags> = ['male', 'female', 'adult', 'minor'];

/** The patient-category bitmask as four checkboxes: Male, Female, Adult, Minor (DOMAIN.md §5.4). */
export function PatientCategoryInput({
  value,
  onChange,
  disabled,
  error,
}: {
  value: number;
  onChange: (mask: number) => void;
  disabled?: boolean;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const flags = toFlags(value);
  return (
    <FormControl component="fieldset" error={!!error} disabled={disabled}>
      <FormLabel component="legend">{t('medical.field.patientCategory')}</FormLabel>
      <FormGroup row>
        {FLAGS.map((f) => (
          <FormControlLabel
            key={f}
            label={t(`medical.field.${f}`)}
            control={
              <Checkbox
                name={`patientCategory.${f}`}
                checked={flags[f]}
                onChange={(e) => onChange(fromFlags({ ...flags, [f]: e.target.checked }))}
              />
            }
          />
        ))}
      </FormGroup>
      {error ? <FormHelperText>{error}</FormHelperText> : null}
    </FormControl>
  );
}
