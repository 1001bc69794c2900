import {
  ADMIN_ROLE_BIT,
  type Benchmark,
  coreTables,
  hashPassword,
  type Kernel,
  queryRows,
  recordAudit,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import { eq, sql } from 'drizzle-orm';

export const BENCH_USERNAME = 'bench-admin';
export const BENCH_PASSWORD = 'Bench-pass-1!';

export interface BenchUser {
  id: string;
  username: string;
  password: string;
  /** Bearer token from a real login. */
  token: string;
}

/** Creates an administrator through the kernel's tables (as `@mutua/kernel/testing` does) and logs it in. */
export async function createBenchUser(kernel: Kernel): Promise<BenchUser> {
  const { db } = kernel.database;
  const id = uuidv7();
  await db.insert(coreTables.appUser).values({
    id,
    username: BENCH_USERNAME,
    lastName: 'Bench',
    otherNames: 'Marker',
    language: 'en',
    passwordHash: await hashPassword(BENCH_PASSWORD),
  });
  const [admin] = await db.select().from(coreTables.role).where(eq(coreTables.role.isSystem, ADMIN_ROLE_BIT));
  if (!admin) throw new Error('the system administrator role is missing: the kernel did not seed its roles');
  await db.insert(coreTables.userRole).values({ userId: id, roleId: admin.id });
  const res = await kernel.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: BENCH_USERNAME, password: BENCH_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`bench login failed: ${res.statusCode} ${res.body}`);
  const { token } = res.json() as { token: string };
  return { id, username: BENCH_USERNAME, password: BENCH_PASSWORD, token };
}

export const ME_QUERY = 'query Me { me { id username lastName otherNames language isAdmin roles { name } } }';

/** Queues `n` no-op jobs (one INSERT … SELECT), beside `done` finished ones so the table is not empty of history. */
async function queueJobs(kernel: Kernel, n: number, done: number): Promise<void> {
  const { db } = kernel.database;
  await db.execute(sql`
    INSERT INTO job (id, type, payload, status, finished_at)
    SELECT gen_random_uuid(), 'bench.noop', '{}'::jsonb, 'done', now() FROM generate_series(1, ${done}::int)`);
  await db.execute(sql`
    INSERT INTO job (id, type, payload)
    SELECT gen_random_uuid(), 'bench.noop', jsonb_build_object('n', g) FROM generate_series(1, ${n}::int) g`);
}

/**
 * The kernel's own benchmarks, always run. `callsFor(name, defaultIterations)` says how many times `run()` will be
 * called (warm-up included), so the job queue can be filled beforehand.
 */
export async function kernelBenchmarks(
  kernel: Kernel,
  user: BenchUser,
  callsFor: (name: string, defaultIterations: number) => number,
): Promise<Benchmark[]> {
  const { db } = kernel.database;
  const selectUser = async () => {
    const rows = await queryRows<{ id: string }>(db, sql`SELECT * FROM app_user WHERE id = ${user.id}`);
    if (rows.length !== 1) throw new Error('bench user row is missing');
  };

  const me: Benchmark = {
    name: 'GraphQL round-trip (me)',
    ops: 1,
    iterations: 500,
    run: async () => {
      const res = await kernel.app.inject({
        method: 'POST',
        url: '/api/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
        payload: JSON.stringify({ query: ME_QUERY }),
      });
      const body = res.json() as { data?: { me?: { id: string } }; errors?: unknown[] };
      if (res.statusCode !== 200 || body.errors || body.data?.me?.id !== user.id) {
        throw new Error(`me query failed: ${res.statusCode} ${res.body}`);
      }
    },
    baseline: selectUser,
  };

  const login: Benchmark = {
    name: 'login (argon2id)',
    ops: 1,
    iterations: 30,
    run: async () => {
      const res = await kernel.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: user.password },
      });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    },
    baseline: async () => {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`SELECT * FROM app_user WHERE lower(username) = lower(${user.username}) AND deleted_at IS NULL`,
      );
      if (rows.length !== 1) throw new Error('bench user row is missing');
    },
  };

  const auditBefore = { code: 'GV00001', name: 'Tahoua', population: 1234 };
  const auditAfter = { code: 'GV00001', name: 'Tahoua-Sud', population: 1240 };
  const ctx = kernel.systemCtx();
  const audit: Benchmark = {
    name: 'audit write',
    ops: 1,
    iterations: 500,
    run: () =>
      withTransaction(ctx, (tx) =>
        recordAudit(tx, {
          entity: 'Bench',
          entityId: user.id,
          action: 'update',
          before: auditBefore,
          after: auditAfter,
        }),
      ),
    baseline: async () => {
      await db.execute(sql`
        INSERT INTO audit_log (user_id, username, entity, entity_id, action, before, after)
        VALUES (${ctx.user!.id}, ${ctx.user!.username}, 'Bench', ${user.id}, 'update',
                ${JSON.stringify(auditBefore)}::jsonb, ${JSON.stringify(auditAfter)}::jsonb)`);
    },
  };

  const claimName = 'job claim (SKIP LOCKED)';
  const claimIterations = 500;
  await queueJobs(kernel, callsFor(claimName, claimIterations), 1000);
  const claim: Benchmark = {
    name: claimName,
    ops: 1,
    iterations: claimIterations,
    run: async () => {
      const row = await kernel.jobs.claim();
      if (!row) throw new Error('the job queue ran dry: fewer queued jobs than iterations');
    },
    baseline: async () => {
      await queryRows<{ id: string }>(
        db,
        sql`SELECT id FROM job WHERE status = 'queued' AND run_after <= now() ORDER BY created_at LIMIT 1`,
      );
    },
  };

  return [me, login, audit, claim];
}
