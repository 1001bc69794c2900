import {
  batchKey,
  type Ctx,
  idempotent,
  idempotentBatch,
  requestsArriving,
  requireRight,
  requireUser,
  withTransaction,
} from '@mutua/kernel';
import { RIGHTS } from '../manifest.js';
import type { ClaimDetail, ClaimInput } from '../points.js';
import { type PreparedClaim, prepareClaim } from './claim-input.js';
import { type Deps, sys } from './deps.js';
import { enterAndSubmitMany, type Submission } from './submit-one.js';

const OPERATION = 'claim.submitClaim';
/** Claims judged together at most, and batches in the database at once (two cores). */
const MAX_BATCH = 32;
const MAX_RUNNING = 2;
/**
 * How long the first claim of a batch may wait for requests already received and on their way (authenticating,
 * reading their body): they join its batch instead of starting one of their own a moment later.
 */
const GATHER_MS = 3;

export interface Submitted {
  claim: ClaimDetail;
  clientMutationId: string | null;
}

interface Job {
  /** When it was queued (performance.now()). */
  at: number;
  ctx: Ctx;
  input: ClaimInput;
  process: boolean;
  cmid: string | null;
  resolve(v: Submitted): void;
  reject(err: unknown): void;
}

/**
 * Group commit for claims sent one per request by facility systems (`POST /api/claims`): a request that arrives while
 * others are being written waits for the next batch, and a batch is judged in one transaction — one engine context,
 * one write, one commit for all its claims — instead of one each. Alone, a request runs at once (no added wait). Same
 * answers as one transaction per claim: rights, validation errors and idempotency per request; a batch that fails as a
 * whole (two claims with one code, a listener's error) is run again claim by claim, so one bad claim never fails
 * another.
 */
export function createSubmitQueue(
  deps: Deps,
  single: (ctx: Ctx, input: ClaimInput, opts: { process: boolean }) => Promise<ClaimDetail>,
) {
  const queue: Job[] = [];
  let running = 0;
  let scheduled = false;

  const alone = (j: Job) =>
    idempotent(j.ctx, OPERATION, j.cmid, async (tx) => ({
      claim: await single(tx, j.input, { process: j.process }),
      clientMutationId: j.cmid,
    })).then(j.resolve, j.reject);

  async function together(jobs: Job[]): Promise<void> {
    const replays: Job[] = [];
    const refused: Array<{ job: Job; err: unknown }> = [];
    let accepted: Array<{ job: Job; claim: ClaimDetail }> = [];
    try {
      await withTransaction(jobs[0]!.ctx, async (tx) => {
        const key = (j: Job) => ({ userId: requireUser(j.ctx).id, clientMutationId: j.cmid! });
        const fresh = await idempotentBatch.begin(tx, OPERATION, jobs.filter((j) => j.cmid).map(key));
        // The patients of the whole batch in one query (the same lookup `prepareClaim` makes one by one).
        const numbers = jobs.map((j) => j.input.insureeNumber?.trim()).filter((n): n is string => !!n);
        const insurees = await deps.insuree.findByNumbers(sys(tx), numbers);
        const subs: Array<{ job: Job; sub: Submission }> = [];
        for (const job of jobs) {
          // The first job of a key logged it; a second one with the same key is a retry of the first.
          if (job.cmid && !fresh.delete(batchKey(key(job)))) {
            replays.push(job);
            continue;
          }
          const jtx: Ctx = { ...job.ctx, db: tx.db, afterCommit: tx.afterCommit };
          try {
            requireRight(job.ctx, RIGHTS.add);
            requireRight(job.ctx, RIGHTS.submit);
            if (job.process) requireRight(job.ctx, RIGHTS.process);
            const prepared: PreparedClaim = await prepareClaim(deps, jtx, job.input, { codeByIndex: true, insurees });
            subs.push({ job, sub: { ctx: jtx, prepared, process: job.process } });
          } catch (err) {
            refused.push({ job, err });
          }
        }
        const claims = subs.length
          ? await enterAndSubmitMany(
              deps,
              tx,
              subs.map((s) => s.sub),
            )
          : [];
        accepted = subs.map((s, i) => ({ job: s.job, claim: claims[i]! }));
        await idempotentBatch.finish(
          tx,
          accepted
            .filter((a) => a.job.cmid)
            .map((a) => ({ ...key(a.job), result: { claim: a.claim, clientMutationId: a.job.cmid } })),
          refused.filter((r) => r.job.cmid).map((r) => key(r.job)),
        );
      });
    } catch {
      // The batch wrote nothing: each claim on its own, so the one at fault gets its own error.
      await Promise.all(jobs.map(alone));
      return;
    }
    for (const a of accepted) a.job.resolve({ claim: a.claim, clientMutationId: a.job.cmid });
    for (const r of refused) r.job.reject(r.err);
    await Promise.all(replays.map(alone));
  }

  let waiting: NodeJS.Timeout | null = null;
  function pump() {
    while (running < MAX_RUNNING && queue.length) {
      if (queue.length < MAX_BATCH && requestsArriving() > 0 && performance.now() - queue[0]!.at < GATHER_MS) {
        if (!waiting)
          waiting = setTimeout(() => {
            waiting = null;
            pump();
          }, 1);
        return;
      }
      const jobs = queue.splice(0, MAX_BATCH);
      running++;
      const done = jobs.length === 1 ? alone(jobs[0]!) : together(jobs);
      void done.finally(() => {
        running--;
        pump();
      });
    }
  }

  return {
    /** Entry, check and (with `process`) valuation of one claim, idempotent by `clientMutationId`. */
    submit(
      ctx: Ctx,
      input: ClaimInput,
      opts: { process: boolean; clientMutationId: string | null },
    ): Promise<Submitted> {
      return new Promise<Submitted>((resolve, reject) => {
        queue.push({
          at: performance.now(),
          ctx,
          input,
          process: opts.process,
          cmid: opts.clientMutationId,
          resolve,
          reject,
        });
        // Start on the next turn of the event loop, so requests that arrived together go together.
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            pump();
          });
        }
      });
    },
  };
}
