import { familyPanels } from '@mutua/insuree/web';
import { policyPanels } from '@mutua/policy/web';
import { contribute, defineWebModule, mainMenu } from '@mutua/web-kernel';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { ContributionsPage } from './ContributionsPage';
import { FamilyContributionsPanel } from './FamilyContributionsPanel';
import { PolicyContributionsPanel } from './PolicyContributionsPanel';

/** The web part of the contribution module: the contributions panel of a policy and of a family, and the search. */
export default defineWebModule({
  id: 'contribution',
  routes: [{ path: '/contributions', component: ContributionsPage, right: 'contribution.contribution.search' }],
  contributions: [
    contribute(mainMenu, {
      group: 'insurees',
      id: 'contribution.contributions',
      label: 'contribution.menu.contributions',
      to: '/contributions',
      right: 'contribution.contribution.search',
      order: 40,
    }),
    contribute(policyPanels, PolicyContributionsPanel),
    contribute(familyPanels, FamilyContributionsPanel),
  ],
  messages: { en, fr },
});
