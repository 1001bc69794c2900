import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { diagnosisOptions, type Option } from './api';

/**
 * A diagnosis (ICD) chooser searching by code or name as the user types. `value` is the diagnosis id; `initial`
 * gives its code and name when the form opens on a saved claim.
 */
export function DiagnosisPicker({
  name,
  label,
  value,
  onChange,
  initial,
  error,
  required,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (id: string, option: Option | null) => void;
  initial?: Option | null;
  error?: string | undefined;
  required?: boolean;
}) {
  const [input, setInput] = useState('');
  const [chosen, setChosen] = useState<Option | null>(initial ?? null);
  const q = useQuery({
    queryKey: ['claim.diagnoses', input],
    queryFn: () => diagnosisOptions(input),
    staleTime: 60_000,
  });
  const current = value ? (chosen?.id === value ? chosen : (q.data?.find((o) => o.id === value) ?? null)) : null;
  return (
    <Autocomplete<Option>
      id={`field-${name}`}
      options={q.data ?? []}
      value={current}
      loading={q.isLoading}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(o) => `${o.code} ${o.name}`}
      onInputChange={(_e, v, reason) => {
        if (reason === 'input') setInput(v.split(' ')[0] ?? '');
      }}
      onChange={(_e, o) => {
        setChosen(o);
        onChange(o?.id ?? '', o);
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          name={name}
          label={label}
          size="small"
          error={Boolean(error)}
          helperText={error}
          slotProps={{
            ...params.slotProps,
            inputLabel: {
              ...params.slotProps.inputLabel,
              required: false,
              ...(required ? { className: 'mutua-required' } : {}),
            },
          }}
        />
      )}
    />
  );
}
