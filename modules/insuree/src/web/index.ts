import { contribute, defineWebModule, mainMenu } from '@mutua/web-kernel';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { FamilyPage } from './FamilyPage';
import { InsureePage } from './InsureePage';
import { InsureesPage } from './InsureesPage';
import { NewFamilyPage } from './NewFamilyPage';

/** Panels on the family page (`/families/$id`), below the members: policies, contributions… */
export { familyPanels } from './points';

/** The web part of the insuree module: insuree search, the family/group enrolment form and the family page. */
export default defineWebModule({
  id: 'insuree',
  routes: [
    { path: '/insurees', component: InsureesPage, right: 'insuree.insuree.search' },
    { path: '/insurees/$id', component: InsureePage, right: 'insuree.insuree.search' },
    { path: '/families/new', component: NewFamilyPage, right: 'insuree.family.add' },
    { path: '/families/$id', component: FamilyPage, right: 'insuree.family.search' },
  ],
  contributions: [
    contribute(mainMenu, {
      group: 'insurees',
      id: 'insuree.insurees',
      label: 'insuree.menu.insurees',
      to: '/insurees',
      right: 'insuree.insuree.search',
      order: 10,
    }),
    contribute(mainMenu, {
      group: 'insurees',
      id: 'insuree.addFamily',
      label: 'insuree.menu.addFamily',
      to: '/families/new',
      right: 'insuree.family.add',
      order: 30,
    }),
  ],
  messages: { en, fr },
});
