import {
  type Builder,
  type Connection,
  type Ctx,
  defineHook,
  defineServiceRef,
  type MutuaSchemaTypes,
} from '@mutua/kernel';
import type { Policy } from '@mutua/policy';
import type { ObjectRef } from '@pothos/core';
import type { AssessWarning } from './domain/assess.js';
import type { Contribution, ContributionInput, PayType } from './domain/types.js';
import type { ContributionBatchApi } from './server/batch-premiums.js';

export type { AssessWarning } from './domain/assess.js';
export type { ActivationOption, Contribution, ContributionInput, PayType } from './domain/types.js';
export { PAY_TYPES } from './domain/types.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface ContributionFilter {
  /** Receipt prefix, case-insensitive. */
  receipt?: string | null;
  /** YYYY-MM-DD, inclusive. */
  payDateFrom?: string | null;
  payDateTo?: string | null;
  payerId?: string | null;
  payType?: string | null;
  policyId?: string | null;
  familyId?: string | null;
  productId?: string | null;
  /** A region, district, ward or village: contributions of families living anywhere under it. */
  locationId?: string | null;
  /** Photo fees only (true), contributions only (false), or both (null). */
  isPhotoFee?: boolean | null;
}

/** Where a policy stands with its payments. Money as decimal strings. */
export interface PolicyPayment {
  policyId: string;
  status: Policy['status'];
  value: string;
  /** Σ current contributions, photo fees excluded (RULES.md §7.3). */
  paid: string;
  /** value − paid, never below 0. */
  due: string;
  /** Photo/card fees paid (not counted in `paid`). */
  photoFees: string;
  /** Contributions counted so far (photo fees are no installments). */
  installments: number;
  /** Product's maximum number of installments (null = no limit). */
  maxInstallments: number | null;
  /** Last date for payment (null = the product sets none). */
  deadline: string | null;
  startDate: string;
}

/** What a contribution would do if saved now (the form shows it before saving). */
export interface ContributionPreview extends PolicyPayment {
  /** Paid total and amount due once this contribution is saved. */
  paidAfter: string;
  dueAfter: string;
  /** Saving it activates the policy. */
  activates: boolean;
  /** The date the policy would take effect (max(pay date, start date), DECISIONS.md #25). */
  effectiveDate: string | null;
  installment: number | null;
  warnings: AssessWarning[];
}

export interface PreviewInput {
  policyId: string;
  amount: unknown;
  payDate: string;
  isPhotoFee?: boolean | null;
  /** The contribution being edited (left out of the totals). */
  exceptId?: string | null;
}

/** A write's result: the contribution, its policy afterwards, and whether this write activated it. */
export interface ContributionResult {
  contribution: Contribution;
  policy: Policy;
  activated: boolean;
}

/**
 * The contribution module's service (DOMAIN.md §11). Reads need the search right and see only contributions of
 * families in the user's scope; writes check their right and the family's scope, run in one transaction, are
 * audited, and activate the policy when its value is reached (DECISIONS.md #25).
 */
export type { BatchPremium, ContributionBatchApi } from './server/batch-premiums.js';

export interface ContributionApi extends ContributionBatchApi {
  getContribution(ctx: Ctx, id: string): Promise<Contribution | null>;
  /** Every version of a contribution, oldest first. */
  contributionVersions(ctx: Ctx, id: string): Promise<Contribution[]>;
  /** Current contributions of a policy, by pay date. */
  policyContributions(ctx: Ctx, policyId: string): Promise<Contribution[]>;
  /** Current contributions of every policy of a family, by pay date. */
  familyContributions(ctx: Ctx, familyId: string): Promise<Contribution[]>;
  searchContributions(ctx: Ctx, filter: ContributionFilter, page: PageArgs): Promise<Connection<Contribution>>;
  /** Value, paid, due, installments and deadline of a policy; null when the policy is not visible. */
  policyPayment(ctx: Ctx, policyId: string): Promise<PolicyPayment | null>;
  /** Paid totals (decimal strings, photo fees excluded) of several policies at once, by policy id. */
  paidTotals(ctx: Ctx, policyIds: readonly string[]): Promise<Map<string, string>>;
  /** The amount still due on a policy (decimal string). */
  amountDue(ctx: Ctx, policyId: string): Promise<string>;
  previewContribution(ctx: Ctx, input: PreviewInput): Promise<ContributionPreview>;
  /** Records a contribution; activates the policy in the same transaction when it completes the value. */
  createContribution(ctx: Ctx, input: ContributionInput & { policyId: string }): Promise<ContributionResult>;
  /** Changes a contribution (new version); an idle policy whose value is now reached is activated. */
  updateContribution(ctx: Ctx, id: string, input: ContributionInput): Promise<ContributionResult>;
  /** Closes a contribution. The policy keeps its status (openIMIS does not deactivate; DOMAIN.md §11). */
  deleteContribution(ctx: Ctx, id: string): Promise<void>;
}

/**
 * The contribution service, for modules that list 'contribution' in dependsOn.
 * @example
 * const contributions = setup.service(contributionService);
 * const due = await contributions.amountDue(ctx, policyId);
 */
export const contributionService = defineServiceRef<ContributionApi>('contribution');

/** What changed: the new version (null on delete), the previous one (null on create), and the policy activation. */
export interface ContributionChanged {
  action: 'create' | 'update' | 'delete';
  current: Contribution | null;
  previous: Contribution | null;
  /** The write activated the policy. */
  activated: boolean;
}
/**
 * A contribution is recorded, changed or deleted; emitted inside the writing transaction (validate listeners may
 * veto, e.g. a payment-reconciliation module).
 * @example
 * hooks.after(contributionChanged, async ({ current }, ctx) => { ... }, { policy: 'after-commit' });
 */
export const contributionChanged = defineHook<ContributionChanged>('contribution.changed');

type Types = PothosSchemaTypes.ExtendDefaultTypes<MutuaSchemaTypes>;
const refs = new WeakMap<Builder, ObjectRef<Types, Contribution>>();
/**
 * The GraphQL `Contribution` type on this builder.
 * @example
 * builder.objectField(contributionObject(builder), 'reconciled', (t) => t.boolean({ resolve: ... }));
 */
export function contributionObject(builder: Builder): ObjectRef<Types, Contribution> {
  let r = refs.get(builder);
  if (!r) {
    r = builder.objectRef<Contribution>('Contribution');
    refs.set(builder, r);
  }
  return r;
}

/** Pay type letters, for lists. */
export const payTypeLabelKey = (t: PayType | string): string => `contribution.payType.${t}`;
