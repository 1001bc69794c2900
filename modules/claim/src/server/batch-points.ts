import type { Ctx } from '@mutua/kernel';

/**
 * A line of a processed claim, for the monthly batch valuation (modules/claim-batch). Money and quantities are
 * decimal strings, dates `YYYY-MM-DD`.
 */
export interface BatchClaimLine {
  id: string;
  kind: 'item' | 'service';
  claimId: string;
  facilityId: string;
  productId: string | null;
  /** 1 passed, 2 rejected. */
  status: 1 | 2;
  claimDateFrom: string;
  claimDateTo: string | null;
  /** The claim's processing date. */
  processed: string;
  /** 8 waiting for a batch run, or 16 when the run asked about already valuated it (a resumed run). */
  claimStatus: 8 | 16;
  priceOrigin: string | null;
  priceAsked: string;
  qtyProvided: string;
  priceApproved: string | null;
  qtyApproved: string | null;
  priceAdjusted: string | null;
  priceValuated: string | null;
  remunerated: string | null;
}

/** What a batch run sets: line amounts (price valuated only for lines re-valued by the index) and valuated claims. */
export interface BatchResult {
  runId: string;
  lines: ReadonlyArray<{ id: string; kind: 'item' | 'service'; remunerated: string; priceValuated: string | null }>;
  claims: ReadonlyArray<{ id: string; remunerated: string }>;
}

/** The claim service's part for the batch run: set-based reads and writes, no per-claim query. */
export interface ClaimBatchApi {
  /**
   * Every line (passed and rejected) of the claims processed (status 8) on or before `processedUpTo`, plus the
   * claims a run `runId` already valuated (so a resumed run sees the same input). One query; needs the batch right
   * of the caller's module (the caller checks it) — this is a system read.
   */
  batchClaimLines(ctx: Ctx, opts: { processedUpTo: string; runId?: string | null }): Promise<BatchClaimLine[]>;
  /**
   * Writes a batch result in bulk, in the caller's transaction: line remunerated amounts (and price valuated), claims
   * to status 16 with the run id and their remunerated total (only claims in status 8, or already this run's: a
   * repeated call changes nothing). Audited; emits `claim.valuated` for each claim it valuates.
   */
  applyBatchResult(ctx: Ctx, result: BatchResult): Promise<{ lines: number; claims: number }>;
}
