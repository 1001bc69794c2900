import {
  type Builder,
  type Connection,
  type Ctx,
  defineHook,
  defineServiceRef,
  type MutuaSchemaTypes,
} from '@mutua/kernel';
import type { ObjectRef } from '@pothos/core';
import type { ClaimBatchApi } from './server/batch-points.js';

export type { BatchClaimLine, BatchResult, ClaimBatchApi } from './server/batch-points.js';

/** 1 rejected, 2 entered, 4 checked, 8 processed, 16 valuated (DOMAIN.md §12.4). */
export type ClaimStatus = 1 | 2 | 4 | 8 | 16;
export const CLAIM_STATUS = { rejected: 1, entered: 2, checked: 4, processed: 8, valuated: 16 } as const;
/** Review and feedback status: 1 idle, 2 not selected, 4 selected, 8 delivered, 16 bypassed. */
export type SelectionStatus = 1 | 2 | 4 | 8 | 16;
export const SELECTION_STATUS = { idle: 1, notSelected: 2, selected: 4, delivered: 8, bypassed: 16 } as const;
/** O normal (other), E emergency, R referral. */
export type VisitType = 'O' | 'E' | 'R';
export type LineKind = 'item' | 'service';

/** One item or service line of a claim, with its check and valuation results. Money and quantities: decimals. */
export interface ClaimLine {
  id: string;
  kind: LineKind;
  /** The medical item's or service's id. */
  medicalId: string;
  qtyProvided: string;
  qtyApproved: string | null;
  priceAsked: string;
  priceAdjusted: string | null;
  priceApproved: string | null;
  priceValuated: string | null;
  explanation: string | null;
  justification: string | null;
  /** 1 passed, 2 rejected. */
  status: 1 | 2;
  /** 0 accepted, −1 rejected in review, else RULES.md §3.1 codes (i18n `claim.reason.<code>`). */
  rejectionReason: number;
  /** Parameters of the reason's message (e.g. `{ date: '2026-03-01' }` for a waiting period). */
  rejectionParams: Record<string, unknown> | null;
  productId: string | null;
  policyId: string | null;
  priceOrigin: string | null;
  limitation: string | null;
  limitationValue: string | null;
  deductableAmount: string | null;
  exceedCeilingAmount: string | null;
  exceedCeilingAmountCategory: string | null;
  remuneratedAmount: string | null;
}

/** A claim (current state; its history is in the audit log, ADR 0007). */
export interface Claim {
  id: string;
  code: string;
  hfId: string;
  insureeId: string;
  adminId: string | null;
  dateFrom: string;
  dateTo: string | null;
  dateClaimed: string;
  icdId: string;
  /** Secondary diagnoses, at most 4. */
  secondaryIcdIds: string[];
  visitType: VisitType;
  /** S, D, A, H, C, V — computed at the check. */
  category: string | null;
  status: ClaimStatus;
  reviewStatus: SelectionStatus;
  feedbackStatus: SelectionStatus;
  feedbackAvailable: boolean;
  rejectionReason: number;
  guaranteeId: string | null;
  explanation: string | null;
  adjustment: string | null;
  claimed: string;
  approved: string | null;
  valuated: string | null;
  remunerated: string | null;
  dateProcessed: string | null;
  submitStamp: string | null;
  processStamp: string | null;
  restoreId: string | null;
  /** Why a listener of `claim.check` flagged the claim for review. */
  reviewFlags: Array<{ key: string; params?: Record<string, unknown> }>;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimDetail extends Claim {
  items: ClaimLine[];
  services: ClaimLine[];
}

export interface ClaimLineInput {
  medicalId: string;
  qtyProvided: string;
  /** Unit price asked; empty = the facility's price-list price. */
  priceAsked?: string | null;
  explanation?: string | null;
}

/** What a clerk enters. The insuree is given by insurance number (or id). */
export interface ClaimInput {
  code: string;
  /** Defaults to the claim administrator's facility. */
  hfId?: string | null;
  insureeNumber?: string | null;
  insureeId?: string | null;
  adminId?: string | null;
  dateFrom: string;
  dateTo?: string | null;
  dateClaimed: string;
  icdId: string;
  secondaryIcdIds?: readonly string[] | null;
  visitType?: string | null;
  guaranteeId?: string | null;
  explanation?: string | null;
  items?: readonly ClaimLineInput[] | null;
  services?: readonly ClaimLineInput[] | null;
}

export interface ClaimFilter {
  hfId?: string | null;
  status?: readonly ClaimStatus[] | null;
  reviewStatus?: SelectionStatus | null;
  feedbackStatus?: SelectionStatus | null;
  code?: string | null;
  insureeNumber?: string | null;
  insureeId?: string | null;
  /** Date claimed, inclusive. */
  dateClaimedFrom?: string | null;
  dateClaimedTo?: string | null;
  /** Visit start, inclusive. */
  dateFrom?: string | null;
  dateTo?: string | null;
  claimedMin?: string | null;
  claimedMax?: string | null;
  icdId?: string | null;
  visitType?: string | null;
  /** Include soft-deleted claims. */
  includeDeleted?: boolean | null;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Result of a check (submit or dry run) for one line. */
export interface LineVerdict {
  kind: LineKind;
  index: number;
  medicalId: string;
  status: 1 | 2;
  rejectionReason: number;
  rejectionParams: Record<string, unknown> | null;
}
export interface CheckOutcome {
  /** 4 checked or 1 rejected. */
  status: ClaimStatus;
  category: string | null;
  lines: LineVerdict[];
  approved: string;
  reviewFlags: Array<{ key: string; params?: Record<string, unknown> }>;
}

export interface BulkSummary {
  total: number;
  checked: number;
  rejected: number;
  processed: number;
  valuated: number;
  /** Claims skipped because they were not in a status the action applies to. */
  skipped: number;
  failed: number;
}

export interface SelectionInput {
  /** Claims to consider (checked ones). */
  ids: readonly string[];
  /** 'all' above `minClaimed`; 'random' `value` % of them; 'variance' claimed ≥ average of the diagnosis × (1+value/100). */
  mode: 'all' | 'random' | 'variance';
  value?: number | null;
  minClaimed?: string | null;
}

export interface ReviewLineInput {
  id: string;
  qtyApproved?: string | null;
  priceApproved?: string | null;
  justification?: string | null;
  /** Rejects the line in review (reason −1). */
  reject?: boolean | null;
}

export interface FeedbackInput {
  careRendered?: boolean | null;
  paymentAsked?: boolean | null;
  drugPrescribed?: boolean | null;
  drugReceived?: boolean | null;
  /** Overall assessment −1…5. */
  assessment?: number | null;
  officerId?: string | null;
  feedbackDate: string;
}

export interface Feedback extends FeedbackInput {
  claimId: string;
}

export interface Attachment {
  id: string;
  claimId: string;
  title: string | null;
  type: string | null;
  filename: string;
  mime: string;
  size: number;
  date: string | null;
  createdAt: string;
}

/**
 * The claim module's service. Every operation checks its right and the location scope: a claim administrator sees
 * and writes only their facility's claims; other users the facilities of their districts.
 */
export interface ClaimApi extends ClaimBatchApi {
  searchClaims(ctx: Ctx, filter: ClaimFilter, page: PageArgs): Promise<Connection<Claim>>;
  getClaim(ctx: Ctx, id: string): Promise<ClaimDetail | null>;
  getClaims(ctx: Ctx, ids: readonly string[]): Promise<Claim[]>;
  createClaim(ctx: Ctx, input: ClaimInput): Promise<ClaimDetail>;
  /** Complete replace while entered or checked (a checked claim goes back to entered). */
  updateClaim(ctx: Ctx, id: string, input: ClaimInput): Promise<ClaimDetail>;
  /** Soft delete, entered claims only. */
  deleteClaim(ctx: Ctx, id: string): Promise<void>;
  /** A rejected claim copied into a new entered one (same code). */
  restoreClaim(ctx: Ctx, id: string): Promise<ClaimDetail>;
  /** The check without saving: of an entered claim, or of an input not saved yet. */
  validateClaim(ctx: Ctx, what: { claimId?: string | null; input?: ClaimInput | null }): Promise<CheckOutcome>;
  /**
   * A facility system's submission: entry and check in one transaction, and the valuation too when `process` is set
   * (the caller needs the process right). Returns the claim as it ends up (status, line verdicts, amounts).
   */
  submitClaim(ctx: Ctx, input: ClaimInput, opts?: { process?: boolean | null }): Promise<ClaimDetail>;
  /** Checks entered claims (status → 4 or 1), in one set-based pass. */
  submitClaims(ctx: Ctx, ids: readonly string[]): Promise<BulkSummary>;
  /** Values checked claims (status → 16, or 8 with relative-price lines, or 1). */
  processClaims(ctx: Ctx, ids: readonly string[]): Promise<BulkSummary>;

  selectForReview(ctx: Ctx, input: SelectionInput): Promise<{ selected: number; notSelected: number }>;
  setReviewStatus(ctx: Ctx, ids: readonly string[], action: 'select' | 'skip' | 'bypass'): Promise<number>;
  /** Reviewer's adjustments; `deliver` closes the review (status 8). */
  saveReview(
    ctx: Ctx,
    id: string,
    input: { lines: readonly ReviewLineInput[]; adjustment?: string | null; deliver?: boolean | null },
  ): Promise<ClaimDetail>;
  selectForFeedback(ctx: Ctx, input: SelectionInput): Promise<{ selected: number; notSelected: number }>;
  setFeedbackStatus(ctx: Ctx, ids: readonly string[], action: 'select' | 'skip' | 'bypass'): Promise<number>;
  deliverFeedback(ctx: Ctx, id: string, input: FeedbackInput): Promise<ClaimDetail>;
  getFeedback(ctx: Ctx, claimId: string): Promise<Feedback | null>;

  attachments(ctx: Ctx, claimId: string): Promise<Attachment[]>;
  addAttachment(
    ctx: Ctx,
    claimId: string,
    file: { filename: string; mime: string; data: Uint8Array; title?: string | null; type?: string | null },
  ): Promise<Attachment>;
  getAttachmentContent(ctx: Ctx, id: string): Promise<{ attachment: Attachment; data: Uint8Array } | null>;
  deleteAttachment(ctx: Ctx, id: string): Promise<void>;
}

/**
 * The claim service, for modules that list 'claim' in dependsOn.
 * @example
 * const claims = setup.service(claimService);
 */
export const claimService = defineServiceRef<ClaimApi>('claim');

/** What `claim.check` listeners see: the claim as entered and the engine's verdict per line. */
export interface ClaimCheckPayload {
  claim: ClaimDetail;
  lines: readonly LineVerdict[];
}
/**
 * Runs at every check (submit and dry run), after the rules. A listener returns problems to act on the claim:
 * field `items.<i>` / `services.<i>` with `params.reason` (a RULES.md §3.1 code, default 1) rejects that line;
 * field `review` flags the claim for review (the key and params are shown to the medical officer).
 * @example
 * hooks.validate(claimCheck, async ({ claim }) => (Number(claim.claimed) > 1e6 ? [{ field: 'review', key: 'ai.flag.amount' }] : []));
 */
export const claimCheck = defineHook<ClaimCheckPayload>('claim.check');
/** A claim was checked (status 4) or rejected at its check (status 1); emitted inside the transaction. */
export const claimChecked = defineHook<{ claim: Claim }>('claim.checked');
/** A claim was processed (status 8 or 16); emitted inside the transaction. */
export const claimProcessed = defineHook<{ claim: Claim }>('claim.processed');
/** A claim reached status 16 (valuated), at processing or later by a batch run; emitted inside the transaction. */
export const claimValuated = defineHook<{ claim: Claim }>('claim.valuated');

type Types = PothosSchemaTypes.ExtendDefaultTypes<MutuaSchemaTypes>;
const refs = new WeakMap<Builder, ObjectRef<Types, Claim>>();
/**
 * The GraphQL `Claim` type on this builder, so other modules can add fields (e.g. an AI score).
 * @example
 * builder.objectField(claimObject(builder), 'aiScore', (t) => t.float({ resolve: ... }));
 */
export function claimObject(builder: Builder): ObjectRef<Types, Claim> {
  let r = refs.get(builder);
  if (!r) {
    r = builder.objectRef<Claim>('Claim');
    refs.set(builder, r);
  }
  return r;
}
