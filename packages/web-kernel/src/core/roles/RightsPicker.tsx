import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { groupRights, type RightInfo } from './role-api';

/** The rights as checkboxes grouped by module, each group with a "select all" box. */
export function RightsPicker({
  rights,
  value,
  onChange,
  disabled,
}: {
  rights: readonly RightInfo[];
  value: readonly string[];
  onChange: (rights: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const selected = new Set(value);
  const toggle = (names: string[], on: boolean) => {
    const next = new Set(selected);
    for (const n of names) {
      if (on) next.add(n);
      else next.delete(n);
    }
    onChange([...next].sort());
  };
  return (
    <Box
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, 1fr)', xl: 'repeat(3, 1fr)' } }}
    >
      {groupRights(rights).map((g) => {
        const names = g.rights.map((r) => r.name);
        const count = names.filter((n) => selected.has(n)).length;
        const moduleLabel = t(`core.modules.${g.module}`, { defaultValue: g.module });
        return (
          <Paper key={g.module} variant="outlined" component="fieldset" sx={{ p: 2, m: 0 }}>
            <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, px: 0.5 }}>
              {moduleLabel}
            </Typography>
            <FormControlLabel
              control={
                <Checkbox
                  checked={count === names.length}
                  indeterminate={count > 0 && count < names.length}
                  disabled={disabled}
                  onChange={(e) => toggle(names, e.target.checked)}
                />
              }
              label={t('core.roles.allRightsOf', { module: moduleLabel })}
            />
            <FormGroup sx={{ pl: 3 }}>
              {g.rights.map((r) => (
                <FormControlLabel
                  key={r.name}
                  control={
                    <Checkbox
                      size="small"
                      name={r.name}
                      checked={selected.has(r.name)}
                      disabled={disabled}
                      onChange={(e) => toggle([r.name], e.target.checked)}
                    />
                  }
                  label={r.labelText || r.name}
                  title={r.name}
                />
              ))}
            </FormGroup>
          </Paper>
        );
      })}
    </Box>
  );
}
