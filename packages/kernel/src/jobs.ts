import { hostname } from 'node:os';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type Ctx, requireUser, systemUser } from './context.js';
import { job } from './core/tables.js';
import { type Db, queryRows } from './db.js';
import { ForbiddenError, InputError, NotFoundError } from './errors.js';
import { isUuid, uuidv7 } from './ids.js';
import type { JobContext, JobDef, Jobs } from './module.js';

export type JobRow = typeof job.$inferSelect;

/** A running job whose heartbeat is older than this is considered dead (process killed) and is resumed. */
export const STALE_AFTER_MS = 30_000;

/**
 * The job queue: a `job` table claimed with `FOR UPDATE SKIP LOCKED` (PGlite and a cluster of servers alike),
 * progress (done/total) and a checkpoint persisted by the handler, retries with backoff, and resume of jobs whose
 * process died (stale heartbeat).
 */
export class JobService {
  private readonly defs = new Map<string, JobDef<unknown>>();
  private readonly worker = `${hostname()}:${process.pid}:${uuidv7().slice(-6)}`;
  private timer: NodeJS.Timeout | undefined;
  private readonly schedules: Array<{ type: string; everyMs: number; firstAfterMs: number; payload: unknown }> = [];
  private readonly scheduleTimers: NodeJS.Timeout[] = [];
  private running = 0;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
  ) {}

  /** The registrar handed to one module's setup: job types must be `<moduleId>.<name>`. */
  forModule(moduleId: string): Jobs {
    return {
      define: <P>(def: JobDef<P>) => {
        if (!def.type.startsWith(`${moduleId}.`)) {
          throw new Error(`module '${moduleId}' defines job '${def.type}' — job types must start with '${moduleId}.'`);
        }
        if (this.defs.has(def.type)) throw new Error(`job type '${def.type}' is defined twice`);
        this.defs.set(def.type, def as JobDef<unknown>);
      },
      enqueue: (ctx, type, payload) => this.enqueue(ctx, type, payload),
      schedule: (entry) => {
        if (!entry.type.startsWith(`${moduleId}.`)) {
          throw new Error(
            `module '${moduleId}' schedules job '${entry.type}' — job types must start with '${moduleId}.'`,
          );
        }
        this.schedules.push({
          type: entry.type,
          everyMs: entry.everyMs,
          firstAfterMs: entry.firstAfterMs ?? 30_000,
          payload: entry.payload ?? {},
        });
      },
    };
  }

  async enqueue(ctx: Ctx, type: string, payload: unknown): Promise<{ id: string }> {
    const def = this.defs.get(type);
    if (!def) throw InputError.fields([{ field: 'type', key: 'kernel.error.unknownJob', params: { type } }]);
    const id = uuidv7();
    await ctx.db.insert(job).values({
      id,
      type,
      payload: (payload ?? {}) as object,
      maxAttempts: def.maxAttempts ?? 3,
      createdBy: ctx.user?.id ?? null,
    });
    return { id };
  }

  /** A job, readable by the user who started it and by administrators. */
  async get(ctx: Ctx, id: string): Promise<JobRow> {
    const user = requireUser(ctx);
    if (!isUuid(id)) throw new NotFoundError('Job', id);
    const [row] = await ctx.db.select().from(job).where(eq(job.id, id));
    if (!row) throw new NotFoundError('Job', id);
    if (!user.isAdmin && row.createdBy !== user.id) throw new ForbiddenError();
    return row;
  }

  /**
   * Claims the next runnable job: queued and due, or running with a stale heartbeat (its process died).
   * `staleAfterMs` shortens the staleness window (tests that kill a worker).
   */
  async claim(opts: { staleAfterMs?: number } = {}): Promise<JobRow | null> {
    const stale = new Date(Date.now() - (opts.staleAfterMs ?? STALE_AFTER_MS));
    // A job whose process died on every attempt is failed rather than reclaimed forever.
    await this.db
      .update(job)
      .set({
        status: 'failed',
        error: 'the process running this job stopped before it finished, on every attempt',
        finishedAt: new Date(),
      })
      .where(and(eq(job.status, 'running'), lt(job.heartbeatAt, stale), gte(job.attempts, job.maxAttempts)));
    return this.db.transaction(async (tx) => {
      const res = await queryRows<{ id: string }>(
        tx as unknown as Db,
        sql`
        SELECT id FROM job
        WHERE (status = 'queued' AND run_after <= now())
           OR (status = 'running' AND heartbeat_at < ${stale.toISOString()}::timestamptz)
        ORDER BY created_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED`,
      );
      const id = res[0]?.id;
      if (!id) return null;
      const [row] = await tx
        .update(job)
        .set({
          status: 'running',
          attempts: sql`${job.attempts} + 1`,
          lockedBy: this.worker,
          heartbeatAt: new Date(),
          startedAt: sql`coalesce(${job.startedAt}, now())`,
        })
        .where(eq(job.id, id))
        .returning();
      return row ?? null;
    });
  }

  /** Runs one claimed job to completion (or failure/retry). `onProgress` lets the CLI draw a bar. */
  async execute(
    row: JobRow,
    ctxBase: Omit<Ctx, 'db' | 'afterCommit' | 'user'>,
    onProgress?: (d: number, t: number) => void,
  ): Promise<JobRow> {
    const def = this.defs.get(row.type);
    const db = this.db;
    const mine = and(eq(job.id, row.id), eq(job.lockedBy, this.worker));
    if (!def) {
      await db
        .update(job)
        .set({ status: 'failed', error: `unknown job type ${row.type}`, finishedAt: new Date() })
        .where(mine);
      return (await db.select().from(job).where(eq(job.id, row.id)))[0]!;
    }
    let checkpoint = row.checkpoint;
    const jc: JobContext = {
      ctx: { ...ctxBase, db, user: systemUser(), afterCommit: null },
      jobId: row.id,
      checkpoint,
      progress: async (done, total) => {
        onProgress?.(done, total);
        await db.update(job).set({ done, total, heartbeatAt: new Date() }).where(mine);
      },
      saveCheckpoint: async (state) => {
        checkpoint = state;
        await db
          .update(job)
          .set({ checkpoint: state as object, heartbeatAt: new Date() })
          .where(mine);
      },
    };
    const beat = setInterval(() => {
      db.update(job)
        .set({ heartbeatAt: new Date() })
        .where(mine)
        .catch(() => {});
    }, STALE_AFTER_MS / 3);
    try {
      const result = await def.run(row.payload, jc);
      await db
        .update(job)
        .set({ status: 'done', result: (result ?? null) as object, error: null, finishedAt: new Date() })
        .where(mine);
    } catch (err) {
      const retry = row.attempts < row.maxAttempts;
      this.logger.error({ err, jobId: row.id, type: row.type, attempt: row.attempts }, 'job failed');
      await db
        .update(job)
        .set({
          status: retry ? 'queued' : 'failed',
          error: (err as Error).message,
          runAfter: new Date(Date.now() + 2 ** row.attempts * 1000),
          ...(retry ? {} : { finishedAt: new Date() }),
        })
        .where(mine);
    } finally {
      clearInterval(beat);
    }
    return (await db.select().from(job).where(eq(job.id, row.id)))[0]!;
  }

  /** Polls for work every `intervalMs` until {@link stop}. */
  start(ctxBase: Omit<Ctx, 'db' | 'afterCommit' | 'user'>, intervalMs = 1000): void {
    const tick = async () => {
      if (this.stopped) return;
      try {
        while (!this.stopped && this.running < 1) {
          const row = await this.claim();
          if (!row) break;
          this.running++;
          try {
            await this.execute(row, ctxBase);
          } finally {
            this.running--;
          }
        }
      } catch (err) {
        this.logger.error({ err }, 'job poll failed');
      }
      if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, 50);
    this.startSchedules(ctxBase);
  }

  /** Scheduled jobs are enqueued by a system context; several servers enqueue harmless duplicates. */
  private startSchedules(ctxBase: Omit<Ctx, 'db' | 'afterCommit' | 'user'>): void {
    for (const entry of this.schedules) {
      const run = () => {
        if (this.stopped) return;
        this.enqueue({ ...ctxBase, db: this.db, user: null, afterCommit: null }, entry.type, entry.payload).catch(
          (err: unknown) => this.logger.warn({ err, type: entry.type }, 'scheduled job not enqueued'),
        );
      };
      this.scheduleTimers.push(setTimeout(run, entry.firstAfterMs).unref(), setInterval(run, entry.everyMs).unref());
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const t of this.scheduleTimers) clearTimeout(t);
    while (this.running > 0) await new Promise((r) => setTimeout(r, 50));
  }
}
