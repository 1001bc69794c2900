import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Snackbar from '@mui/material/Snackbar';
import Typography from '@mui/material/Typography';
import { type DataColumn, DataTable, ErrorAlert, PageHeader, SelectInput, useAuth } from '@mutua/web-kernel';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_LISTS_KEY, type CodeEntry, deactivateEntry } from './api';
import { EntryDialog } from './EntryDialog';
import { useCodeLists } from './use-code-list';

/** `/admin/code-lists`: choose a list, see its entries, rename, re-sort, (de)activate, add where the list allows. */
export function CodeListsPage() {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const canEdit = hasRight('codelist.entry.edit');
  const queryClient = useQueryClient();
  const lists = useCodeLists();
  const [listId, setListId] = useState('gender');
  const [showInactive, setShowInactive] = useState(true);
  const [editing, setEditing] = useState<CodeEntry | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = lists.data?.find((l) => l.id === listId);
  const refresh = async () => {
    setEditing(null);
    setNotice(t('codelist.page.saved'));
    await queryClient.invalidateQueries({ queryKey: CODE_LISTS_KEY });
  };
  const deactivate = useMutation({ mutationFn: deactivateEntry, onSuccess: refresh });

  const columns: DataColumn<CodeEntry>[] = [
    { key: 'code', header: t('codelist.field.code'), width: 90 },
    { key: 'name', header: t('codelist.field.name') },
    { key: 'nameFr', header: t('codelist.field.nameFr') },
    { key: 'sortOrder', header: t('codelist.field.sortOrder'), align: 'right', width: 110 },
    { key: 'active', header: t('codelist.field.active'), align: 'center', width: 80 },
    ...(list?.hasRequiresNumber
      ? [{ key: 'requiresNumber', header: t('codelist.field.requiresNumber'), align: 'center' as const }]
      : []),
    { key: 'builtIn', header: t('codelist.field.builtIn'), align: 'center', width: 90 },
    ...(canEdit
      ? [
          {
            key: 'actions',
            header: '',
            align: 'right' as const,
            render: (e: CodeEntry) => (
              <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
                <Button size="small" onClick={() => setEditing(e)} aria-label={`${t('codelist.page.edit')} ${e.code}`}>
                  {t('codelist.page.edit')}
                </Button>
                {list?.canDeactivate && e.active ? (
                  <Button
                    size="small"
                    color="warning"
                    disabled={deactivate.isPending}
                    onClick={() => deactivate.mutate(e.id)}
                    aria-label={`${t('codelist.page.deactivate')} ${e.code}`}
                  >
                    {t('codelist.page.deactivate')}
                  </Button>
                ) : null}
              </Box>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('codelist.page.title')}
        actions={
          canEdit && list?.canAdd ? (
            <Button variant="contained" onClick={() => setEditing('new')}>
              {t('codelist.page.add')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={lists.error ?? deactivate.error} />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Box sx={{ minWidth: 280 }}>
          <SelectInput
            name="list"
            label={t('codelist.page.list')}
            value={list ? listId : ''}
            options={(lists.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
            onChange={setListId}
          />
        </Box>
        <FormControlLabel
          control={<Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />}
          label={t('codelist.page.showInactive')}
        />
      </Box>
      {list ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t(`codelist.page.policy.${list.policy}`)}
        </Typography>
      ) : null}
      <DataTable
        label={t('codelist.page.entries')}
        columns={columns}
        rows={(list?.entries ?? []).filter((e) => showInactive || e.active)}
        loading={lists.isLoading}
      />
      {editing && list ? (
        <EntryDialog
          list={list}
          entry={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={refresh}
        />
      ) : null}
      <Snackbar open={notice !== null} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} />
    </>
  );
}
