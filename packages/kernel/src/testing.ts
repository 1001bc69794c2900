import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import type { AuthUser, Ctx } from './context.js';
import { loadAuthUser } from './core/auth-user.js';
import { hashPassword } from './core/password.js';
import { appUser, role, roleRight, userDistrict, userRole } from './core/tables.js';
import { type Database, openDatabase, queryRows } from './db.js';
import { uuidv7 } from './ids.js';
import { type Kernel, startKernel } from './kernel.js';
import type { ModuleDefinition } from './module.js';

export interface TestKernel {
  kernel: Kernel;
  database: Database;
  adminCtx(): Ctx;
  ctxAs(user: AuthUser): Ctx;
  /** Creates a user holding exactly `rights` (through a role of its own), limited to `districtIds` when given. */
  createUser(opts: {
    username: string;
    password?: string;
    rights?: string[];
    districtIds?: string[];
    admin?: boolean;
    language?: string;
  }): Promise<AuthUser>;
  loginToken(username: string, password?: string): Promise<string>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: { token?: string; locale?: 'en' | 'fr' },
  ): Promise<{
    status: number;
    data: T | null;
    errors: Array<{ message: string; extensions?: Record<string, unknown> }> | undefined;
  }>;
  /** Seeds the demo data (`seedDemo`) of these composed modules as the administrator, in composition order. */
  seedDemo(moduleIds: readonly string[]): Promise<void>;
  /** Empties every table (keeping migrations and the token secret) and re-seeds the system roles. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'Test-pass-1!';

/** Seeds the demo data (`seedDemo`) of these composed modules, in composition order (test worlds, child processes). */
export async function seedDemos(kernel: Kernel, ctx: Ctx, moduleIds: readonly string[]): Promise<void> {
  const unknown = moduleIds.filter((id) => !kernel.modules.some((m) => m.id === id));
  if (unknown.length) throw new Error(`seedDemo: not composed: ${unknown.join(', ')}`);
  for (const m of kernel.modules) if (moduleIds.includes(m.id)) await m.def.seedDemo?.(ctx, m.service);
}

/**
 * Boots a kernel for a test file: PGlite in memory by default, or a fresh database on the PostgreSQL server of
 * `DATABASE_URL` (dropped at close), so test processes never share state.
 */
export async function startTestKernel(opts: {
  modules: ReadonlyArray<ModuleDefinition<unknown, unknown>>;
  config?: Record<string, Record<string, unknown>>;
}): Promise<TestKernel> {
  let database: Database;
  let dropDb: (() => Promise<void>) | undefined;
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `mutua_t_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = await openDatabase({ url: u.toString(), poolSize: 5 });
    dropDb = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  const kernel = await startKernel({
    composition: {
      modules: opts.modules.map((m) => ({ id: m.manifest.id, config: opts.config?.[m.manifest.id] ?? {} })),
    },
    modules: opts.modules,
    database,
    logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
  });
  await kernel.app.ready();

  const t: TestKernel = {
    kernel,
    database,
    adminCtx: () => kernel.systemCtx(),
    ctxAs: (user) => kernel.ctxFor(user),
    async createUser(o) {
      const db = database.db;
      const id = uuidv7();
      await db.insert(appUser).values({
        id,
        username: o.username,
        lastName: o.username,
        otherNames: 'Test',
        language: o.language ?? 'en',
        passwordHash: await hashPassword(o.password ?? TEST_PASSWORD),
      });
      if (o.admin) {
        const [adminRole] = await db.select().from(role).where(sql`${role.isSystem} = 64`);
        await db.insert(userRole).values({ userId: id, roleId: adminRole!.id });
      }
      if (o.rights?.length) {
        const roleId = uuidv7();
        await db.insert(role).values({ id: roleId, name: `r-${o.username}` });
        await db.insert(roleRight).values(o.rights.map((r) => ({ roleId, right: r })));
        await db.insert(userRole).values({ userId: id, roleId });
      }
      if (o.districtIds?.length)
        await db.insert(userDistrict).values(o.districtIds.map((locationId) => ({ userId: id, locationId })));
      return (await loadAuthUser(db, id))!;
    },
    async loginToken(username, password = TEST_PASSWORD) {
      const res = await kernel.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return (res.json() as { token: string }).token;
    },
    async gql(query, variables, o = {}) {
      const res = await kernel.app.inject({
        method: 'POST',
        url: '/api/graphql',
        headers: {
          'content-type': 'application/json',
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
          ...(o.locale ? { 'accept-language': o.locale } : {}),
        },
        payload: JSON.stringify({ query, variables }),
      });
      const body = res.json() as { data?: never; errors?: never };
      return { status: res.statusCode, data: body.data ?? null, errors: body.errors };
    },
    seedDemo: (moduleIds) => seedDemos(kernel, t.adminCtx(), moduleIds),
    async reset() {
      const tables = await queryRows<{ tablename: string }>(
        database.db,
        sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('mutua_migration', 'kernel_setting')`,
      );
      if (tables.length) {
        await database.db.execute(sql.raw(`TRUNCATE ${tables.map((x) => `"${x.tablename}"`).join(', ')} CASCADE`));
      }
      await kernel.roles.syncSystemRoles(kernel.systemCtx());
    },
    async close() {
      await kernel.close();
      await database.close();
      await dropDb?.();
    },
  };
  return t;
}
