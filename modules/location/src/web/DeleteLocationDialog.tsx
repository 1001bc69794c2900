import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { ErrorAlert, fieldError } from '@mutua/web-kernel';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteLocation, type LocationNode } from './api';
import { LocationPicker } from './LocationPicker';

/** Deletes a location: either its whole subtree, or only itself after moving its children to another location. */
export function DeleteLocationDialog({
  node,
  onClose,
  onDeleted,
}: {
  node: LocationNode;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const modeId = useId();
  const [mode, setMode] = useState<'subtree' | 'move'>('subtree');
  const [target, setTarget] = useState<LocationNode | null>(null);
  const remove = useMutation({
    mutationFn: () => deleteLocation(node.id, mode === 'move' ? (target?.id ?? null) : null),
    onSuccess: onDeleted,
  });
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>
        {t('location.locations.deleteTitle', { name: `${node.code} ${node.name}` })}
      </DialogTitle>
      <DialogContent>
        <ErrorAlert error={remove.error} />
        <FormControl>
          <FormLabel id={modeId}>{t('location.locations.deleteMode')}</FormLabel>
          <RadioGroup
            aria-labelledby={modeId}
            value={mode}
            onChange={(e) => setMode(e.target.value === 'move' ? 'move' : 'subtree')}
          >
            <FormControlLabel value="subtree" control={<Radio />} label={t('location.locations.deleteSubtree')} />
            <FormControlLabel value="move" control={<Radio />} label={t('location.locations.deleteMoveChildren')} />
          </RadioGroup>
        </FormControl>
        {mode === 'move' ? (
          // Children keep their level, so the new parent is another location of the deleted one's level.
          <LocationPicker
            name="newParentId"
            label={t('location.field.newParentId')}
            type={node.type}
            value={target}
            onChange={setTarget}
            exclude={new Set([node.id])}
            error={fieldError(remove.error, 'newParentId')}
          />
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('location.action.cancel')}</Button>
        <Button
          color="error"
          variant="contained"
          disabled={remove.isPending || (mode === 'move' && !target)}
          onClick={() => remove.mutate()}
        >
          {t('location.locations.delete')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
