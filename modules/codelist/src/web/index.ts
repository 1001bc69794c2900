import { contribute, defineWebModule, mainMenu } from '@mutua/web-kernel';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { CodeListsPage } from './CodeListsPage';

/** The web part of the codelist module: the code lists admin page, and the hook and select other modules' forms use. */
export default defineWebModule({
  id: 'codelist',
  routes: [
    { path: '/admin/code-lists', component: CodeListsPage, right: ['codelist.entry.search', 'codelist.entry.edit'] },
  ],
  contributions: [
    contribute(mainMenu, {
      group: 'administration',
      id: 'codelist.codeLists',
      label: 'codelist.menu.codeLists',
      to: '/admin/code-lists',
      right: 'codelist.entry.edit',
      order: 90,
    }),
  ],
  messages: { en, fr },
});

/** The shapes the web part reads. */
export type { CodeEntry, CodeListData } from './api';
/** A select over a code list, labelled in the UI language. */
export { CodeSelect, type CodeSelectProps } from './CodeSelect';
/** The active entries of a code list as `{ value, label }` options in the UI language; the label of one entry. */
export { entryLabel, useCodeList, useCodeListData, useCodeLists } from './use-code-list';
