import {
  type Builder,
  type Connection,
  type Ctx,
  defineHook,
  defineServiceRef,
  type MutuaSchemaTypes,
} from '@mutua/kernel';
import type { ObjectRef } from '@pothos/core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm/sql';
import type { CategoryCounts, RemainingAmounts } from './domain/enquiry.js';
import type { PolicyBatchApi } from './server/batch-policies.js';

export type { CategoryCounts, RemainingAmounts } from './domain/enquiry.js';

/** 1 idle, 2 active, 4 suspended, 8 expired, 16 ready (DOMAIN.md §10, RULES.md §1.1). */
export type PolicyStatus = 1 | 2 | 4 | 8 | 16;
export const POLICY_STATUS = { idle: 1, active: 2, suspended: 4, expired: 8, ready: 16 } as const;
/** 'N' new, 'R' renewal. */
export type PolicyStage = 'N' | 'R';

/** A family's policy (current version). Dates are `YYYY-MM-DD`, money a decimal string. */
export interface Policy {
  id: string;
  familyId: string;
  productId: string;
  stage: PolicyStage;
  status: PolicyStatus;
  enrollDate: string;
  startDate: string;
  effectiveDate: string | null;
  expiryDate: string;
  value: string;
  officerId: string | null;
  previousPolicyId: string | null;
  validityFrom: string;
}

/** Coverage of one member by one family policy (DOMAIN.md §9.4). `effectiveDate` null = not (yet) covered. */
export interface InsureePolicy {
  id: string;
  policyId: string;
  insureeId: string;
  enrollmentDate: string;
  startDate: string;
  effectiveDate: string | null;
  expiryDate: string;
}

/** One ask of `coveringPoliciesMany`: is this insuree covered on this date (`YYYY-MM-DD`)? */
export interface CoverageAsk {
  insureeId: string;
  date: string;
}

/** A policy covering an insuree on a date, with every member's coverage rows (the claim engine needs both). */
export interface CoveringPolicy extends Policy {
  members: InsureePolicy[];
}

/** What a new or renewed policy would be: computed dates and value (the form shows them before saving). */
export interface PolicyValues {
  stage: PolicyStage;
  productId: string;
  enrollDate: string;
  startDate: string;
  expiryDate: string;
  value: string;
  /** Members counted in the value (at most the product's max members). */
  membersCounted: number;
  /** The family has more members than the product covers: those above are not counted. */
  membersAboveMax: number;
  /** Discount applied (decimal string, 0.00 when none). */
  discount: string;
}

export interface PolicyValuesInput {
  familyId: string;
  productId: string;
  enrollDate: string;
  stage?: PolicyStage | null;
  /** For a renewal: the policy it renews. */
  previousPolicyId?: string | null;
}

export interface CreatePolicyInput {
  familyId: string;
  productId: string;
  enrollDate: string;
  officerId?: string | null;
}

export interface RenewPolicyInput {
  /** The policy to renew (active or expired). */
  policyId: string;
  enrollDate: string;
  officerId?: string | null;
}

export interface PolicyFilter {
  familyId?: string | null;
  productId?: string | null;
  status?: PolicyStatus | null;
  officerId?: string | null;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A policy about to expire, with the product a renewal would use (conversion followed, DECISIONS #26). */
export interface RenewalReminder {
  policy: Policy;
  renewalDate: string;
  /** Product a renewal uses: the conversion product's chain followed when the product has one. */
  renewalProductId: string;
  /** 1 renewal date outside the renewal product's sale window, 2 no officer. */
  warnings: number;
}

/** One of an insuree's policies as the enquiry shows it. */
export interface CoveragePolicy {
  policy: Policy;
  productCode: string;
  productName: string;
  /** I idle / not yet effective, A active, S suspended, R ready, E expired (legacy enquiry letter). */
  statusLetter: 'I' | 'A' | 'S' | 'R' | 'E';
  /** This member's coverage row. */
  coverage: InsureePolicy | null;
  remaining: RemainingAmounts;
  countsLeft: CategoryCounts;
}

export interface CoverageInsuree {
  id: string;
  chfId: string;
  lastName: string;
  otherNames: string;
  dob: string;
  gender: string | null;
  photoUrl: string | null;
  familyId: string;
}

export interface Coverage {
  insuree: CoverageInsuree;
  policies: CoveragePolicy[];
}

/** RULES.md §8.1: may the insuree receive this item/service today? */
export interface Eligibility {
  kind: 'item' | 'service';
  code: string;
  /** Earliest date the item/service is covered (effective date + waiting period); null when no active policy covers it. */
  minDate: string | null;
  /** Quantity left (null = unlimited). */
  left: number | null;
  ok: boolean;
  /** i18n key of the reason when not ok. */
  reason: string | null;
}

/** Deductible and ceiling ledger sums (decimal strings), as the claim module records them (RULES.md §5.4). */
export interface DedRemSums {
  dedG: string;
  dedIp: string;
  dedOp: string;
  remG: string;
  remIp: string;
  remOp: string;
}

/** What claims already used under one policy. */
export interface PolicyUsage {
  /** Ledger sums for this insuree under the policy. */
  insuree: DedRemSums;
  /** Ledger sums for all members of the policy. */
  policy: DedRemSums;
  /** This insuree's claims (status > 2, at least one passed service) by stored category S, D, A, H, C, V. */
  claimsByCategory: Partial<Record<'S' | 'D' | 'A' | 'H' | 'C' | 'V', number>>;
  /** Quantity already used by this insuree (coalesce(qty approved, qty provided), passed lines, status > 2), by item id. */
  itemQuantities: Record<string, number>;
  /** Same by service id. */
  serviceQuantities: Record<string, number>;
}

/**
 * Consumption of an insuree's policies, implemented by the claim module. Register it once in its `setup`:
 * @example
 * service(policyService).provideConsumption({ usage: (ctx, q) => claimsUsage(ctx, q) });
 * Without a provider (no claim module composed), usage is zero: every deductible and ceiling is whole, every
 * count is the product's maximum.
 */
export interface ConsumptionProvider {
  usage(
    ctx: Ctx,
    query: {
      insureeId: string;
      policies: ReadonlyArray<{ id: string; productId: string; from: string; to: string }>;
    },
  ): Promise<Record<string, PolicyUsage>>;
}

/**
 * What was paid on a policy (contributions, photo fees excluded), implemented by the contribution module and
 * registered in its `setup`: `service(policyService).provideContributions({ paidTotal })`. Used when a member joins
 * a paid policy (RULES.md §7.4): the newcomer is covered only when the paid total still reaches the new value.
 * Without it an active policy counts as paid up to its previous value.
 */
export interface ContributionProvider {
  /** Decimal string. */
  paidTotal(ctx: Ctx, policyId: string): Promise<string>;
}

/** The policy module's service. Every read is scoped by the family's village (insuree.familyScopeCondition). */
export type { BatchPolicy, InsuredInVillage, PolicyBatchApi } from './server/batch-policies.js';

export interface PolicyApi extends PolicyBatchApi {
  getPolicy(ctx: Ctx, id: string): Promise<Policy | null>;
  getPolicies(ctx: Ctx, ids: readonly string[]): Promise<Policy[]>;
  familyPolicies(ctx: Ctx, familyId: string): Promise<Policy[]>;
  searchPolicies(ctx: Ctx, filter: PolicyFilter, page: PageArgs): Promise<Connection<Policy>>;
  /** Coverage rows of a policy, one per member. */
  policyMembers(ctx: Ctx, policyId: string): Promise<InsureePolicy[]>;
  /** Dates and value a new or renewed policy would get, without saving. */
  policyValues(ctx: Ctx, input: PolicyValuesInput): Promise<PolicyValues>;
  /** A new idle policy (stage N) with coverage rows for the current members. */
  createPolicy(ctx: Ctx, input: CreatePolicyInput): Promise<Policy>;
  /** A new idle policy (stage R) following an active or expired one; the conversion product when the product has one. */
  renewPolicy(ctx: Ctx, input: RenewPolicyInput): Promise<Policy>;
  suspendPolicy(ctx: Ctx, policyId: string): Promise<Policy>;
  /** Only idle policies. */
  deletePolicy(ctx: Ctx, policyId: string): Promise<void>;
  /**
   * Activates an idle policy effective at `effectiveDate` (and its members' coverage rows). Runs in the caller's
   * transaction (ctx). Throws RuleViolation when the policy is not idle. `status` 16 (ready) instead of active
   * when the scheme activates later (DOMAIN.md §10.2 activation option 3); default from the module config.
   */
  activatePolicy(ctx: Ctx, policyId: string, effectiveDate: string, opts?: { status?: 2 | 16 }): Promise<Policy>;
  /** Policies (status active or expired, DECISIONS #29) covering an insuree at a date — for claims and enquiry. */
  coveringPolicies(ctx: Ctx, insureeId: string, date: string): Promise<Policy[]>;
  /**
   * `coveringPolicies` of many asks at once, with the members of each policy, keyed by `insureeId|date` (every ask
   * has an entry; no covering policy → empty list). For bulk claim checks: one query whatever the number of asks.
   * `lock`: also takes, in the same statement, the transaction lock `hashtext(lock || ':' || policy id)` of every
   * active or expired policy of these insurees (in one order, so two callers never deadlock) — for a caller that
   * must judge one policy's claims one after the other.
   */
  coveringPoliciesMany(
    ctx: Ctx,
    asks: readonly CoverageAsk[],
    opts?: { lock?: string },
  ): Promise<Map<string, CoveringPolicy[]>>;
  policyScopeCondition(ctx: Ctx, policyIdColumn: AnyPgColumn | SQL): Promise<SQL | undefined>;
  /** Active or expired policies expiring within `days` (default: config renewalInterval) from `today`. */
  renewalReminders(ctx: Ctx, opts?: { days?: number | null; today?: string | null }): Promise<RenewalReminder[]>;
  /** Sets status expired on active policies whose expiry date is before `today`; returns how many. */
  expirePolicies(
    ctx: Ctx,
    today?: string | null,
    progress?: (done: number, total: number) => Promise<void>,
  ): Promise<number>;
  /** The enquiry: insuree, policies, remaining amounts and counts. Null when not found or out of scope. */
  coverage(ctx: Ctx, chfId: string, today?: string | null): Promise<Coverage | null>;
  eligibility(
    ctx: Ctx,
    chfId: string,
    what: { itemCode?: string | null; serviceCode?: string | null },
    today?: string | null,
  ): Promise<Eligibility | null>;
  /** Registers what claims consumed (the claim module); without it usage is zero. */
  provideConsumption(provider: ConsumptionProvider): void;
  /** Registers what was paid on policies (the contribution module). */
  provideContributions(provider: ContributionProvider): void;
}

/**
 * The policy service, for modules that list 'policy' in dependsOn.
 * @example
 * const policies = setup.service(policyService);
 * await policies.activatePolicy(ctx, policyId, effectiveDate);
 */
export const policyService = defineServiceRef<PolicyApi>('policy');

/** An idle policy became active (or ready) — emitted inside the activating transaction. */
export const policyActivated = defineHook<{ policyId: string; familyId: string; effectiveDate: string }>(
  'policy.activated',
);
/** A policy was created (new or renewal), inside the creating transaction. */
export const policyCreated = defineHook<{ policy: Policy }>('policy.created');
/** Policies expired by the expiry job. */
export const policyExpired = defineHook<{ policyIds: string[] }>('policy.expired');
/** A policy is about to be deleted: listeners may veto (e.g. contributions or claims exist). */
export const policyDeleting = defineHook<{ policy: Policy }>('policy.deleting');

type Types = PothosSchemaTypes.ExtendDefaultTypes<MutuaSchemaTypes>;
const refs = new WeakMap<Builder, ObjectRef<Types, Policy>>();
/**
 * The GraphQL `Policy` type on this builder, so other modules can add fields.
 * @example
 * builder.objectField(policyObject(builder), 'paidTotal', (t) => t.string({ resolve: ... }));
 */
export function policyObject(builder: Builder): ObjectRef<Types, Policy> {
  let r = refs.get(builder);
  if (!r) {
    r = builder.objectRef<Policy>('Policy');
    refs.set(builder, r);
  }
  return r;
}
