import type { Hooks } from '@mutua/kernel';
import type { MedicalApi } from '@mutua/medical';
import type { ConsumptionProvider, ContributionProvider, PolicyApi } from '../points.js';
import { createPolicyBatchApi } from './batch-policies.js';
import type { ComputeDeps } from './compute.js';
import { coveringPoliciesMany } from './coverage-bulk.js';
import { createEnquiry } from './enquiry.js';
import { createReader } from './read.js';
import { createWriter } from './write.js';

export interface ServiceDeps extends ComputeDeps {
  hooks: Hooks;
  medical: MedicalApi;
  activationOption: 1 | 3;
  renewalInterval: number;
}

/** The policy service plus the internal listeners the module wires to insuree hooks. */
export function createPolicyService(deps: ServiceDeps) {
  let consumption: ConsumptionProvider | null = null;
  let contributions: ContributionProvider | null = null;
  const read = createReader(deps);
  const write = createWriter({ ...deps, read, contributions: () => contributions });
  const enquiry = createEnquiry({ ...deps, read, consumption: () => consumption });
  const api: PolicyApi = {
    ...createPolicyBatchApi(deps.insuree),
    getPolicy: read.getPolicy,
    getPolicies: read.getPolicies,
    familyPolicies: read.familyPolicies,
    searchPolicies: read.searchPolicies,
    policyMembers: read.policyMembers,
    coveringPolicies: read.coveringPolicies,
    coveringPoliciesMany,
    policyScopeCondition: read.policyScopeCondition,
    policyValues: write.policyValues,
    createPolicy: write.createPolicy,
    renewPolicy: write.renewPolicy,
    suspendPolicy: write.suspendPolicy,
    deletePolicy: write.deletePolicy,
    activatePolicy: write.activatePolicy,
    renewalReminders: write.renewalReminders,
    expirePolicies: write.expirePolicies,
    coverage: enquiry.coverage,
    eligibility: enquiry.eligibility,
    provideConsumption(p) {
      consumption = p;
    },
    provideContributions(p) {
      contributions = p;
    },
  };
  return { api, memberAdded: write.memberAdded, memberRemoved: write.memberRemoved };
}
