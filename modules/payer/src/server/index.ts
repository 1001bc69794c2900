import { readFileSync } from 'node:fs';
import { codeListService } from '@mutua/codelist';
import { defineModule, type Messages } from '@mutua/kernel';
import { type LocationService, locationService } from '@mutua/location';
import { manifest, RIGHTS } from '../manifest.js';
import type { PayerService } from '../points.js';
import { seedDemo } from './demo.js';
import { registerPayerGraphql } from './graphql.js';
import { guardLocations } from './guards.js';
import { createPayerService } from './service.js';

const catalog = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Messages;

// The location service of each kernel's payer service, for seedDemo (the kernel passes it this module's service only).
const locationsOf = new WeakMap<PayerService, LocationService>();

/** The payer module: payers (DOMAIN.md §8), effective-dated, limited by location scope. */
export default defineModule<PayerService>({
  manifest,
  migrations: new URL('../../migrations/', import.meta.url),
  messages: { en: catalog('en'), fr: catalog('fr') },
  setup({ hooks, graphql, audit, service, optionalService }) {
    const location = service(locationService);
    const payers = createPayerService({ hooks, location, codeLists: optionalService(codeListService) });
    locationsOf.set(payers, location);
    guardLocations(hooks, location);
    registerPayerGraphql(graphql, payers, location);
    audit.entity('Payer', { right: RIGHTS.search });
    return payers;
  },
  seedDemo: async (ctx, payers) => {
    const locations = locationsOf.get(payers);
    if (!locations) throw new Error('payer: seedDemo before setup');
    await seedDemo(ctx, payers, locations);
  },
});

/** Right names declared by the payer module. */
export { RIGHTS as PAYER_RIGHTS } from '../manifest.js';
/** The service type, its service ref, hook refs and GraphQL object ref. */
export * from '../points.js';
