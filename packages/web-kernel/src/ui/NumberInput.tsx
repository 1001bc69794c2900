import { TextInput, type TextInputProps } from './TextInput';

export type NumberInputProps = Omit<TextInputProps, 'type' | 'value' | 'onChange'> & {
  value: number | null;
  onChange: (value: number | null) => void;
  min?: number;
  max?: number;
  step?: number | 'any';
};

/** A labelled numeric input; an empty field gives `null`. */
export function NumberInput({ value, onChange, min, max, step = 'any', slotProps, ...rest }: NumberInputProps) {
  return (
    <TextInput
      type="number"
      value={value ?? ''}
      onChange={(e) => {
        const raw = e.target.value;
        onChange(raw === '' ? null : Number(raw));
      }}
      slotProps={{ ...slotProps, htmlInput: { min, max, step, inputMode: 'decimal' } }}
      {...rest}
    />
  );
}
