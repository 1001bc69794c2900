import { contribute, defineWebModule, mainMenu } from '@mutua/web-kernel';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { PayersPage } from './PayersPage';

/** The web part of the payer module: the payers register. */
export default defineWebModule({
  id: 'payer',
  routes: [{ path: '/admin/payers', component: PayersPage, right: 'payer.payer.search' }],
  contributions: [
    contribute(mainMenu, {
      group: 'administration',
      id: 'payer.payers',
      label: 'payer.menu.payers',
      to: '/admin/payers',
      right: 'payer.payer.search',
      order: 60,
    }),
  ],
  messages: { en, fr },
});
