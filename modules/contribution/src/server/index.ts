import { readFileSync } from 'node:fs';
import { insureeService } from '@mutua/insuree';
import { defineModule, type Messages } from '@mutua/kernel';
import { payerService } from '@mutua/payer';
import { policyService } from '@mutua/policy';
import { productService } from '@mutua/product';
import { type ContributionConfig, manifest, RIGHTS } from '../manifest.js';
import type { ContributionApi } from '../points.js';
import { demoDeps, seedDemo } from './demo.js';
import { generate } from './generate.js';
import { registerContributionGraphql } from './graphql.js';
import { guardDeletes } from './hooks.js';
import { createContributionService } from './service.js';

const catalog = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Messages;

/** The contribution module: premiums paid on policies (DOMAIN.md §11); activates a policy once its value is paid. */
export default defineModule<ContributionApi, ContributionConfig>({
  manifest,
  migrations: new URL('../../migrations/', import.meta.url),
  messages: { en: catalog('en'), fr: catalog('fr') },
  setup({ hooks, config, graphql, audit, service }) {
    const deps = {
      hooks,
      insurees: service(insureeService),
      policies: service(policyService),
      payers: service(payerService),
      products: service(productService),
      activationOption: config.activationOption,
    };
    const contributions = createContributionService(deps);
    demoDeps.set(contributions, deps);
    guardDeletes(hooks);
    registerContributionGraphql(graphql, contributions, deps);
    audit.entity('Contribution', { right: RIGHTS.search });
    return contributions;
  },
  seedDemo,
  generate,
});

export type { ContributionConfig } from '../manifest.js';
/** Right names declared by the contribution module. */
export { RIGHTS as CONTRIBUTION_RIGHTS } from '../manifest.js';
/** The service type, its service ref, hook refs and GraphQL object ref. */
export * from '../points.js';
