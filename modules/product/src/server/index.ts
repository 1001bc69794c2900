import { readFileSync } from 'node:fs';
import { defineModule, type Messages } from '@mutua/kernel';
import { locationService } from '@mutua/location';
import { medicalService } from '@mutua/medical';
import { manifest, type ProductConfig, RIGHTS } from '../manifest.js';
import type { ProductApi } from '../points.js';
import { demoDeps, seedDemo } from './demo.js';
import { generate } from './generate.js';
import { registerProductGraphql } from './graphql.js';
import { createProductService } from './service.js';

const catalog = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Messages;

/** The product module: products (benefit plans) and the items and services they cover, effective-dated. */
export default defineModule<ProductApi, ProductConfig>({
  manifest,
  migrations: new URL('../../migrations/', import.meta.url),
  messages: { en: catalog('en'), fr: catalog('fr') },
  setup({ hooks, config, graphql, audit, service }) {
    const location = service(locationService);
    const medical = service(medicalService);
    const lineDefaults = {
      priceOrigin: config.defaultPriceOrigin,
      limitationType: config.defaultLimitationType,
      waitingPeriodAdult: config.defaultWaitingPeriodAdult,
      waitingPeriodChild: config.defaultWaitingPeriodChild,
    };
    const products = createProductService({ hooks, location, medical, lineDefaults });
    demoDeps.set(products, { medical, location });
    registerProductGraphql(graphql, products, { medical, location });
    audit.entity('Product', { right: RIGHTS.search });
    return products;
  },
  seedDemo,
  generate,
});

export type { ProductConfig } from '../manifest.js';
/** Right names declared by the product module. */
export { RIGHTS as PRODUCT_RIGHTS } from '../manifest.js';
export * from '../points.js';
/** Codes of the generated products (`mutua generate`), for the generators of the modules built on them. */
export { GENERATED_PREFIX, NATIONAL_CODE } from './generate.js';
