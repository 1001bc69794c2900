import { readFileSync } from 'node:fs';
import { defineModule, type Messages } from '@mutua/kernel';
import { CODE_LISTS } from '../domain/lists.js';
import { manifest, RIGHTS } from '../manifest.js';
import type { CodeListService } from '../points.js';
import { registerCodeListGraphql } from './graphql.js';
import { seedBuiltIns } from './seed.js';
import { createCodeListService } from './service.js';

// Read at runtime rather than imported: the same relative path works from src/server (tsx) and dist/server (node).
// The lists' names come from their definitions (codelist.list.<id>), so error messages can name a list by its key.
const catalog = (locale: 'en' | 'fr'): Messages => {
  const messages = JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as {
    codelist: Messages;
  };
  messages.codelist.list = Object.fromEntries(CODE_LISTS.map((l) => [l.id, locale === 'fr' ? l.nameFr : l.name]));
  return messages;
};

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
/** An in-memory fake of the service, for tests of modules that depend on codelist. */
export { fakeCodeListService } from './testing.js';
