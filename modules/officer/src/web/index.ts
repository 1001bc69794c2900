import { contribute, defineWebModule, mainMenu } from '@mutua/web-kernel';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { ClaimAdminsPage } from './ClaimAdminsPage';
import { OfficersPage } from './OfficersPage';

/** The web part of the officer module: enrolment officers and claim administrators. */
export default defineWebModule({
  id: 'officer',
  routes: [
    { path: '/admin/enrolment-officers', component: OfficersPage, right: 'officer.officer.search' },
    { path: '/admin/claim-administrators', component: ClaimAdminsPage, right: 'officer.claimAdmin.search' },
  ],
  contributions: [
    contribute(mainMenu, {
      group: 'administration',
      id: 'officer.officers',
      label: 'officer.menu.officers',
      to: '/admin/enrolment-officers',
      right: 'officer.officer.search',
      order: 70,
    }),
    contribute(mainMenu, {
      group: 'administration',
      id: 'officer.claimAdmins',
      label: 'officer.menu.claimAdmins',
      to: '/admin/claim-administrators',
      right: 'officer.claimAdmin.search',
      order: 80,
    }),
  ],
  messages: { en, fr },
});
