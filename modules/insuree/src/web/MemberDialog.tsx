import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { ErrorAlert } from '@mutua/web-kernel';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addInsuree, emptyInsuree, type InsureeDraft, uploadPhoto } from './api';
import { DuplicatesDialog } from './DuplicatesDialog';
import { InsureeFields } from './InsureeFields';
import { PhotoInput } from './PhotoInput';
import { useEnrol } from './use-enrol';

/** Adds a member to a family, with the duplicate check and an optional photo. */
export function MemberDialog({
  familyId,
  villageId,
  open,
  onClose,
  onSaved,
}: {
  familyId: string;
  villageId: string | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<InsureeDraft>(emptyInsuree);
  const [photo, setPhoto] = useState<Blob | null>(null);
  const enrol = useEnrol(async (confirm) => {
    const res = await addInsuree(familyId, draft, confirm);
    if (photo) await uploadPhoto(res.insuree.id, photo);
    setDraft(emptyInsuree());
    setPhoto(null);
    onSaved();
  });
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="insuree-member-title">
      <DialogTitle id="insuree-member-title">{t('insuree.action.addMember')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <ErrorAlert error={enrol.error} />
          <InsureeFields value={draft} onChange={setDraft} error={enrol.error} isHead={false} />
          <PhotoInput value={photo} onChange={setPhoto} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('insuree.action.cancel')}</Button>
        <Button variant="contained" disabled={enrol.busy} onClick={() => void enrol.submit(draft, villageId)}>
          {t('insuree.action.save')}
        </Button>
      </DialogActions>
      <DuplicatesDialog
        duplicates={enrol.duplicates}
        busy={enrol.busy}
        onConfirm={() => void enrol.confirm()}
        onClose={enrol.cancel}
      />
    </Dialog>
  );
}
