import { contribute, defineWebModule, mainMenu } from '@mutua/web-kernel';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { NewProductPage, ProductPage } from './ProductPage';
import { ProductsPage } from './ProductsPage';

/** The web part of the product module: the products list, the product form and its item/service lines. */
export default defineWebModule({
  id: 'product',
  routes: [
    { path: '/admin/products', component: ProductsPage, right: 'product.product.search' },
    { path: '/admin/products/new', component: NewProductPage, right: 'product.product.add' },
    { path: '/admin/products/$id', component: ProductPage, right: 'product.product.search' },
  ],
  contributions: [
    contribute(mainMenu, {
      group: 'administration',
      id: 'product.products',
      label: 'product.menu.products',
      to: '/admin/products',
      right: 'product.product.search',
      order: 60,
    }),
  ],
  messages: { en, fr },
});
