import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type PlaceRef, searchPlaces } from './api';

/**
 * Searches regions or districts by code or name as the user types (the location module's picker is not exported
 * to other modules' web parts; the insuree module has the same small picker).
 */
export function PlacePicker({
  name,
  label,
  type,
  value,
  onChange,
  error,
}: {
  name: string;
  label: string;
  type: 'R' | 'D';
  value: PlaceRef | null;
  onChange: (value: PlaceRef | null) => void;
  error?: string | undefined;
}) {
  const [input, setInput] = useState('');
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(h);
  }, [typed]);
  const q = useQuery({ queryKey: ['claim-batch.places', type, search], queryFn: () => searchPlaces(type, search) });
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
        <TextField {...params} name={name} label={label} size="small" error={Boolean(error)} helperText={error} />
      )}
    />
  );
}
