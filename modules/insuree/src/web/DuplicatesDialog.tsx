import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { RouterLink } from '@mutua/web-kernel';
import { useTranslation } from 'react-i18next';
import type { Duplicate } from './api';

/** Lists likely duplicates before an enrolment is saved; saving needs an explicit confirmation. */
export function DuplicatesDialog({
  duplicates,
  busy,
  onConfirm,
  onClose,
}: {
  duplicates: Duplicate[];
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={duplicates.length > 0}
      onClose={onClose}
      aria-labelledby="insuree-duplicates-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="insuree-duplicates-title">{t('insuree.label.duplicatesTitle')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2">{t('insuree.label.duplicatesIntro')}</Typography>
        <List dense>
          {duplicates.map((d) => (
            <ListItem key={d.insureeId}>
              <ListItemText
                primary={
                  <RouterLink to={`/families/${d.familyId}`} target="_blank">
                    {`${d.lastName} ${d.otherNames} — ${d.chfId} — ${d.dob}`}
                  </RouterLink>
                }
                secondary={d.reasons.map((r) => t(`insuree.reason.${r}`)).join(', ')}
              />
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('insuree.action.cancel')}</Button>
        <Button variant="contained" color="warning" disabled={busy} onClick={onConfirm}>
          {t('insuree.action.confirmSave')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
