import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { TextInput } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MedicalOption, medicalOptions, problemOf } from './api';
import { money } from './labels';

/** A line as the form edits it; `price` starts as the facility's price and may be changed. */
export interface DraftLine {
  key: string;
  medicalId: string;
  code: string;
  name: string;
  qty: string;
  price: string;
  explanation: string;
}

let seq = 0;
export const newLine = (): DraftLine => ({
  key: `l${++seq}`,
  medicalId: '',
  code: '',
  name: '',
  qty: '1',
  price: '',
  explanation: '',
});

const hundredths = (v: string): number | null => {
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(v.trim());
  return m ? Number(m[1]) * 100 + Number(`${m[2] ?? ''}00`.slice(0, 2)) : null;
};

/** Amount of a line in cents (qty × price, integer arithmetic), or null while either is not a number. */
export function lineCents(l: DraftLine): number | null {
  const q = hundredths(l.qty);
  const p = hundredths(l.price);
  return q === null || p === null ? null : Math.round((q * p) / 100);
}

function MedicalPicker({
  hfId,
  kind,
  label,
  line,
  error,
  onPick,
}: {
  hfId: string;
  kind: 'item' | 'service';
  label: string;
  line: DraftLine;
  error: string | undefined;
  onPick: (o: MedicalOption | null) => void;
}) {
  const [input, setInput] = useState('');
  const q = useQuery({
    queryKey: ['claim.medical', hfId, kind, input],
    queryFn: () => medicalOptions(hfId, kind, input),
    enabled: Boolean(hfId),
    staleTime: 60_000,
  });
  const value = line.medicalId ? { id: line.medicalId, code: line.code, name: line.name, price: null } : null;
  return (
    <Autocomplete<MedicalOption>
      id={`field-${kind}-${line.key}`}
      options={q.data ?? []}
      value={value}
      loading={q.isLoading}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(o) => `${o.code} ${o.name}`}
      onInputChange={(_e, v, reason) => {
        if (reason === 'input') setInput(v.split(' ')[0] ?? '');
      }}
      onChange={(_e, o) => onPick(o)}
      renderInput={(params) => (
        <TextField {...params} label={label} size="small" error={Boolean(error)} helperText={error} />
      )}
    />
  );
}

/**
 * The items or services of a claim: each line picks an item/service of the facility's price list (quantity 1 and
 * the facility's price by default), with its quantity, price asked and explanation; server problems show on the line.
 */
export function ClaimLinesEditor({
  kind,
  hfId,
  lines,
  onChange,
  error,
}: {
  kind: 'item' | 'service';
  hfId: string;
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  error: unknown;
}) {
  const { t, i18n } = useTranslation();
  const field = kind === 'item' ? 'items' : 'services';
  const update = (i: number, patch: Partial<DraftLine>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const title = kind === 'item' ? t('claim.page.items') : t('claim.page.services');
  const total = lines.reduce((s, l) => s + (lineCents(l) ?? 0), 0);
  return (
    <Paper component="section" variant="outlined" aria-label={title} sx={{ p: 2, my: 2 }}>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      {problemOf(error, field) ? (
        <Typography color="error" role="alert">
          {problemOf(error, field)}
        </Typography>
      ) : null}
      {lines.map((l, i) => {
        const n = i + 1;
        const err = (f: string) => problemOf(error, `${field}.${i}.${f}`);
        return (
          <Box
            key={l.key}
            sx={{
              display: 'grid',
              gap: 1,
              gridTemplateColumns: { xs: '1fr', md: '3fr 1fr 1fr 2fr auto' },
              alignItems: 'start',
              my: 1,
            }}
          >
            <MedicalPicker
              hfId={hfId}
              kind={kind}
              line={l}
              label={t(`claim.line.${kind}N`, { n })}
              error={err('medicalId')}
              onPick={(o) =>
                update(i, {
                  medicalId: o?.id ?? '',
                  code: o?.code ?? '',
                  name: o?.name ?? '',
                  price: o?.price ?? '',
                })
              }
            />
            <TextInput
              name={`${field}.${i}.qtyProvided`}
              label={t('claim.line.qtyN', { n })}
              value={l.qty}
              inputMode="decimal"
              error={err('qtyProvided')}
              onChange={(e) => update(i, { qty: e.target.value })}
            />
            <TextInput
              name={`${field}.${i}.priceAsked`}
              label={t('claim.line.priceN', { n })}
              value={l.price}
              inputMode="decimal"
              error={err('priceAsked')}
              onChange={(e) => update(i, { price: e.target.value })}
            />
            <TextInput
              name={`${field}.${i}.explanation`}
              label={t('claim.line.explanationN', { n })}
              value={l.explanation}
              error={err('explanation')}
              onChange={(e) => update(i, { explanation: e.target.value })}
            />
            <IconButton
              aria-label={t('claim.line.removeN', { n })}
              onClick={() => onChange(lines.filter((_x, j) => j !== i))}
            >
              ×
            </IconButton>
          </Box>
        );
      })}
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Button onClick={() => onChange([...lines, newLine()])} disabled={!hfId}>
          {kind === 'item' ? t('claim.line.addItem') : t('claim.line.addService')}
        </Button>
        <Typography variant="body2">
          {t('claim.line.total', { amount: money((total / 100).toFixed(2), i18n.language) })}
        </Typography>
      </Box>
    </Paper>
  );
}
