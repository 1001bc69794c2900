import { readFileSync } from 'node:fs';
import { insureeService } from '@mutua/insuree';
import { defineModule, type Messages, ReferenceCache } from '@mutua/kernel';
import { locationService } from '@mutua/location';
import { medicalService } from '@mutua/medical';
import { pricelistService } from '@mutua/medical-pricelist';
import { officerService } from '@mutua/officer';
import { policyService } from '@mutua/policy';
import { productService } from '@mutua/product';
import { type ClaimConfig, manifest, RIGHTS } from '../manifest.js';
import { createBenchmarks } from './bench.js';
import { generateClaims, seedDemo } from './demo.js';
import { type Deps, depsOf } from './deps.js';
import { registerClaimGraphql } from './graphql.js';
import { BULK_JOB, registerClaimJobs } from './jobs.js';
import { registerClaimLookups } from './lookups.js';
import { registerClaimRoutes } from './routes.js';
import { type ClaimService, createClaimService } from './service.js';
import { consumption } from './usage.js';

/** Messages: the rule engine's (`claim.reason.*`) and this module's, merged. */
const catalog = (locale: string): Messages => {
  const read = (name: string): Messages => {
    try {
      return JSON.parse(readFileSync(new URL(`../../locales/${name}.json`, import.meta.url), 'utf8')) as Messages;
    } catch {
      return {};
    }
  };
  const engine = read(locale);
  const app = read(`app.${locale}`);
  const e = (engine.claim ?? {}) as Messages;
  const a = (app.claim ?? {}) as Messages;
  return { ...engine, ...app, claim: { ...e, ...a } };
};

/** The claim module: entry, check, valuation, review and feedback of health-facility claims. */
export default defineModule<ClaimService, ClaimConfig>({
  manifest,
  migrations: new URL('../../migrations/', import.meta.url),
  messages: { en: catalog('en'), fr: catalog('fr') },
  setup({ hooks, config, graphql, audit, service, routes, jobs }) {
    const deps: Deps = {
      hooks,
      config,
      refs: new ReferenceCache(),
      location: service(locationService),
      medical: service(medicalService),
      pricelist: service(pricelistService),
      product: service(productService),
      insuree: service(insureeService),
      policy: service(policyService),
      officer: service(officerService),
    };
    const claims = createClaimService(deps);
    depsOf.set(claims, deps);
    deps.policy.provideConsumption?.(consumption);
    registerClaimJobs(jobs, claims);
    registerClaimGraphql(graphql, claims, deps, jobs);
    registerClaimLookups(graphql, deps);
    registerClaimRoutes(routes, claims);
    audit.entity('Claim', { right: RIGHTS.search });
    return claims;
  },
  seedDemo,
  generate: generateClaims,
  benchmarks: createBenchmarks,
});

export type { ClaimConfig } from '../manifest.js';
/** Right names declared by the claim module. */
export { RIGHTS as CLAIM_RIGHTS } from '../manifest.js';
export * from '../points.js';
export { BULK_JOB, depsOf };
