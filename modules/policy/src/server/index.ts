import { readFileSync } from 'node:fs';
import { INSUREE_RIGHTS, insureeAdded, insureeRemoved, insureeService } from '@mutua/insuree';
import { type Ctx, defineModule, type Messages, NotFoundError } from '@mutua/kernel';
import { locationService } from '@mutua/location';
import { medicalService } from '@mutua/medical';
import { productService } from '@mutua/product';
import { manifest, type PolicyConfig, RIGHTS } from '../manifest.js';
import type { PolicyApi } from '../points.js';
import { demoDeps, seedDemo } from './demo.js';
import { generate } from './generate.js';
import { registerPolicyGraphql } from './graphql.js';
import { createPolicyService } from './service.js';

const catalog = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Messages;

const DAY_MS = 24 * 60 * 60 * 1000;
export const EXPIRY_JOB = 'policy.expire';

/** The policy module: family policies, their members' coverage, renewals, expiry and the coverage enquiry. */
export default defineModule<PolicyApi, PolicyConfig>({
  manifest,
  migrations: new URL('../../migrations/', import.meta.url),
  messages: { en: catalog('en'), fr: catalog('fr') },
  setup({ config, hooks, graphql, routes, jobs, audit, service }) {
    const insuree = service(insureeService);
    const products = service(productService);
    const location = service(locationService);
    const { api, memberAdded, memberRemoved } = createPolicyService({
      insuree,
      product: products,
      location,
      medical: service(medicalService),
      hooks,
      ageOfMajority: config.ageOfMajority,
      activationOption: config.activationOption,
      renewalInterval: config.renewalInterval,
    });

    // Members joining or leaving a family change its policies' coverage in the same transaction.
    hooks.after(insureeAdded, (e, ctx) => memberAdded(ctx, e), { policy: 'in-transaction' });
    hooks.after(insureeRemoved, (e, ctx) => memberRemoved(ctx, e), { policy: 'in-transaction' });

    jobs.define<{ today?: string | null }>({
      type: EXPIRY_JOB,
      maxAttempts: 3,
      run: async (payload, job) => ({
        expired: await api.expirePolicies(job.ctx, payload?.today ?? null, (done, total) => job.progress(done, total)),
      }),
    });
    const enqueueExpiry = (ctx: Ctx) => jobs.enqueue(ctx, EXPIRY_JOB, {});

    registerPolicyGraphql(graphql, api, { products, insuree, enqueueExpiry });
    demoDeps.set(api, { insuree, product: products, location, ageOfMajority: config.ageOfMajority });

    routes.add({
      method: 'GET',
      url: '/enquiry/:chfId',
      guard: { right: INSUREE_RIGHTS.insureeEnquire },
      handler: async (req, _reply, ctx) => {
        const { chfId } = req.params as { chfId: string };
        const q = req.query as { itemCode?: string; serviceCode?: string };
        const coverage = await api.coverage(ctx, chfId);
        if (!coverage) throw new NotFoundError('Insuree', chfId);
        const eligibility =
          q.itemCode || q.serviceCode
            ? await api.eligibility(ctx, chfId, { itemCode: q.itemCode ?? null, serviceCode: q.serviceCode ?? null })
            : null;
        return { ...coverage, eligibility };
      },
    });

    audit.entity('Policy', { right: RIGHTS.search });

    // The daily expiry runs as a job, scheduled only where the job worker runs (the server).
    if (config.scheduleExpiry) jobs.schedule({ type: EXPIRY_JOB, everyMs: DAY_MS });
    return api;
  },
  seedDemo,
  generate,
});

export type { PolicyConfig } from '../manifest.js';
/** Right names declared by the policy module. */
export { RIGHTS as POLICY_RIGHTS } from '../manifest.js';
export * from '../points.js';
