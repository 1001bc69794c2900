import { readFileSync } from 'node:fs';
import { codeListService } from '@mutua/codelist';
import { defineModule, type Messages } from '@mutua/kernel';
import { locationService } from '@mutua/location';
import { type InsureeConfig, manifest, RIGHTS } from '../manifest.js';
import type { InsureeApi } from '../points.js';
import { benchmarks } from './benchmarks.js';
import { seedDemo } from './demo.js';
import { generate, generateDeps } from './generate.js';
import { registerInsureeGraphql } from './graphql.js';
import { registerPhotoRoutes } from './photo-routes.js';
import { createInsureeService } from './service.js';

const catalog = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Messages;

/** The insuree module: families (groups), insurees, photos, insurance numbers and the duplicate check. */
export default defineModule<InsureeApi, InsureeConfig>({
  manifest,
  migrations: new URL('../../migrations/', import.meta.url),
  messages: { en: catalog('en'), fr: catalog('fr') },
  setup({ hooks, config, graphql, routes, audit, service }) {
    const location = service(locationService);
    const codeLists = service(codeListService);
    const insurees = createInsureeService({
      hooks,
      location,
      codeLists,
      numberFormat: config.insureeNumber,
      maxPhotoBytes: config.maxPhotoBytes,
      duplicateNameSimilarity: config.duplicateNameSimilarity,
    });
    registerInsureeGraphql(graphql, insurees, { location });
    registerPhotoRoutes(routes, insurees, config.maxPhotoBytes);
    audit.entity('Family', { right: RIGHTS.familySearch });
    audit.entity('Insuree', { right: RIGHTS.insureeSearch });
    generateDeps.set(insurees, { location, numberFormat: config.insureeNumber });
    return insurees;
  },
  seedDemo,
  generate,
  benchmarks,
});

export type { InsureeConfig, NumberMode } from '../manifest.js';
/** Right names declared by the insuree module. */
export { RIGHTS as INSUREE_RIGHTS } from '../manifest.js';
export * from '../points.js';
