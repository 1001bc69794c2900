import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { NumberInput } from '@mutua/web-kernel';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationNode } from './api';
import { LocationPicker } from './LocationPicker';
import { useLevels } from './options';

/** One catchment line as the form edits it (the village whole, to show its name). */
export interface CatchmentLine {
  village: Pick<LocationNode, 'id' | 'code' | 'name'>;
  percentage: number | null;
}

/** The villages a facility serves, each with the share of its population; a village appears once. */
export function CatchmentEditor({
  lines,
  onChange,
  disabled,
  errorOf,
}: {
  lines: CatchmentLine[];
  onChange: (lines: CatchmentLine[]) => void;
  disabled?: boolean;
  /** Server message for `catchments.<i>.<field>`. */
  errorOf: (index: number, field: 'villageId' | 'percentage') => string | undefined;
}) {
  const { t } = useTranslation();
  const levels = useLevels();
  const [adding, setAdding] = useState<LocationNode | null>(null);
  const taken = new Set(lines.map((l) => l.village.id));
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle1" sx={{ mb: 1 }}>
        {t('location.field.catchments')}
      </Typography>
      {lines.length === 0 ? <Typography color="text.secondary">{t('location.hf.noCatchment')}</Typography> : null}
      {lines.map((line, i) => (
        <Box key={line.village.id} sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', mb: 1 }}>
          <Typography sx={{ flex: 2, pt: 1 }} id={`catchment-${line.village.id}`}>
            {line.village.code} — {line.village.name}
            {errorOf(i, 'villageId') ? (
              <Typography component="span" color="error" variant="body2" sx={{ display: 'block' }}>
                {errorOf(i, 'villageId')}
              </Typography>
            ) : null}
          </Typography>
          <NumberInput
            name={`catchments.${i}.percentage`}
            label={`${t('location.field.percentage')} — ${line.village.name}`}
            min={0}
            max={100}
            step={1}
            disabled={disabled}
            value={line.percentage}
            onChange={(v) => onChange(lines.map((l, j) => (j === i ? { ...l, percentage: v } : l)))}
            error={errorOf(i, 'percentage')}
            sx={{ flex: 1 }}
          />
          <Button
            disabled={disabled}
            onClick={() => onChange(lines.filter((_, j) => j !== i))}
            aria-label={`${t('location.hf.removeCatchment')} ${line.village.name}`}
          >
            {t('location.hf.removeCatchment')}
          </Button>
        </Box>
      ))}
      {!disabled ? (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mt: 1 }}>
          <Box sx={{ flex: 2 }}>
            <LocationPicker
              name="catchmentVillage"
              label={t('location.field.village')}
              type={levels[levels.length - 1]}
              value={adding}
              onChange={setAdding}
              exclude={taken}
            />
          </Box>
          <Button
            variant="outlined"
            disabled={!adding}
            onClick={() => {
              if (!adding) return;
              onChange([...lines, { village: adding, percentage: 100 }]);
              setAdding(null);
            }}
          >
            {t('location.hf.addCatchment')}
          </Button>
        </Box>
      ) : null}
    </Box>
  );
}
