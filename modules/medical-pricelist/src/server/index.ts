import { readFileSync } from 'node:fs';
import { type Ctx, defineModule, type Messages } from '@mutua/kernel';
import { hfDeleted, locationService } from '@mutua/location';
import { itemChanged, medicalService, serviceChanged } from '@mutua/medical';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { manifest, RIGHTS } from '../manifest.js';
import { seedDemo } from './demo.js';
import { generate } from './generate.js';
import { registerPricelistGraphql } from './graphql.js';
import { registerImportsAndExports } from './imports.js';
import { hfPricelist, TABLES } from './schema.js';
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
    // An item or service closed in the register leaves every list (its lines close in the same transaction).
    const closeLines =
      (kind: 'items' | 'services') =>
      async ({ action, previous }: { action: string; previous: { id: string } | null }, ctx: Ctx) => {
        if (action !== 'delete' || !previous) return;
        const d = TABLES[kind].detail;
        await ctx.db
          .update(d)
          .set({ validTo: sql`now()` })
          .where(and(eq(d.medicalId, previous.id), isNull(d.validTo)));
      };
    hooks.after(itemChanged, closeLines('items'));
    hooks.after(serviceChanged, closeLines('services'));
    return pricelists;
  },
  seedDemo,
  generate,
});

/** Right names declared by the price-list module. */
export { RIGHTS as PRICELIST_RIGHTS } from '../manifest.js';
/** The service type and its service ref. */
export * from '../points.js';
