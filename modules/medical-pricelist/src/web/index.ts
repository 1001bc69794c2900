import { contribute, defineWebModule, mainMenu } from '@mutua/web-kernel';
import { createElement } from 'react';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { ImportPage } from './ImportPage';
import { PricelistPage } from './PricelistPage';
import { PricelistsPage } from './PricelistsPage';

const ItemsPricelistsPage = () => createElement(PricelistsPage, { kind: 'items' });
const ServicesPricelistsPage = () => createElement(PricelistsPage, { kind: 'services' });
const ItemsPricelistPage = () => createElement(PricelistPage, { kind: 'items' });
const ServicesPricelistPage = () => createElement(PricelistPage, { kind: 'services' });

/** The web part of the price-list module: items and services price lists and the price-list import page. */
export default defineWebModule({
  id: 'medical-pricelist',
  routes: [
    { path: '/admin/items-pricelists', component: ItemsPricelistsPage, right: 'medical-pricelist.items.search' },
    { path: '/admin/items-pricelists/$id', component: ItemsPricelistPage, right: 'medical-pricelist.items.search' },
    {
      path: '/admin/services-pricelists',
      component: ServicesPricelistsPage,
      right: 'medical-pricelist.services.search',
    },
    {
      path: '/admin/services-pricelists/$id',
      component: ServicesPricelistPage,
      right: 'medical-pricelist.services.search',
    },
    {
      path: '/tools/imports/pricelists',
      component: ImportPage,
      right: ['medical-pricelist.items.edit', 'medical-pricelist.services.edit'],
    },
  ],
  contributions: [
    contribute(mainMenu, {
      group: 'administration',
      id: 'medical-pricelist.items',
      label: 'medical-pricelist.menu.itemsPricelists',
      to: '/admin/items-pricelists',
      right: 'medical-pricelist.items.search',
      order: 70,
    }),
    contribute(mainMenu, {
      group: 'administration',
      id: 'medical-pricelist.services',
      label: 'medical-pricelist.menu.servicesPricelists',
      to: '/admin/services-pricelists',
      right: 'medical-pricelist.services.search',
      order: 71,
    }),
    contribute(mainMenu, {
      group: 'tools',
      id: 'medical-pricelist.imports',
      label: 'medical-pricelist.menu.imports',
      to: '/tools/imports/pricelists',
      right: ['medical-pricelist.items.edit', 'medical-pricelist.services.edit'],
      order: 30,
    }),
  ],
  messages: { en, fr },
});
