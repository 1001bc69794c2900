import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useTranslation } from 'react-i18next';
import { GqlError } from '../api/http';

/** Shows an API error: its translated message and the list of field problems. Renders nothing without error. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message =
    error instanceof GqlError
      ? error.code === 'NETWORK'
        ? t('core.error.network')
        : error.message
      : error instanceof Error
        ? error.message
        : String(error);
  // a problem that only repeats the main message adds nothing
  const problems = error instanceof GqlError ? error.problems.filter((p) => p.message !== message) : [];
  return (
    <Alert severity="error" role="alert" sx={{ my: 2 }}>
      {title ? <AlertTitle>{title}</AlertTitle> : null}
      {message}
      {problems.length > 0 ? (
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {problems.map((p) => (
            <li key={`${p.field}:${p.message}`}>
              {p.field ? <strong>{p.field}: </strong> : null}
              {p.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
