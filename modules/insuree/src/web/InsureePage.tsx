import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { ErrorAlert, HistoryPanel, PageHeader, RouterLink, usePageTitle, useRouteParams } from '@mutua/web-kernel';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftOf, getInsuree, type InsureeDraft, updateInsuree, uploadPhoto } from './api';
import { InsureeFields } from './InsureeFields';
import { PhotoInput } from './PhotoInput';

/** `/insurees/$id`: edit an insuree and its photo; the audit history below. */
export function InsureePage() {
  const { t } = useTranslation();
  const { id = '' } = useRouteParams();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['insuree.insuree', id], queryFn: () => getInsuree(id) });
  const ins = q.data ?? null;
  usePageTitle(ins ? t('insuree.page.insuree', { name: `${ins.lastName} ${ins.otherNames}` }) : undefined);
  const [draft, setDraft] = useState<InsureeDraft | null>(null);
  const [photo, setPhoto] = useState<Blob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (ins) setDraft(draftOf(ins));
  }, [ins]);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!ins || !draft) return null;
  async function save() {
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      await updateInsuree(id, draft);
      if (photo) await uploadPhoto(id, photo);
      setPhoto(null);
      await qc.invalidateQueries({ queryKey: ['insuree.insuree', id] });
      await qc.invalidateQueries({ queryKey: ['core.auditHistory'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <PageHeader
        title={t('insuree.page.insuree', { name: `${ins.lastName} ${ins.otherNames}` })}
        actions={<RouterLink to={`/families/${ins.familyId}`}>{t('insuree.action.openFamily')}</RouterLink>}
      />
      <Stack spacing={3}>
        <ErrorAlert error={error} />
        <InsureeFields value={draft} onChange={setDraft} error={error} isHead={ins.isHead} />
        <PhotoInput value={photo} currentUrl={ins.photoUrl} onChange={setPhoto} />
        <Box>
          <Button variant="contained" disabled={busy} onClick={() => void save()}>
            {t('insuree.action.save')}
          </Button>
        </Box>
      </Stack>
      <HistoryPanel entity="Insuree" entityId={id} view={{ labelKey: 'insuree.field' }} />
    </>
  );
}
