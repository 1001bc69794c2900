import { type Ctx, requireRight, withTransaction } from '@mutua/kernel';
import { RIGHTS } from '../manifest.js';
import type { ClaimApi, ClaimInput } from '../points.js';
import { createAttachments } from './attachments.js';
import { createBatchApi } from './batch-api.js';
import { createChecker, type SubmitOptions } from './check.js';
import type { Deps } from './deps.js';
import { createEntry, prepareClaim } from './entry.js';
import { createProcessor } from './process.js';
import { createReader } from './read.js';
import { createReview } from './review.js';
import { enterAndSubmit } from './submit-one.js';
import { createSubmitQueue, type Submitted } from './submit-queue.js';

export interface ClaimService extends ClaimApi {
  submitClaims(
    ctx: Ctx,
    ids: readonly string[],
    progress?: (done: number, total: number) => Promise<void>,
    opts?: SubmitOptions,
  ): ReturnType<ClaimApi['submitClaims']>;
  processClaims(
    ctx: Ctx,
    ids: readonly string[],
    progress?: (done: number, total: number) => Promise<void>,
  ): ReturnType<ClaimApi['processClaims']>;
  /**
   * `submitClaim` for facility systems sending one claim per request, idempotent by `clientMutationId`: concurrent
   * requests are judged and written together (group commit, `submit-queue.ts`).
   */
  submitQueued(
    ctx: Ctx,
    input: ClaimInput,
    opts: { process: boolean; clientMutationId: string | null },
  ): Promise<Submitted>;
  /** Ids of the claims a filter selects (bulk actions), capped. */
  filterIds(ctx: Ctx, filter: Parameters<ClaimApi['searchClaims']>[1], max: number): Promise<string[]>;
}

/** Assembles the claim service; every operation takes the caller's context first. */
export function createClaimService(deps: Deps): ClaimService {
  const read = createReader(deps);
  const entry = createEntry(deps);
  const checker = createChecker(deps);
  const processor = createProcessor(deps);
  const review = createReview(deps);
  const files = createAttachments(deps);
  const service: ClaimService = {
    searchClaims: read.searchClaims,
    getClaim: read.getClaim,
    getClaims: read.getClaims,
    createClaim: entry.createClaim,
    updateClaim: entry.updateClaim,
    deleteClaim: entry.deleteClaim,
    restoreClaim: entry.restoreClaim,
    validateClaim: checker.validateClaim,
    submitClaims: checker.submitClaims,
    processClaims: processor.processClaims,
    async submitClaim(ctx, input, opts) {
      requireRight(ctx, RIGHTS.add);
      requireRight(ctx, RIGHTS.submit);
      if (opts?.process) requireRight(ctx, RIGHTS.process);
      return withTransaction(ctx, async (tx) => {
        const prepared = await prepareClaim(deps, tx, input, { codeByIndex: true });
        // A claim flagged for review at the check stays checked for the medical officer.
        return enterAndSubmit(deps, tx, prepared, { process: !!opts?.process });
      });
    },
    ...review,
    ...files,
    ...createBatchApi(deps),
    async filterIds(ctx, filter, max) {
      const { claim } = await import('./schema.js');
      const { desc } = await import('drizzle-orm');
      const where = await read.filterWhere(ctx, filter);
      const rows = await ctx.db.select({ id: claim.id }).from(claim).where(where).orderBy(desc(claim.id)).limit(max);
      return rows.map((r) => r.id);
    },
    submitQueued: (ctx, input, opts) => queue.submit(ctx, input, opts),
  };
  const queue = createSubmitQueue(deps, (ctx, input, opts) => service.submitClaim(ctx, input, opts));
  return service;
}
