import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../api/connection';
import { useConnection } from '../api/use-connection';
import { useAuth } from '../auth/AuthProvider';
import { ConfirmDialog } from './ConfirmDialog';
import { type DataColumn, DataTable } from './DataTable';
import { ErrorAlert } from './ErrorAlert';
import { HistoryPanel } from './HistoryPanel';
import { PageHeader } from './PageHeader';
import { SearchFilters } from './SearchFilters';

// The pieces of an administration register (officers, payers, …): its list page, which opens a record in a dialog,
// the dialog's frame, and the dialog's save and delete.

export interface RegisterPageProps<F extends { [K in keyof F]: string }, R extends { id: string }> {
  /** Translated title of the page; also the table's accessible name. */
  title: string;
  /** The "New …" button, shown to users holding `right`. */
  add: { label: string; right: string };
  /** The filters before any search; Reset goes back to them. */
  emptyFilters: F;
  /** The list's query key; the applied filters follow it. */
  queryKey: string;
  search: (filters: F, after: string | null) => Promise<Connection<R>>;
  /** The filter inputs, showing `draft`; `set(key)` changes one filter. */
  filters: (draft: F, set: (key: keyof F) => (value: string) => void) => ReactNode;
  columns: readonly DataColumn<R>[];
  /** The dialog of a record (`record` null: a new one); `onClose` closes it. */
  dialog: (record: R | null, onClose: () => void) => ReactNode;
}

/** A register's page: its header with "New …", search filters, the results, and the dialog of the record opened. */
export function RegisterPage<F extends { [K in keyof F]: string }, R extends { id: string }>({
  title,
  add,
  emptyFilters,
  queryKey,
  search,
  filters: filterInputs,
  columns,
  dialog,
}: RegisterPageProps<F, R>) {
  const { hasRight } = useAuth();
  const [draft, setDraft] = useState<F>(emptyFilters);
  const [filters, setFilters] = useState<F>(emptyFilters);
  // null: closed; 'new': the empty form; a row: that record's form.
  const [editing, setEditing] = useState<R | 'new' | null>(null);
  const list = useConnection<R>([queryKey, filters], (after) => search(filters, after));
  const set = (key: keyof F) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  return (
    <>
      <PageHeader
        title={title}
        actions={
          hasRight(add.right) ? (
            <Button variant="contained" onClick={() => setEditing('new')}>
              {add.label}
            </Button>
          ) : null
        }
      />
      <SearchFilters
        onSearch={() => setFilters(draft)}
        onReset={() => {
          setDraft(emptyFilters);
          setFilters(emptyFilters);
        }}
      >
        {filterInputs(draft, set)}
      </SearchFilters>
      <DataTable<R> label={title} onRowClick={(r) => setEditing(r)} columns={columns} {...list.tableProps} />
      {editing ? (
        // The key gives each record a fresh form.
        <Fragment key={editing === 'new' ? 'new' : editing.id}>
          {dialog(editing === 'new' ? null : editing, () => setEditing(null))}
        </Fragment>
      ) : null}
    </>
  );
}

/** What RecordDialog needs of a mutation (react-query's result fits). */
export interface RecordAction {
  mutate: () => void;
  isPending: boolean;
  error: unknown;
}

export interface RecordDialogProps {
  /** Translated title; also the dialog's accessible name. */
  title: string;
  maxWidth: 'md' | 'lg';
  save: RecordAction;
  /** Whether Save is offered (the user may write this record). */
  canSave: boolean;
  remove: RecordAction;
  /** Delete's confirmation (translated), for a saved record the user may delete; null: no Delete button. */
  confirmDelete: { title: string; message: string } | null;
  /** The saved record's history, shown under the fields; null for a new record. */
  history: { entity: string; entityId: string } | null;
  onClose: () => void;
  children: ReactNode;
}

/** A record's form in a dialog: the save or delete error, the fields, the history; Delete (confirmed), Cancel, Save. */
export function RecordDialog({
  title,
  maxWidth,
  save,
  canSave,
  remove,
  confirmDelete,
  history,
  onClose,
  children,
}: RecordDialogProps) {
  const { t } = useTranslation();
  const [deleting, setDeleting] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Dialog open onClose={onClose} maxWidth={maxWidth} fullWidth aria-label={title}>
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={save.error ?? remove.error} />
          {children}
          {history ? <HistoryPanel entity={history.entity} entityId={history.entityId} /> : null}
        </DialogContent>
        <DialogActions>
          {confirmDelete ? (
            <Button color="error" onClick={() => setDeleting(true)}>
              {t('core.action.delete')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('core.action.cancel')}</Button>
          {canSave ? (
            <Button type="submit" variant="contained" disabled={save.isPending}>
              {t('core.action.save')}
            </Button>
          ) : null}
        </DialogActions>
      </Box>
      {confirmDelete ? (
        <ConfirmDialog
          open={deleting}
          title={confirmDelete.title}
          message={confirmDelete.message}
          danger
          busy={remove.isPending}
          onConfirm={() => {
            setDeleting(false);
            remove.mutate();
          }}
          onClose={() => setDeleting(false)}
        />
      ) : null}
    </Dialog>
  );
}

/** The save and delete of a register's record dialog: each, once done, refetches the register's lists and closes. */
export function useRecordMutations({
  queryKey,
  save,
  remove,
  onClose,
}: {
  /** The register's list query key (as given to RegisterPage). */
  queryKey: string;
  save: () => Promise<unknown>;
  remove: () => Promise<unknown>;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const onSuccess = async () => {
    await queryClient.invalidateQueries({ queryKey: [queryKey] });
    onClose();
  };
  return { save: useMutation({ mutationFn: save, onSuccess }), remove: useMutation({ mutationFn: remove, onSuccess }) };
}
