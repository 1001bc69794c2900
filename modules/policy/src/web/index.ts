import { defineWebModule } from '@mutua/web-kernel';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';

export { policyPanels } from './points';

/** The web part of the policy module: policies, renewals and the coverage enquiry. */
export default defineWebModule({
  id: 'policy',
  routes: [],
  contributions: [],
  messages: { en, fr },
});
