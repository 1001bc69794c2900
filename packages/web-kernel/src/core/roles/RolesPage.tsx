import Chip from '@mui/material/Chip';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../router/navigation';
import { DataTable } from '../../ui/DataTable';
import { ListPageHeader } from '../shared/admin-pages';
import { listRoles, type Role } from './role-api';

/** `/admin/roles`: the roles with their number of rights. */
export function RolesPage() {
  const { t } = useTranslation();
  const roles = useQuery({ queryKey: ['core.roles'], queryFn: listRoles });
  const rows = roles.data ?? [];
  return (
    <>
      <ListPageHeader
        title={t('core.roles.title')}
        add={{ label: t('core.roles.add'), to: '/admin/roles/new', right: 'core.role.add' }}
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
