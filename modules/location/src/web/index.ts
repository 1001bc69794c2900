import { contribute, defineWebModule, mainMenu } from '@mutua/web-kernel';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { HealthFacilitiesPage } from './HealthFacilitiesPage';
import { HealthFacilityPage, NewHealthFacilityPage } from './HealthFacilityPage';
import { ImportPage } from './ImportPage';
import { LocationsPage } from './LocationsPage';

/** The web part of the location module: the location tree, health facilities, and the register imports page. */
export default defineWebModule({
  id: 'location',
  routes: [
    { path: '/admin/locations', component: LocationsPage, right: 'location.location.search' },
    { path: '/admin/health-facilities', component: HealthFacilitiesPage, right: 'location.hf.search' },
    { path: '/admin/health-facilities/new', component: NewHealthFacilityPage, right: 'location.hf.add' },
    { path: '/admin/health-facilities/$id', component: HealthFacilityPage, right: 'location.hf.search' },
    // Either import right opens the page; it lists the registers the user may import.
    { path: '/tools/imports/locations', component: ImportPage, right: ['location.import', 'location.hf.import'] },
  ],
  contributions: [
    contribute(mainMenu, {
      group: 'administration',
      id: 'location.locations',
      label: 'location.menu.locations',
      to: '/admin/locations',
      right: 'location.location.search',
      order: 40,
    }),
    contribute(mainMenu, {
      group: 'administration',
      id: 'location.healthFacilities',
      label: 'location.menu.healthFacilities',
      to: '/admin/health-facilities',
      right: 'location.hf.search',
      order: 50,
    }),
    contribute(mainMenu, {
      group: 'tools',
      id: 'location.imports',
      label: 'location.menu.imports',
      to: '/tools/imports/locations',
      // One right per menu entry: the IMIS administrator's (131006). Users holding only the facilities import right
      // reach the page by its address until menu entries accept any-of rights.
      right: ['location.import', 'location.hf.import'],
      order: 10,
    }),
  ],
  messages: { en, fr },
});

export type { LocationNode } from './api';
export { LocationPicker, type LocationRef } from './LocationPicker';
