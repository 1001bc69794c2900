import { readFileSync } from 'node:fs';
import { defineModule, type Messages } from '@mutua/kernel';
import { manifest, RIGHTS } from '../manifest.js';
import type { CodeListService } from '../points.js';
import { registerCodeListGraphql } from './graphql.js';
import { seedBuiltIns } from './seed.js';
import { createCodeListService } from './service.js';

// Read at runtime rather than imported: the same relative path works from src/server (tsx) and dist/server (node).
const catalog = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Messages;

/** The codelist module: the code lists of DOMAIN.md §3 as reference data other modules validate against. */
export default defineModule<CodeListService>({
  manifest,
  migrations: new URL('../../migrations/', import.meta.url),
  messages: { en: catalog('en'), fr: catalog('fr') },
  async setup({ db, graphql, audit }) {
    // Every deployment needs the lists, not only the demo: insert the missing built-in entries on every start.
    await seedBuiltIns(db);
    const service = createCodeListService();
    registerCodeListGraphql(graphql, service);
    audit.entity('CodeListEntry', { right: RIGHTS.entryEdit });
    return service;
  },
});

/** Right names declared by the codelist module. */
export { RIGHTS as CODELIST_RIGHTS } from '../manifest.js';
/** The service type, its service ref and the entry types. */
export * from '../points.js';
