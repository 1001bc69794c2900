import Chip from '@mui/material/Chip';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { LinkButton, RouterLink } from '../../router/navigation';
import { DataTable } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { listRoles, type Role } from './role-api';

/** `/admin/roles`: the roles with their number of rights. */
export function RolesPage() {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const roles = useQuery({ queryKey: ['core.roles'], queryFn: listRoles });
  const rows = roles.data ?? [];
  return (
    <>
      <PageHeader
        title={t('core.roles.title')}
        actions={
          hasRight('core.role.add') ? (
            <LinkButton to="/admin/roles/new" variant="contained">
              {t('core.roles.add')}
            </LinkButton>
          ) : null
        }
      />
      <DataTable<Role>
        label={t('core.roles.title')}
        rows={rows}
        loading={roles.isLoading}
        error={roles.error}
        totalCount={roles.data ? rows.length : undefined}
        columns={[
          {
            key: 'name',
            header: t('core.role.name'),
            render: (r) => <RouterLink to={`/admin/roles/${r.id}`}>{r.name}</RouterLink>,
          },
          { key: 'nameFr', header: t('core.role.nameFr') },
          {
            key: 'isSystem',
            header: t('core.role.kind'),
            render: (r) =>
              r.isSystem ? (
                <Chip size="small" variant="outlined" label={t('core.roles.system')} />
              ) : (
                t('core.roles.custom')
              ),
          },
          {
            key: 'isBlocked',
            header: t('core.user.status'),
            render: (r) =>
              r.isBlocked ? (
                <Chip size="small" color="warning" label={t('core.roles.blocked')} />
              ) : (
                <Chip size="small" color="success" variant="outlined" label={t('core.user.active')} />
              ),
          },
          {
            key: 'rights',
            header: t('core.role.rights'),
            align: 'right',
            render: (r) => r.rights.length,
          },
        ]}
      />
    </>
  );
}
