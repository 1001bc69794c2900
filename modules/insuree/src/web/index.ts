import { defineWebModule } from '@mutua/web-kernel';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';

export { familyPanels } from './points';

/** The web part of the insuree module: families, insurees, enrolment. */
export default defineWebModule({
  id: 'insuree',
  routes: [],
  contributions: [],
  messages: { en, fr },
});
