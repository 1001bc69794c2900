import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { ErrorAlert, FormGrid, fieldError, SelectInput, TextInput } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type HeaderInput, listLocations } from './api';

/** Name, date and location (region/district; none = national) of a price list. */
export function HeaderForm({
  initial,
  busy,
  error,
  submitLabel,
  onSubmit,
}: {
  initial: HeaderInput;
  busy: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (v: HeaderInput) => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState<HeaderInput>(initial);
  const locations = useQuery({ queryKey: ['medical-pricelist.locations'], queryFn: listLocations });
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(v);
      }}
    >
      <FormGrid columns={3}>
        <TextInput
          name="name"
          label={t('medical-pricelist.field.name')}
          required
          value={v.name}
          error={fieldError(error, 'name')}
          onChange={(e) => setV({ ...v, name: e.target.value })}
        />
        <TextInput
          name="pricelistDate"
          type="date"
          label={t('medical-pricelist.field.pricelistDate')}
          required
          value={v.pricelistDate}
          error={fieldError(error, 'pricelistDate')}
          slotProps={{ inputLabel: { shrink: true } }}
          onChange={(e) => setV({ ...v, pricelistDate: e.target.value })}
        />
        <SelectInput
          name="locationId"
          label={t('medical-pricelist.field.location')}
          emptyLabel={t('medical-pricelist.national')}
          options={(locations.data ?? []).map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }))}
          value={v.locationId ?? ''}
          error={fieldError(error, 'locationId')}
          onChange={(x) => setV({ ...v, locationId: x || null })}
        />
      </FormGrid>
      <ErrorAlert error={error} />
      <Button type="submit" variant="contained" disabled={busy}>
        {submitLabel}
      </Button>
    </Box>
  );
}
