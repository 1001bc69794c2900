import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import { PageHeader, useAuth } from '@mutua/web-kernel';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteLocationDialog } from './DeleteLocationDialog';
import { LocationDialog } from './LocationDialog';
import { LocationBranch, type TreeAction } from './LocationTreeItem';
import { MoveLocationDialog } from './MoveLocationDialog';
import { useLevels, useTypeLabel } from './options';

/** `/admin/locations`: the location tree, expanded level by level, with add, edit, move and delete. */
export function LocationsPage() {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const levels = useLevels();
  const typeLabel = useTypeLabel();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<TreeAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => async () => {
    setAction(null);
    setNotice(message);
    // Any write can change several branches (a move, a subtree delete): refresh every loaded branch.
    await queryClient.invalidateQueries({ queryKey: ['location.children'] });
    await queryClient.invalidateQueries({ queryKey: ['location.picker'] });
  };
  return (
    <>
      <PageHeader
        title={t('location.locations.title')}
        actions={
          hasRight('location.location.manageRegions') ? (
            <Button variant="contained" onClick={() => setAction({ kind: 'create', parent: null })}>
              {t('location.locations.addChild', { type: typeLabel(levels[0] ?? 'R') })}
            </Button>
          ) : null
        }
      />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <LocationBranch parentId={null} onAction={setAction} />
      </Paper>
      {action?.kind === 'create' ? (
        <LocationDialog
          node={null}
          parent={action.parent}
          onClose={() => setAction(null)}
          onSaved={done(t('location.locations.saved'))}
        />
      ) : null}
      {action?.kind === 'edit' ? (
        <LocationDialog
          node={action.node}
          parent={null}
          onClose={() => setAction(null)}
          onSaved={done(t('location.locations.saved'))}
        />
      ) : null}
      {action?.kind === 'delete' ? (
        <DeleteLocationDialog
          node={action.node}
          onClose={() => setAction(null)}
          onDeleted={done(t('location.locations.deleted'))}
        />
      ) : null}
      {action?.kind === 'move' ? (
        <MoveLocationDialog
          node={action.node}
          onClose={() => setAction(null)}
          onMoved={done(t('location.locations.saved'))}
        />
      ) : null}
      <Snackbar open={notice !== null} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} />
    </>
  );
}
