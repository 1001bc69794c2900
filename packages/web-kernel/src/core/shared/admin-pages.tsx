import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { LinkButton, useGo } from '../../router/navigation';
import { StatusPage } from '../../shell/StatusPage';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';

// The pieces the users and roles pages share: a list page's header, an edit page's loading/404 states, the edit
// form's card and footer, its Delete button, and mutations that refresh the lists and go back.

/** A list page's h1 with an "Add" button for users holding `add.right`. */
export function ListPageHeader({ title, add }: { title: string; add: { label: string; to: string; right: string } }) {
  const { hasRight } = useAuth();
  return (
    <PageHeader
      title={title}
      actions={
        hasRight(add.right) ? (
          <LinkButton to={add.to} variant="contained">
            {add.label}
          </LinkButton>
        ) : null
      }
    />
  );
}

/** While an edit page's record loads: a progress bar, the error, or a 404 page; then `children(record)`. */
export function RecordLoader<T>({
  query,
  notFound,
  children,
}: {
  query: { isLoading: boolean; error: unknown; data: T | null | undefined };
  /** Translated message of the 404 page. */
  notFound: string;
  children: (record: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isLoading) return <LinearProgress aria-label={t('core.table.loading')} />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <StatusPage code="404" title={t('core.notFound.title')} message={notFound} />;
  return children(query.data);
}

/**
 * A mutation of an edit page that, once it succeeds, refetches the queries under each `refresh` key (in order) and
 * goes to `goTo`.
 */
export function useMutationThenGo<TResult>(
  mutationFn: () => Promise<TResult>,
  { refresh, goTo }: { refresh: readonly QueryKey[]; goTo: string },
) {
  const queryClient = useQueryClient();
  const go = useGo();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      for (const queryKey of refresh) await queryClient.invalidateQueries({ queryKey });
      go(goTo);
    },
  });
}

/**
 * An edit form in an outlined card: the save error on top, the fields, then Cancel and, for users who may edit,
 * Save (disabled while saving).
 */
export function EditForm({
  label,
  error,
  cancelTo,
  canSave,
  saving,
  onSubmit,
  children,
}: {
  /** Accessible name of the form. */
  label: string;
  /** The save mutation's error. */
  error: unknown;
  cancelTo: string;
  canSave: boolean;
  saving: boolean;
  /** Runs on Save or Enter (the browser's submit is prevented). */
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Box component="form" onSubmit={submit} noValidate aria-label={label}>
        <ErrorAlert error={error} />
        {children}
        <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', mt: 3 }}>
          <LinkButton to={cancelTo}>{t('core.action.cancel')}</LinkButton>
          {canSave ? (
            <Button type="submit" variant="contained" disabled={saving}>
              {t('core.action.save')}
            </Button>
          ) : null}
        </Box>
      </Box>
    </Paper>
  );
}

/** A page-header "Delete" button that asks for confirmation before running `remove`. */
export function DeleteButton({
  title,
  message,
  remove,
}: {
  /** Title of the confirmation dialog. */
  title: string;
  message: string;
  remove: { mutate: () => void; isPending: boolean; error: unknown };
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" color="error" onClick={() => setOpen(true)}>
        {t('core.action.delete')}
      </Button>
      <ConfirmDialog
        open={open}
        danger
        title={title}
        message={message}
        confirmLabel={t('core.action.delete')}
        busy={remove.isPending}
        onClose={() => setOpen(false)}
        onConfirm={() => remove.mutate()}
      >
        <ErrorAlert error={remove.error} />
      </ConfirmDialog>
    </>
  );
}
