import Checkbox from '@mui/material/Checkbox';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import { requiredLabelProps } from './TextInput';

export interface SelectOption {
  value: string;
  label: string;
}

interface CommonProps {
  name: string;
  label: string;
  options: readonly SelectOption[];
  error?: string | undefined;
  helperText?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  fullWidth?: boolean;
  /** Label of an empty choice (single select only). */
  emptyLabel?: string;
}

export type SelectInputProps = CommonProps &
  (
    | { multiple?: false; value: string; onChange: (value: string) => void }
    | { multiple: true; value: string[]; onChange: (value: string[]) => void }
  );

/** A labelled MUI select (single or multiple) with an error message. */
export function SelectInput(props: SelectInputProps) {
  const { name, label, options, error, helperText, required, disabled, fullWidth = true, emptyLabel } = props;
  const labelOf = new Map(options.map((o) => [o.value, o.label]));
  return (
    <TextField
      select
      id={`field-${name}`}
      name={name}
      label={label}
      value={props.value}
      required={required}
      disabled={disabled}
      fullWidth={fullWidth}
      size="small"
      error={Boolean(error)}
      helperText={error ?? helperText}
      onChange={(e) => {
        const v: unknown = e.target.value;
        if (props.multiple) {
          props.onChange(Array.isArray(v) ? v.map(String) : String(v).split(','));
        } else {
          props.onChange(String(v));
        }
      }}
      slotProps={{
        inputLabel: requiredLabelProps(required),
        select: props.multiple
          ? {
              multiple: true,
              renderValue: (selected: unknown) =>
                (Array.isArray(selected) ? selected : [])
                  .map((v: unknown) => labelOf.get(String(v)) ?? String(v))
                  .join(', '),
            }
          : {},
      }}
    >
      {!props.multiple && emptyLabel !== undefined ? (
        <MenuItem value="">
          <em>{emptyLabel}</em>
        </MenuItem>
      ) : null}
      {options.map((o) =>
        props.multiple ? (
          <MenuItem key={o.value} value={o.value}>
            <Checkbox size="small" checked={props.value.includes(o.value)} />
            <ListItemText primary={o.label} />
          </MenuItem>
        ) : (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ),
      )}
    </TextField>
  );
}
