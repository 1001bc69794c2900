import { contribute, defineWebModule, mainMenu } from '@mutua/web-kernel';
import appEn from '../../locales/app.en.json';
import appFr from '../../locales/app.fr.json';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { EditClaimPage, NewClaimPage } from './ClaimForm';
import { ClaimPage } from './ClaimPage';
import { ClaimsPage, FeedbackPage, ReviewsPage } from './ClaimsPage';
import { ReviewPage } from './ReviewPage';

/** The engine's reason texts and the module's own texts, both under `claim.`. */
const merge = (a: { claim: object }, b: { claim: object }) => ({ claim: { ...a.claim, ...b.claim } });

/** The web part of the claim module: search with bulk actions, entry form, claim page, review and feedback. */
export default defineWebModule({
  id: 'claim',
  routes: [
    { path: '/claims', component: ClaimsPage, right: 'claim.claim.search' },
    { path: '/claims/reviews', component: ReviewsPage, right: ['claim.claim.review', 'claim.claim.update'] },
    { path: '/claims/feedback', component: FeedbackPage, right: ['claim.claim.feedback', 'claim.claim.update'] },
    { path: '/claims/new', component: NewClaimPage, right: 'claim.claim.add' },
    { path: '/claims/$id', component: ClaimPage, right: 'claim.claim.search' },
    { path: '/claims/$id/edit', component: EditClaimPage, right: ['claim.claim.add', 'claim.claim.update'] },
    { path: '/claims/$id/review', component: ReviewPage, right: 'claim.claim.review' },
  ],
  contributions: [
    contribute(mainMenu, {
      group: 'claims',
      id: 'claim.search',
      label: 'claim.menu.claims',
      to: '/claims',
      right: 'claim.claim.search',
      order: 10,
    }),
    contribute(mainMenu, {
      group: 'claims',
      id: 'claim.new',
      label: 'claim.menu.new',
      to: '/claims/new',
      right: 'claim.claim.add',
      order: 20,
    }),
    contribute(mainMenu, {
      group: 'claims',
      id: 'claim.reviews',
      label: 'claim.menu.review',
      to: '/claims/reviews',
      right: ['claim.claim.review', 'claim.claim.update'],
      order: 30,
    }),
    contribute(mainMenu, {
      group: 'claims',
      id: 'claim.feedback',
      label: 'claim.menu.feedback',
      to: '/claims/feedback',
      right: ['claim.claim.feedback', 'claim.claim.update'],
      order: 40,
    }),
  ],
  messages: { en: merge(en, appEn), fr: merge(fr, appFr) },
});
