import LinearProgress from '@mui/material/LinearProgress';
import { ErrorAlert, HistoryPanel, StatusPage, useRouteParams } from '@mutua/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getHealthFacility } from './api';
import { HealthFacilityForm } from './HealthFacilityForm';

/** `/admin/health-facilities/new`: the empty form. */
export function NewHealthFacilityPage() {
  return <HealthFacilityForm hf={null} />;
}

/** `/admin/health-facilities/$id`: the facility's form and its history. */
export function HealthFacilityPage() {
  const { t } = useTranslation();
  const { id = '' } = useRouteParams();
  const q = useQuery({ queryKey: ['location.hf', id], queryFn: () => getHealthFacility(id) });
  if (q.isLoading) return <LinearProgress aria-label={t('location.locations.loading')} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data)
    return <StatusPage code="404" title={t('location.hf.notFound')} message={t('location.hf.notFoundHint')} />;
  return (
    <>
      {/* Keyed by id so the form state restarts when the page shows another facility. */}
      <HealthFacilityForm key={q.data.id} hf={q.data} />
      <HistoryPanel entity="HealthFacility" entityId={q.data.id} view={{ labelKey: 'location.field' }} />
    </>
  );
}
