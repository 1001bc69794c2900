import { readFileSync } from 'node:fs';
import { codeListService } from '@mutua/codelist';
import { defineModule, type Messages } from '@mutua/kernel';
import { type LocationConfig, manifest, RIGHTS } from '../manifest.js';
import { type LocationService, locationDeleted } from '../points.js';
import { benchmarks } from './benchmarks.js';
import { seedDemo } from './demo.js';
import { generate } from './generate.js';
import { registerHealthFacilityGraphql } from './graphql-hf.js';
import { registerLocationGraphql } from './graphql-location.js';
import { registerImports } from './imports.js';
import { createLocationService } from './service.js';

// Read at runtime rather than imported: the same relative path works from src/server (tsx) and dist/server (node),
// both two levels under the package root, and the catalogs stay plain JSON shared with the web part.
const catalog = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Messages;

/** The location module: the location tree, health facilities, the location scope, and their register imports. */
export default defineModule<LocationService, LocationConfig>({
  manifest,
  migrations: new URL('../../migrations/', import.meta.url),
  messages: { en: catalog('en'), fr: catalog('fr') },
  setup({ hooks, config, graphql, audit, imports, userDistricts, optionalService }) {
    const deps = { hooks, config, codeLists: optionalService(codeListService) };
    // Deleted locations leave every user's districts (DOMAIN.md §4.1). openIMIS also adds a new district to its
    // creator's districts; here a limited user can only create inside their own subtree, so there is nothing to add.
    hooks.after(locationDeleted, async ({ deletedIds }, ctx) => userDistricts.removeLocations(ctx, deletedIds));
    const service = createLocationService(deps);
    registerLocationGraphql(graphql, service);
    registerHealthFacilityGraphql(graphql, service);
    audit.entity('Location', { right: RIGHTS.locationSearch });
    audit.entity('HealthFacility', { right: RIGHTS.hfSearch });
    registerImports(imports, deps);
    return service;
  },
  seedDemo,
  generate,
  benchmarks,
});

/** Config of the location module (`composition.json` → modules[location].config). */
export type { LocationConfig } from '../manifest.js';
/** Right names declared by the location module. */
export { RIGHTS as LOCATION_RIGHTS } from '../manifest.js';
/** The service type, its service ref, hook refs and GraphQL object refs. */
export * from '../points.js';
