import Chip from '@mui/material/Chip';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../../api/use-connection';
import { RouterLink } from '../../router/navigation';
import { DataTable } from '../../ui/DataTable';
import { SearchFilters } from '../../ui/SearchFilters';
import { TextInput } from '../../ui/TextInput';
import { ListPageHeader } from '../shared/admin-pages';
import { searchUsers, type UserRow } from './user-api';

/** `/admin/users`: search users by username or name, keyset-paged. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const list = useConnection<UserRow>(['core.users', search], (after) => searchUsers(search, after));
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <ListPageHeader
        title={t('core.users.title')}
        add={{ label: t('core.users.add'), to: '/admin/users/new', right: 'core.user.add' }}
      />
      <SearchFilters
        onSearch={() => setSearch(draft.trim())}
        onReset={() => {
          setDraft('');
          setSearch('');
        }}
      >
        <TextInput
          name="search"
          label={t('core.users.search')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
      </SearchFilters>
      <DataTable<UserRow>
        label={t('core.users.title')}
        columns={[
          {
            key: 'username',
            header: t('core.user.username'),
            render: (u) => <RouterLink to={`/admin/users/${u.id}`}>{u.username}</RouterLink>,
          },
          { key: 'lastName', header: t('core.user.lastName') },
          { key: 'otherNames', header: t('core.user.otherNames') },
          { key: 'email', header: t('core.user.email') },
          { key: 'roles', header: t('core.user.roles'), render: (u) => u.roles.map((r) => r.name).join(', ') },
          {
            key: 'isActive',
            header: t('core.user.status'),
            render: (u) =>
              !u.isActive ? (
                <Chip size="small" label={t('core.user.inactive')} />
              ) : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
                <Chip size="small" color="warning" label={t('core.user.locked')} />
              ) : (
                <Chip size="small" color="success" variant="outlined" label={t('core.user.active')} />
              ),
          },
          {
            key: 'lastLoginAt',
            header: t('core.user.lastLoginAt'),
            render: (u) => (u.lastLoginAt ? fmt.format(new Date(u.lastLoginAt)) : '—'),
          },
        ]}
        {...list.tableProps}
      />
    </>
  );
}
