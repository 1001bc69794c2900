import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import { ErrorAlert, fieldError } from '@mutua/web-kernel';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LocationNode, moveLocation } from './api';
import { LocationPicker } from './LocationPicker';

/** Moves a location under another parent (any level: the server re-types the subtree when its depth changes). */
export function MoveLocationDialog({
  node,
  onClose,
  onMoved,
}: {
  node: LocationNode;
  onClose: () => void;
  onMoved: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [topLevel, setTopLevel] = useState(false);
  const [target, setTarget] = useState<LocationNode | null>(null);
  const move = useMutation({
    mutationFn: () => moveLocation(node.id, topLevel ? null : (target?.id ?? null)),
    onSuccess: onMoved,
  });
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{t('location.locations.moveTitle', { name: `${node.code} ${node.name}` })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('location.locations.moveHint')}</DialogContentText>
        <ErrorAlert error={move.error} />
        <FormControlLabel
          control={<Checkbox checked={topLevel} onChange={(e) => setTopLevel(e.target.checked)} />}
          label={t('location.locations.moveTopLevel')}
        />
        {!topLevel ? (
          <LocationPicker
            name="newParentId"
            label={t('location.field.newParentId')}
            type={undefined}
            value={target}
            onChange={setTarget}
            exclude={new Set([node.id, ...(node.parentId ? [node.parentId] : [])])}
            error={fieldError(move.error, 'newParentId')}
          />
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('location.action.cancel')}</Button>
        <Button variant="contained" disabled={move.isPending || (!topLevel && !target)} onClick={() => move.mutate()}>
          {t('location.locations.move')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
