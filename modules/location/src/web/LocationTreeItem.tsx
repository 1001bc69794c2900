import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import { ErrorAlert, useAuth } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LocationNode, locationChildren } from './api';
import { useLevels, useTypeLabel } from './options';

/** What the tree asks its page to open: a dialog about one node. */
export type TreeAction =
  | { kind: 'create'; parent: LocationNode | null }
  | { kind: 'edit' | 'delete' | 'move'; node: LocationNode };

/** Query key of a node's children; the page invalidates the `location.children` prefix after every write. */
export const childrenKey = (parentId: string | null) => ['location.children', parentId] as const;

/** Children of a node (or the top level), loaded when first shown. */
export function LocationBranch({ parentId, onAction }: { parentId: string | null; onAction: (a: TreeAction) => void }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: childrenKey(parentId), queryFn: () => locationChildren(parentId) });
  if (q.isLoading) return <CircularProgress size={18} aria-label={t('location.locations.loading')} sx={{ m: 1 }} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const nodes = q.data ?? [];
  if (parentId === null && nodes.length === 0) {
    return <Typography color="text.secondary">{t('location.locations.empty')}</Typography>;
  }
  return (
    <Box
      component="ul"
      role={parentId === null ? 'tree' : 'group'}
      sx={{ listStyle: 'none', m: 0, pl: parentId ? 3 : 0 }}
    >
      {nodes.map((n) => (
        <LocationTreeItem key={n.id} node={n} onAction={onAction} />
      ))}
    </Box>
  );
}

/** One location with its actions; expanding it loads its children. */
function LocationTreeItem({ node, onAction }: { node: LocationNode; onAction: (a: TreeAction) => void }) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const levels = useLevels();
  const typeLabel = useTypeLabel();
  const [open, setOpen] = useState(false);
  const level = levels.indexOf(node.type);
  const isLeaf = level === levels.length - 1;
  // Regions and districts are managed with their own right (DOMAIN.md §4.1, 121906).
  const manage = (right: string) => (level <= 1 ? hasRight('location.location.manageRegions') : hasRight(right));
  const childLevel = levels[level + 1];
  const canAddChild =
    !isLeaf && (level + 1 <= 1 ? hasRight('location.location.manageRegions') : hasRight('location.location.add'));
  // Edit, move and delete each open their dialog about this node.
  const nodeAction = (kind: 'edit' | 'move' | 'delete', allowed: boolean) =>
    allowed ? (
      <Button
        size="small"
        color={kind === 'delete' ? 'error' : 'primary'}
        onClick={() => onAction({ kind, node })}
        aria-label={`${t(`location.locations.${kind}`)} ${node.name}`}
      >
        {t(`location.locations.${kind}`)}
      </Button>
    ) : null;
  const population = [node.malePopulation, node.femalePopulation, node.otherPopulation].some((v) => v !== null)
    ? (node.malePopulation ?? 0) + (node.femalePopulation ?? 0) + (node.otherPopulation ?? 0)
    : null;
  return (
    <Box
      component="li"
      role="treeitem"
      aria-expanded={isLeaf ? undefined : open}
      aria-label={`${node.code} ${node.name}`}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.25, flexWrap: 'wrap' }}>
        <IconButton
          size="small"
          disabled={isLeaf}
          onClick={() => setOpen((o) => !o)}
          aria-label={`${open ? '▾' : '▸'} ${node.name}`}
          sx={{ width: 28, visibility: isLeaf ? 'hidden' : 'visible' }}
        >
          {open ? '▾' : '▸'}
        </IconButton>
        <Typography component="span" sx={{ fontFamily: 'monospace', minWidth: 80 }}>
          {node.code}
        </Typography>
        <Typography component="span" sx={{ fontWeight: 500 }}>
          {node.name}
        </Typography>
        <Chip size="small" variant="outlined" label={typeLabel(node.type)} />
        {population !== null ? (
          <Typography component="span" variant="body2" color="text.secondary">
            {t('location.locations.population', { count: population })}
            {node.families !== null ? ` · ${t('location.locations.familyCount', { count: node.families })}` : ''}
          </Typography>
        ) : null}
        <Box sx={{ flexGrow: 1 }} />
        {canAddChild && childLevel ? (
          <Button
            size="small"
            onClick={() => onAction({ kind: 'create', parent: node })}
            aria-label={`${t('location.locations.addChild', { type: typeLabel(childLevel) })} — ${node.name}`}
          >
            {t('location.locations.addChild', { type: typeLabel(childLevel) })}
          </Button>
        ) : null}
        {nodeAction('edit', manage('location.location.edit'))}
        {nodeAction('move', hasRight('location.location.move'))}
        {nodeAction('delete', hasRight('location.location.delete'))}
      </Box>
      {open ? <LocationBranch parentId={node.id} onAction={onAction} /> : null}
    </Box>
  );
}
