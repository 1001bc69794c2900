import { contribute, defineWebModule, mainMenu } from '@mutua/web-kernel';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { BatchRunForm } from './BatchRunForm';
import { BatchRunPage } from './BatchRunPage';
import { BatchRunsPage } from './BatchRunsPage';
import { BillPage } from './BillPage';

const PREVIEW_OR_RUN = ['claim-batch.run.preview', 'claim-batch.run.process'];

/** The web part of the claim batch module: runs, preview and run form with progress, run detail, provider bills. */
export default defineWebModule({
  id: 'claim-batch',
  routes: [
    { path: '/batch', component: BatchRunsPage, right: 'claim-batch.run.search' },
    { path: '/batch/new', component: BatchRunForm, right: PREVIEW_OR_RUN },
    { path: '/batch/bills/$id', component: BillPage, right: 'claim-batch.run.search' },
    { path: '/batch/$id', component: BatchRunPage, right: 'claim-batch.run.search' },
  ],
  contributions: [
    contribute(mainMenu, {
      group: 'claims',
      id: 'claim-batch.runs',
      label: 'claim-batch.menu.runs',
      to: '/batch',
      right: 'claim-batch.run.search',
      order: 60,
    }),
    contribute(mainMenu, {
      group: 'claims',
      id: 'claim-batch.new',
      label: 'claim-batch.menu.new',
      to: '/batch/new',
      right: PREVIEW_OR_RUN,
      order: 70,
    }),
  ],
  messages: { en, fr },
});
