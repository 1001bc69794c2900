import { readFileSync } from 'node:fs';
import { defineModule, type Messages } from '@mutua/kernel';
import { type LocationService, locationService } from '@mutua/location';
import { manifest, RIGHTS } from '../manifest.js';
import type { OfficerService } from '../points.js';
import { seedDemo } from './demo.js';
import { registerOfficerGraphql } from './graphql.js';
import { guardLocations } from './guards.js';
import { createOfficerService } from './service.js';

const catalog = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Messages;

// The location service of each kernel's officer service, for seedDemo (the kernel passes it this module's service only).
const locationsOf = new WeakMap<OfficerService, LocationService>();

/** The officer module: enrolment officers and claim administrators (DOMAIN.md §2.1), limited by location scope. */
export default defineModule<OfficerService>({
  manifest,
  migrations: new URL('../../migrations/', import.meta.url),
  messages: { en: catalog('en'), fr: catalog('fr') },
  setup({ hooks, graphql, audit, service }) {
    const location = service(locationService);
    const officers = createOfficerService({ hooks, location });
    locationsOf.set(officers, location);
    guardLocations(hooks, location);
    registerOfficerGraphql(graphql, officers, location);
    audit.entity('EnrolmentOfficer', { right: RIGHTS.officerSearch });
    audit.entity('ClaimAdministrator', { right: RIGHTS.claimAdminSearch });
    return officers;
  },
  seedDemo: async (ctx, officers) => {
    const locations = locationsOf.get(officers);
    if (!locations) throw new Error('officer: seedDemo before setup');
    await seedDemo(ctx, officers, locations);
  },
});

/** Right names declared by the officer module. */
export { RIGHTS as OFFICER_RIGHTS } from '../manifest.js';
/** The service type, its service ref, hook refs and GraphQL object refs. */
export * from '../points.js';
