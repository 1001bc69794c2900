import type { Jobs } from '@mutua/kernel';
import type { ClaimFilter } from '../points.js';
import type { ClaimService } from './service.js';

export const BULK_JOB = 'claim.bulk';
/** Most claims one bulk job takes from a filter. */
export const BULK_MAX = 200_000;

export interface BulkPayload {
  action: 'submit' | 'process';
  ids?: string[] | null;
  filter?: ClaimFilter | null;
}

/** Bulk submit/process as a job with progress (the UI's progress bar reads it). */
export function registerClaimJobs(jobs: Jobs, claims: ClaimService): void {
  jobs.define<BulkPayload>({
    type: BULK_JOB,
    maxAttempts: 1,
    async run(payload, job) {
      const ids = payload.ids?.length
        ? payload.ids
        : await claims.filterIds(
            job.ctx,
            { ...(payload.filter ?? {}), status: [payload.action === 'submit' ? 2 : 4] },
            BULK_MAX,
          );
      const progress = (done: number, total: number) => job.progress(done, total);
      return payload.action === 'submit'
        ? claims.submitClaims(job.ctx, ids, progress)
        : claims.processClaims(job.ctx, ids, progress);
    },
  });
}
