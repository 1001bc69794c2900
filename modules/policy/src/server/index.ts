import { readFileSync } from 'node:fs';
import { defineModule, type Messages } from '@mutua/kernel';
import { manifest, type PolicyConfig } from '../manifest.js';
import type { PolicyApi } from '../points.js';

const catalog = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Messages;

/** The policy module: family policies, their members' coverage, renewals, expiry and the coverage enquiry. */
export default defineModule<PolicyApi, PolicyConfig>({
  manifest,
  migrations: new URL('../../migrations/', import.meta.url),
  messages: { en: catalog('en'), fr: catalog('fr') },
  setup() {
    throw new Error('policy: not implemented yet');
  },
});

export type { PolicyConfig } from '../manifest.js';
/** Right names declared by the policy module. */
export { RIGHTS as POLICY_RIGHTS } from '../manifest.js';
export * from '../points.js';
