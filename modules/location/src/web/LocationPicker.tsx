import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type LocationNode, searchLocations } from './api';

/**
 * Searches locations of one type by code or name as the user types (a country has thousands of villages, so the
 * list is never loaded whole). The selected location is passed back whole so the caller can show it.
 */
export function LocationPicker({
  name,
  label,
  type,
  value,
  onChange,
  error,
  exclude,
}: {
  name: string;
  label: string;
  /** Level letter to search, or undefined for any level. */
  type: string | undefined;
  value: LocationNode | null;
  onChange: (value: LocationNode | null) => void;
  error?: string | undefined;
  /** Ids not to offer (e.g. the location being moved). */
  exclude?: ReadonlySet<string>;
}) {
  const [input, setInput] = useState('');
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  // Wait for a pause in typing before asking the server.
  useEffect(() => {
    const h = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(h);
  }, [typed]);
  const q = useQuery({
    queryKey: ['location.picker', type ?? '', search],
    queryFn: () => searchLocations({ ...(type ? { type } : {}), ...(search ? { search } : {}), first: 20 }),
  });
  const options = (q.data?.edges.map((e) => e.node) ?? []).filter((o) => !exclude?.has(o.id));
  return (
    <Autocomplete<LocationNode>
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
        // Selecting an option fills the box with its label: that is not a search.
        setTyped(reason === 'input' ? v : '');
      }}
      renderInput={(params) => (
        <TextField {...params} name={name} label={label} size="small" error={Boolean(error)} helperText={error} />
      )}
    />
  );
}
