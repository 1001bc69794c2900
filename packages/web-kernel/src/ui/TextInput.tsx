import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { forwardRef } from 'react';

export type TextInputProps = Omit<TextFieldProps, 'error' | 'name' | 'label'> & {
  /** Field name (also the input's `name`, used by tests and forms). */
  name: string;
  /** Translated label. */
  label: string;
  /** Error message; shown under the field and marks it invalid. */
  error?: string | undefined;
};

/**
 * Label props for a field: the required mark is drawn by CSS (class `mutua-required`) rather than as text, so the
 * label reads exactly "Password" for assistive tech and for `getByLabel('Password', { exact: true })`.
 */
export function requiredLabelProps(required: boolean | undefined): { required: false; className?: string } {
  return required ? { required: false, className: 'mutua-required' } : { required: false };
}

/** A labelled MUI text field with an error message. Works controlled or with react-hook-form's `register` (`inputRef`). */
export const TextInput = forwardRef<HTMLDivElement, TextInputProps>(function TextInput(
  { name, label, error, helperText, fullWidth = true, size = 'small', slotProps, required, ...rest },
  ref,
) {
  return (
    <TextField
      ref={ref}
      id={rest.id ?? `field-${name}`}
      name={name}
      label={label}
      required={required}
      error={Boolean(error)}
      helperText={error ?? helperText}
      fullWidth={fullWidth}
      size={size}
      slotProps={{
        ...slotProps,
        // keep the caller's label props (e.g. `shrink` for date inputs, whose placeholder the label would cover)
        inputLabel: {
          ...(typeof slotProps?.inputLabel === 'object' ? slotProps.inputLabel : {}),
          ...requiredLabelProps(required),
        },
      }}
      {...rest}
    />
  );
});
