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

/** A labelled MUI text field with an error message. Works controlled or with react-hook-form's `register` (`inputRef`). */
export const TextInput = forwardRef<HTMLDivElement, TextInputProps>(function TextInput(
  { name, label, error, helperText, fullWidth = true, size = 'small', ...rest },
  ref,
) {
  return (
    <TextField
      ref={ref}
      id={rest.id ?? `field-${name}`}
      name={name}
      label={label}
      error={Boolean(error)}
      helperText={error ?? helperText}
      fullWidth={fullWidth}
      size={size}
      {...rest}
    />
  );
});
