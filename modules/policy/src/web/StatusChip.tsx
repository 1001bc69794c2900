import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';

const COLORS: Record<number, 'default' | 'success' | 'warning' | 'error' | 'info'> = {
  1: 'default',
  2: 'success',
  4: 'warning',
  8: 'error',
  16: 'info',
};

/** A policy status (1 idle, 2 active, 4 suspended, 8 expired, 16 ready) as a coloured chip. */
export function StatusChip({ status }: { status: number }) {
  const { t } = useTranslation();
  return <Chip size="small" color={COLORS[status] ?? 'default'} label={t(`policy.status.${status}`)} />;
}
