import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

/** A column of a DataTable. */
export interface DataColumn<T> {
  /** Stable key (also the default field read from the row). */
  key: string;
  /** Translated header text. */
  header: string;
  /** Cell content; defaults to `row[key]`. */
  render?: (row: T) => ReactNode;
  align?: 'left' | 'right' | 'center';
  width?: number | string;
}

export interface DataTableProps<T> {
  columns: readonly DataColumn<T>[];
  rows: readonly T[];
  /** Accessible name of the table. */
  label?: string;
  loading?: boolean;
  loadingMore?: boolean;
  error?: unknown;
  /** Total number of results (from the connection's `totalCount`); shows "N results". */
  totalCount?: number | undefined;
  hasNextPage?: boolean;
  onLoadMore?: () => void;
  /** Row key; defaults to `row.id`. */
  rowKey?: (row: T) => string;
  onRowClick?: (row: T) => void;
  /** Text shown when there are no rows (defaults to "No results"). */
  emptyLabel?: string;
}

function cellValue<T>(row: T, key: string): ReactNode {
  const v = (row as Record<string, unknown>)[key];
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '✓' : '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A results table with loading, empty and error states, a result count and "Load more" keyset paging. */
export function DataTable<T>({
  columns,
  rows,
  label,
  loading = false,
  loadingMore = false,
  error,
  totalCount,
  hasNextPage = false,
  onLoadMore,
  rowKey,
  onRowClick,
  emptyLabel,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const keyOf = rowKey ?? ((row: T) => String((row as Record<string, unknown>).id));
  return (
    <Box>
      <ErrorAlert error={error} />
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1, minHeight: 24 }}>
        {totalCount !== undefined ? (
          <Typography
            variant="body2"
            color="text.secondary"
            role="status"
            aria-live="polite"
            data-testid="result-count"
          >
            {t('core.table.results', { count: totalCount })}
          </Typography>
        ) : null}
      </Box>
      <TableContainer component={Paper} variant="outlined">
        {loading ? <LinearProgress aria-label={t('core.table.loading')} /> : null}
        <Table size="small" aria-label={label} aria-busy={loading}>
          <TableHead>
            <TableRow>
              {columns.map((c) => (
                <TableCell key={c.key} align={c.align} sx={{ fontWeight: 600, width: c.width }}>
                  {c.header}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow
                key={keyOf(row)}
                hover={Boolean(onRowClick)}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
                sx={onRowClick ? { cursor: 'pointer' } : undefined}
              >
                {columns.map((c) => (
                  <TableCell key={c.key} align={c.align}>
                    {c.render ? c.render(row) : cellValue(row, c.key)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
            {!loading && rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={columns.length} align="center" sx={{ py: 4, color: 'text.secondary' }}>
                  {emptyLabel ?? t('core.table.empty')}
                </TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </TableContainer>
      {hasNextPage && onLoadMore ? (
        <Box sx={{ display: 'flex', justifyContent: 'center', mt: 2 }}>
          <Button variant="outlined" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? t('core.table.loading') : t('core.table.loadMore')}
          </Button>
        </Box>
      ) : null}
    </Box>
  );
}
