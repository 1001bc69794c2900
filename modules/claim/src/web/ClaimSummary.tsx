import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ClaimRow } from './api';
import { cents, money } from './labels';

function Amounts({ claim }: { claim: ClaimRow }) {
  const { t, i18n } = useTranslation();
  const lines = [...claim.items, ...claim.services];
  const deducted = lines.reduce((s, l) => s + cents(l.deductableAmount) + cents(l.exceedCeilingAmount), 0);
  const pairs: Array<[string, string | null]> = [
    ['claimed', claim.claimed],
    ['approved', claim.approved],
    ['deducted', claim.status >= 8 ? (deducted / 100).toFixed(2) : null],
    ['valuated', claim.valuated],
  ];
  return (
    <Box
      component="dl"
      sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, my: 1, alignContent: 'start' }}
    >
      {pairs.map(([k, v]) => (
        <Box key={k} sx={{ display: 'contents' }}>
          <Typography component="dt" sx={{ fontWeight: 600 }}>
            {t(`claim.field.${k}`)}
          </Typography>
          <Typography component="dd" sx={{ m: 0 }} data-testid={`amount-${k}`}>
            {v === null ? '—' : money(v, i18n.language)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** What a claim is about (facility, patient, visit, diagnoses, category) beside its amounts: the claim and review pages. */
export function ClaimSummary({ claim }: { claim: ClaimRow }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 2, my: 2 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
          {(
            [
              [
                'healthFacility',
                claim.healthFacility ? `${claim.healthFacility.code} ${claim.healthFacility.name}` : '',
              ],
              [
                'insuree',
                claim.insuree ? `${claim.insuree.chfId} ${claim.insuree.lastName} ${claim.insuree.otherNames}` : '',
              ],
              ['dateFrom', claim.dateFrom],
              ['dateTo', claim.dateTo ?? ''],
              ['dateClaimed', claim.dateClaimed],
              ['visitType', t(`claim.visitType.${claim.visitType}`)],
              ['diagnosis', claim.diagnosis ? `${claim.diagnosis.code} ${claim.diagnosis.name}` : ''],
              ['secondaryDiagnoses', claim.secondaryDiagnoses.map((x) => `${x.code} ${x.name}`).join(', ')],
              ['category', claim.category ? t(`claim.category.${claim.category}`) : ''],
              ['guaranteeId', claim.guaranteeId ?? ''],
              ['explanation', claim.explanation ?? ''],
              ['adjustment', claim.adjustment ?? ''],
            ] as const
          ).map(([k, v]) => (
            <Box key={k} sx={{ display: 'contents' }}>
              <Typography component="dt" sx={{ fontWeight: 600 }}>
                {t(`claim.field.${k}`)}
              </Typography>
              <Typography component="dd" sx={{ m: 0 }}>
                {v}
              </Typography>
            </Box>
          ))}
        </Box>
        <Amounts claim={claim} />
      </Box>
    </Paper>
  );
}
