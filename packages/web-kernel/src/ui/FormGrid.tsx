import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** Lays form fields out in a responsive grid (one column on phones). */
export function FormGrid({ children, columns = 2 }: { children: ReactNode; columns?: 1 | 2 | 3 | 4 }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', sm: `repeat(${Math.min(columns, 2)}, 1fr)`, md: `repeat(${columns}, 1fr)` },
        alignItems: 'start',
        my: 2,
      }}
    >
      {children}
    </Box>
  );
}
