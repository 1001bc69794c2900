import { readFileSync } from 'node:fs';
import { claimService } from '@mutua/claim';
import { contributionService } from '@mutua/contribution';
import { insureeService } from '@mutua/insuree';
import { defineModule, type Messages } from '@mutua/kernel';
import { locationService } from '@mutua/location';
import { medicalService } from '@mutua/medical';
import { policyService } from '@mutua/policy';
import { productService } from '@mutua/product';
import { type ClaimBatchConfig, manifest, RIGHTS } from '../manifest.js';
import type { ClaimBatchApi } from '../points.js';
import { benchDeps, createBenchmarks } from './bench.js';
import { registerClaimBatchGraphql } from './graphql.js';
import { registerClaimBatchRoutes } from './routes.js';
import { createClaimBatchService, RUN_JOB } from './service.js';

const catalog = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Messages;

/** The claim batch module: monthly valuation (relative index), capitation and provider bills. */
export default defineModule<ClaimBatchApi, ClaimBatchConfig>({
  manifest,
  migrations: new URL('../../migrations/', import.meta.url),
  messages: { en: catalog('en'), fr: catalog('fr') },
  setup({ config, graphql, routes, jobs, audit, service }) {
    const location = service(locationService);
    const product = service(productService);
    const api = createClaimBatchService({
      location,
      product,
      policy: service(policyService),
      contribution: service(contributionService),
      claim: service(claimService),
      jobs,
      chunkSize: config.chunkSize,
    });
    jobs.define<{ runId: string }>({
      type: RUN_JOB,
      maxAttempts: 3,
      run: async ({ runId }, job) => {
        const run = await api.executeRun(job.ctx, runId, {
          checkpoint: job.checkpoint,
          saveCheckpoint: (s) => job.saveCheckpoint(s),
          progress: (d, t) => job.progress(d, t),
        });
        return { runId: run.id, claimsValuated: run.claimsValuated, remunerated: run.remunerated };
      },
    });
    benchDeps.set(api, { location, product, medical: service(medicalService), insuree: service(insureeService) });
    registerClaimBatchGraphql(graphql, api, location);
    registerClaimBatchRoutes(routes, api);
    audit.entity('BatchRun', { right: RIGHTS.search });
    return api;
  },
  benchmarks: createBenchmarks,
});

export type { ClaimBatchConfig } from '../manifest.js';
export { RIGHTS as CLAIM_BATCH_RIGHTS } from '../manifest.js';
export * from '../points.js';
export { RUN_JOB };
