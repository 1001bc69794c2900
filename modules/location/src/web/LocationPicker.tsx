import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type LocationNode, searchLocations } from './api';

/** What a picker needs to show a chosen location; a form may hold just this (e.g. a family's village). */
export interface LocationRef {
  id: string;
  code: string;
  name: string;
}

/**
 * Searches locations of one type by code or name as the user types (a country has thousands of villages, so the
 * list is never loaded whole). The selected location is passed back whole so the caller can show it. Other modules
 * use it through `@mutua/location/web`.
 */
export function LocationPicker({
  name,
  label,
  type,
  value,
  onChange,
  error,
  exclude,
  required,
}: {
  name: string;
  label: string;
  /** Level letter to search, or undefined for any level. */
  type: string | undefined;
  value: LocationRef | null;
  onChange: (value: LocationNode | null) => void;
  error?: string | undefined;
  /** Ids not to offer (e.g. the location being moved). */
  exclude?: ReadonlySet<string>;
  required?: boolean;
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
    <Autocomplete<LocationRef>
      id={`field-${name}`}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      value={value}
      loading={q.isLoading}
      filterOptions={(o) => o}
      getOptionLabel={(o) => `${o.code} — ${o.name}`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      // Options are whole nodes; only the initial value may be a bare reference.
      onChange={(_e, v) => onChange(v === null ? null : (options.find((o) => o.id === v.id) ?? (v as LocationNode)))}
      inputValue={input}
      onInputChange={(_e, v, reason) => {
        setInput(v);
        // Selecting an option fills the box with its label: that is not a search.
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
          // Marked, not native `required`: the server's translated error names the field, not the browser's.
          slotProps={{
            ...params.slotProps,
            inputLabel: { ...params.slotProps?.inputLabel, ...(required ? { className: 'mutua-required' } : {}) },
          }}
        />
      )}
    />
  );
}
