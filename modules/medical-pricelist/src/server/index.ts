import { readFileSync } from 'node:fs';
import { defineModule, type Messages } from '@mutua/kernel';
import { hfDeleted, locationService } from '@mutua/location';
import { medicalService } from '@mutua/medical';
import { eq } from 'drizzle-orm';
import { manifest, RIGHTS } from '../manifest.js';
import { seedDemo } from './demo.js';
import { registerPricelistGraphql } from './graphql.js';
import { registerImportsAndExports } from './imports.js';
import { hfPricelist } from './schema.js';
import { createPricelistService, type PricelistService } from './service.js';

// Read at runtime: the same relative path works from src/server (tsx) and dist/server (node).
const catalog = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Messages;

/** The medical price-list module: items and services price lists and the lists each health facility uses. */
export default defineModule<PricelistService>({
  manifest,
  migrations: new URL('../../migrations/', import.meta.url),
  messages: { en: catalog('en'), fr: catalog('fr') },
  setup({ graphql, audit, imports, routes, hooks, service }) {
    const location = service(locationService);
    const medical = service(medicalService);
    const pricelists = createPricelistService({ location, medical });
    registerPricelistGraphql(graphql, pricelists, location);
    audit.entity('ItemsPricelist', { right: RIGHTS.itemsSearch });
    audit.entity('ServicesPricelist', { right: RIGHTS.servicesSearch });
    registerImportsAndExports(imports, routes, pricelists, medical);
    // A deleted facility uses no list any more.
    hooks.after(hfDeleted, async ({ healthFacility }, ctx) => {
      await ctx.db.delete(hfPricelist).where(eq(hfPricelist.hfId, healthFacility.id));
    });
    return pricelists;
  },
  seedDemo,
});

/** Right names declared by the price-list module. */
export { RIGHTS as PRICELIST_RIGHTS } from '../manifest.js';
/** The service type and its service ref. */
export * from '../points.js';
