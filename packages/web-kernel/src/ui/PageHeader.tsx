import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { usePageTitle } from './use-page-title';

export interface PageHeaderProps {
  /** Translated page title (the page's h1 and the document title). */
  title: string;
  subtitle?: ReactNode;
  /** Buttons shown on the right (e.g. "Add"). */
  actions?: ReactNode;
}

/** The page's h1 with its actions; also sets the document title. */
export function PageHeader({ title, subtitle, actions }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <Box
      sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 2, justifyContent: 'space-between' }}
    >
      <Box>
        <Typography variant="h4" component="h1">
          {title}
        </Typography>
        {subtitle ? (
          // a div, not a p: a subtitle may hold a chip or other blocks
          <Typography variant="body2" color="text.secondary" component="div">
            {subtitle}
          </Typography>
        ) : null}
      </Box>
      {actions ? <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>{actions}</Box> : null}
    </Box>
  );
}
