import { mainMenu } from '../contributions/core-points';
import { contribute } from '../contributions/define-point';
import { defineWebModule } from '../contributions/define-web-module';
import { ChangePasswordPage } from './profile/ChangePasswordPage';
import { ProfilePage } from './profile/ProfilePage';
import { RoleFormPage } from './roles/RoleFormPage';
import { RolesPage } from './roles/RolesPage';
import { UserFormPage } from './users/UserFormPage';
import { UsersPage } from './users/UsersPage';

/** The built-in web module: users, roles and my profile. Its messages are in web-kernel `src/locales`. */
export const coreWebModule = defineWebModule({
  id: 'core',
  routes: [
    { path: '/admin/users', component: UsersPage, right: 'core.user.search' },
    { path: '/admin/users/new', component: UserFormPage, right: 'core.user.add' },
    { path: '/admin/users/$id', component: UserFormPage, right: 'core.user.search' },
    { path: '/admin/roles', component: RolesPage, right: 'core.role.search' },
    { path: '/admin/roles/new', component: RoleFormPage, right: 'core.role.add' },
    { path: '/admin/roles/$id', component: RoleFormPage, right: 'core.role.search' },
    { path: '/profile', component: ProfilePage },
    { path: '/profile/password', component: ChangePasswordPage },
  ],
  contributions: [
    contribute(mainMenu, {
      group: 'administration',
      id: 'core.users',
      label: 'core.menu.users',
      to: '/admin/users',
      right: 'core.user.search',
      order: 10,
    }),
    contribute(mainMenu, {
      group: 'administration',
      id: 'core.roles',
      label: 'core.menu.roles',
      to: '/admin/roles',
      right: 'core.role.search',
      order: 20,
    }),
    contribute(mainMenu, {
      group: 'profile',
      id: 'core.profile',
      label: 'core.menu.profile',
      to: '/profile',
      order: 10,
    }),
    contribute(mainMenu, {
      group: 'profile',
      id: 'core.changePassword',
      label: 'core.menu.changePassword',
      to: '/profile/password',
      order: 20,
    }),
  ],
});
