import { readFileSync } from 'node:fs';
import { defineModule, type Messages } from '@mutua/kernel';
import { type InsureeConfig, manifest } from '../manifest.js';
import type { InsureeApi } from '../points.js';

const catalog = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Messages;

/** The insuree module: families (groups), insurees, photos and insurance numbers. */
export default defineModule<InsureeApi, InsureeConfig>({
  manifest,
  migrations: new URL('../../migrations/', import.meta.url),
  messages: { en: catalog('en'), fr: catalog('fr') },
  setup() {
    throw new Error('insuree: not implemented yet');
  },
});

export type { InsureeConfig, NumberMode } from '../manifest.js';
/** Right names declared by the insuree module. */
export { RIGHTS as INSUREE_RIGHTS } from '../manifest.js';
export * from '../points.js';
