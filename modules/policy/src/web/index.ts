import { familyPanels } from '@mutua/insuree/web';
import { contribute, defineWebModule, mainMenu } from '@mutua/web-kernel';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { EnquiryPage } from './EnquiryPage';
import { FamilyPoliciesPanel } from './FamilyPoliciesPanel';
import { NewPolicyPage, RenewPolicyPage } from './PolicyFormPage';
import { PolicyPage } from './PolicyPage';
import { RenewalsPage } from './RenewalsPage';

export { policyPanels } from './points';

/** The web part of the policy module: policies on the family page, the policy form and page, renewals, enquiry. */
export default defineWebModule({
  id: 'policy',
  routes: [
    { path: '/families/$id/policies/new', component: NewPolicyPage, right: 'policy.policy.add' },
    { path: '/policies/renewals', component: RenewalsPage, right: 'policy.policy.renew' },
    { path: '/policies/$id', component: PolicyPage, right: 'policy.policy.search' },
    { path: '/policies/$id/renew', component: RenewPolicyPage, right: 'policy.policy.renew' },
    { path: '/enquiry', component: EnquiryPage, right: 'insuree.insuree.enquire' },
  ],
  contributions: [
    contribute(familyPanels, FamilyPoliciesPanel),
    contribute(mainMenu, {
      group: 'insurees',
      id: 'policy.enquiry',
      label: 'policy.menu.enquiry',
      to: '/enquiry',
      right: 'insuree.insuree.enquire',
      order: 5,
    }),
    contribute(mainMenu, {
      group: 'insurees',
      id: 'policy.renewals',
      label: 'policy.menu.renewals',
      to: '/policies/renewals',
      right: 'policy.policy.renew',
      order: 40,
    }),
  ],
  messages: { en, fr },
});
