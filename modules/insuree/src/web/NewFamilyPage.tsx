import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ErrorAlert, PageHeader, useGo, usePageTitle } from '@mutua/web-kernel';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createFamily, emptyInsuree, type FamilyDraft, type InsureeDraft, uploadPhoto } from './api';
import { DuplicatesDialog } from './DuplicatesDialog';
import { FamilyFields } from './FamilyFields';
import { InsureeFields } from './InsureeFields';
import { PhotoInput } from './PhotoInput';
import { useEnrol } from './use-enrol';

const emptyFamily = (): FamilyDraft => ({
  village: null,
  poverty: false,
  familyType: '',
  confirmationType: '',
  confirmationNo: '',
  address: '',
});

/** `/families/new`: a family and its head in one step, with the duplicate check and an optional photo. */
export function NewFamilyPage() {
  const { t } = useTranslation();
  usePageTitle(t('insuree.page.newFamily'));
  const go = useGo();
  const [fam, setFam] = useState<FamilyDraft>(emptyFamily);
  const [head, setHead] = useState<InsureeDraft>(emptyInsuree);
  const [photo, setPhoto] = useState<Blob | null>(null);
  const enrol = useEnrol(async (confirm) => {
    const res = await createFamily(fam, head, confirm);
    if (photo) await uploadPhoto(res.head.id, photo);
    go(`/families/${res.family.id}`);
  });
  return (
    <>
      <PageHeader title={t('insuree.page.newFamily')} />
      <Box
        component="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void enrol.submit(head, fam.village?.id ?? null);
        }}
      >
        <Stack spacing={3}>
          <ErrorAlert error={enrol.error} />
          <FamilyFields value={fam} onChange={setFam} error={enrol.error} />
          <Typography variant="h6" component="h2">
            {t('insuree.field.head')}
          </Typography>
          <InsureeFields value={head} onChange={setHead} error={enrol.error} isHead />
          <PhotoInput value={photo} onChange={setPhoto} />
          <Box>
            <Button type="submit" variant="contained" disabled={enrol.busy}>
              {t('insuree.action.save')}
            </Button>
          </Box>
        </Stack>
      </Box>
      <DuplicatesDialog
        duplicates={enrol.duplicates}
        busy={enrol.busy}
        onConfirm={() => void enrol.confirm()}
        onClose={enrol.cancel}
      />
    </>
  );
}
