import { contribute, defineWebModule, mainMenu } from '@mutua/web-kernel';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { DiagnosesPage } from './DiagnosesPage';
import { ImportPage } from './ImportPage';
import {
  MedicalItemPage,
  MedicalItemsPage,
  MedicalServicePage,
  MedicalServicesPage,
  NewMedicalItemPage,
  NewMedicalServicePage,
} from './RegisterPages';

const IMPORT_RIGHTS = [
  'medical.item.add',
  'medical.service.add',
  'medical.diagnosis.upload',
  'medical.item.search',
  'medical.service.search',
  'medical.diagnosis.search',
];

/** The web part of the medical module: items, services and diagnoses registers, and their import/export page. */
export default defineWebModule({
  id: 'medical',
  routes: [
    { path: '/admin/medical-items', component: MedicalItemsPage, right: 'medical.item.search' },
    { path: '/admin/medical-items/new', component: NewMedicalItemPage, right: 'medical.item.add' },
    { path: '/admin/medical-items/$id', component: MedicalItemPage, right: 'medical.item.search' },
    { path: '/admin/medical-services', component: MedicalServicesPage, right: 'medical.service.search' },
    { path: '/admin/medical-services/new', component: NewMedicalServicePage, right: 'medical.service.add' },
    { path: '/admin/medical-services/$id', component: MedicalServicePage, right: 'medical.service.search' },
    { path: '/admin/diagnoses', component: DiagnosesPage, right: 'medical.diagnosis.search' },
    { path: '/tools/imports/medical', component: ImportPage, right: IMPORT_RIGHTS },
  ],
  contributions: [
    contribute(mainMenu, {
      group: 'administration',
      id: 'medical.items',
      label: 'medical.menu.items',
      to: '/admin/medical-items',
      right: 'medical.item.search',
      order: 60,
    }),
    contribute(mainMenu, {
      group: 'administration',
      id: 'medical.services',
      label: 'medical.menu.services',
      to: '/admin/medical-services',
      right: 'medical.service.search',
      order: 61,
    }),
    contribute(mainMenu, {
      group: 'administration',
      id: 'medical.diagnoses',
      label: 'medical.menu.diagnoses',
      to: '/admin/diagnoses',
      right: 'medical.diagnosis.search',
      order: 62,
    }),
    contribute(mainMenu, {
      group: 'tools',
      id: 'medical.imports',
      label: 'medical.menu.imports',
      to: '/tools/imports/medical',
      right: IMPORT_RIGHTS,
      order: 20,
    }),
  ],
  messages: { en, fr },
});
