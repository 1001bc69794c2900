import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type PlaceRef, searchPlaces } from './api';

/**
 * Searches places of one level by code or name as the user types (the same behaviour as the location module's
 * picker, which that module does not export to other modules' web parts).
 */
export function PlacePicker({
  name,
  label,
  type,
  value,
  onChange,
  error,
  required,
}: {
  name: string;
  label: string;
  /** Level letter (V for villages), or undefined for any level. */
  type: string | undefined;
  value: PlaceRef | null;
  onChange: (value: PlaceRef | null) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const [input, setInput] = useState('');
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(h);
  }, [typed]);
  const q = useQuery({ queryKey: ['insuree.places', type ?? '', search], queryFn: () => searchPlaces(type, search) });
  const options = q.data ?? [];
  return (
    <Autocomplete<PlaceRef>
      id={`field-${name}`}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      value={value}
      loading={q.isLoading}
      filterOptions={(o) => o}
      getOptionLabel={(o) => `${o.code} — ${o.name}`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_e, v, reason) => {
        setInput(v);
        setTyped(reason === 'input' ? v : '');
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
            inputLabel: { ...params.slotProps?.inputLabel, ...(required ? { className: 'mutua-required' } : {}) },
          }}
        />
      )}
    />
  );
}
