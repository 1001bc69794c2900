import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { entryLabel, useCodeListData } from '@mutua/codelist/web';
import {
  ConfirmDialog,
  ContributionSlot,
  DataTable,
  ErrorAlert,
  HistoryPanel,
  PageHeader,
  RouterLink,
  SelectInput,
  TextInput,
  useAuth,
  usePageTitle,
  useRouteParams,
} from '@mutua/web-kernel';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  changeHead,
  type FamilyDraft,
  type FamilyRow,
  findByNumber,
  getFamily,
  type InsureeRow,
  moveInsuree,
  removeInsuree,
  updateFamily,
} from './api';
import { FamilyFields } from './FamilyFields';
import { MemberDialog } from './MemberDialog';
import { familyPanels } from './points';

const draftOfFamily = (f: FamilyRow): FamilyDraft => ({
  village: f.location,
  poverty: f.poverty ?? false,
  familyType: f.familyType ?? '',
  confirmationType: f.confirmationType ?? '',
  confirmationNo: f.confirmationNo ?? '',
  address: f.address ?? '',
});

/** `/families/$id`: the family, its members (add, edit, move, remove, change head) and other modules' panels. */
export function FamilyPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useRouteParams();
  const { hasRight } = useAuth();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['insuree.family', id], queryFn: () => getFamily(id) });
  const family = q.data ?? null;
  const head = family?.members.find((m) => m.isHead) ?? null;
  usePageTitle(head ? t('insuree.page.family', { name: `${head.lastName} ${head.otherNames}` }) : undefined);
  const relationships = useCodeListData('relationship');
  const genders = useCodeListData('gender');
  const [editing, setEditing] = useState<FamilyDraft | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<InsureeRow | null>(null);
  const [newHead, setNewHead] = useState('');
  const [moving, setMoving] = useState<InsureeRow | null>(null);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: ['insuree.family', id] });
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await refresh();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const label = (data: typeof genders, code: string | null) => {
    const e = data?.entries.find((x) => x.code === code);
    return e ? entryLabel(e, i18n.resolvedLanguage) : (code ?? '');
  };

  if (q.error) return <ErrorAlert error={q.error} />;
  if (!family) return null;
  const others = family.members.filter((m) => !m.isHead);
  return (
    <>
      <PageHeader
        title={head ? t('insuree.page.family', { name: `${head.lastName} ${head.otherNames}` }) : ''}
        actions={
          hasRight('insuree.family.edit') && !editing ? (
            <Button variant="outlined" onClick={() => setEditing(draftOfFamily(family))}>
              {t('insuree.action.editFamily')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={error} />
      {editing ? (
        <Stack spacing={2} sx={{ mb: 3 }}>
          <FamilyFields value={editing} onChange={setEditing} error={error} />
          <Stack direction="row" spacing={1}>
            <Button
              variant="contained"
              disabled={busy}
              onClick={() => void act(() => updateFamily(id, editing)).then((ok) => ok && setEditing(null))}
            >
              {t('insuree.action.save')}
            </Button>
            <Button onClick={() => setEditing(null)}>{t('insuree.action.cancel')}</Button>
          </Stack>
        </Stack>
      ) : (
        <Typography sx={{ mb: 2 }}>
          {t('insuree.field.locationId')}
          {t('core.labelSep')}
          {family.location ? `${family.location.code} — ${family.location.name}` : ''}
          {' · '}
          {t('insuree.field.poverty')}
          {t('core.labelSep')}
          {family.poverty ? t('insuree.label.yes') : t('insuree.label.no')}
          {family.address ? ` · ${family.address}` : ''}
        </Typography>
      )}
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h6" component="h2">
          {t('insuree.field.members')}
        </Typography>
        {hasRight('insuree.insuree.add') ? (
          <Button variant="contained" onClick={() => setAdding(true)}>
            {t('insuree.action.addMember')}
          </Button>
        ) : null}
      </Stack>
      <DataTable<InsureeRow>
        label={t('insuree.field.members')}
        rows={family.members}
        rowKey={(m) => m.id}
        columns={[
          {
            key: 'chfId',
            header: t('insuree.field.chfId'),
            render: (m) => <RouterLink to={`/insurees/${m.id}`}>{m.chfId}</RouterLink>,
          },
          { key: 'lastName', header: t('insuree.field.lastName') },
          { key: 'otherNames', header: t('insuree.field.otherNames') },
          { key: 'dob', header: t('insuree.field.dob') },
          { key: 'gender', header: t('insuree.field.gender'), render: (m) => label(genders, m.gender) },
          {
            key: 'relationship',
            header: t('insuree.field.relationship'),
            render: (m) => (m.isHead ? t('insuree.label.head') : label(relationships, m.relationship)),
          },
          {
            key: 'actions',
            header: '',
            render: (m) => (
              <Stack direction="row" spacing={1}>
                {hasRight('insuree.family.edit') && !m.isHead ? (
                  <Button size="small" disabled={busy} onClick={() => void act(() => changeHead(id, m.id))}>
                    {t('insuree.action.makeHead')}
                  </Button>
                ) : null}
                {hasRight('insuree.insuree.edit') && !m.isHead ? (
                  <Button size="small" onClick={() => setMoving(m)}>
                    {t('insuree.action.move')}
                  </Button>
                ) : null}
                {hasRight('insuree.insuree.delete') ? (
                  <Button size="small" color="error" onClick={() => setRemoving(m)}>
                    {t('insuree.action.remove')}
                  </Button>
                ) : null}
              </Stack>
            ),
          },
        ]}
      />
      <MemberDialog
        familyId={id}
        villageId={family.locationId}
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          void refresh();
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('insuree.action.remove')}
        message={t('insuree.label.removeConfirm', {
          name: removing ? `${removing.lastName} ${removing.otherNames}` : '',
        })}
        danger
        busy={busy}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          void act(() => removeInsuree(removing!.id, removing!.isHead ? newHead || null : null)).then(
            (ok) => ok && setRemoving(null),
          )
        }
      >
        {removing?.isHead ? (
          <SelectInput
            name="newHeadId"
            label={t('insuree.label.newHead')}
            value={newHead}
            options={others.map((m) => ({ value: m.id, label: `${m.lastName} ${m.otherNames}` }))}
            onChange={setNewHead}
          />
        ) : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={moving !== null}
        title={t('insuree.action.move')}
        message={moving ? `${moving.lastName} ${moving.otherNames}` : ''}
        busy={busy}
        onClose={() => setMoving(null)}
        onConfirm={() =>
          void act(async () => {
            const headThere = await findByNumber(target.trim());
            if (!headThere) throw new Error(t('insuree.error.notFound', { field: t('insuree.label.targetFamily') }));
            await moveInsuree(moving!.id, headThere.familyId);
          }).then((ok) => ok && setMoving(null))
        }
      >
        <TextInput
          name="targetFamily"
          label={t('insuree.label.targetFamily')}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
      </ConfirmDialog>
      <Box sx={{ mt: 4 }}>
        <ContributionSlot point={familyPanels} props={{ familyId: id }} />
      </Box>
      <HistoryPanel entity="Family" entityId={id} view={{ labelKey: 'insuree.field' }} />
    </>
  );
}
