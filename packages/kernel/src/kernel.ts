import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { type AuthUser, type Ctx, systemUser } from './context.js';
import { registerCoreGraphql } from './core/core-graphql.js';
import { CORE_RIGHTS } from './core/rights.js';
import { type RightInfo, RoleService } from './core/role-service.js';
import { TokenService } from './core/token.js';
import { UserService } from './core/user-service.js';
import { type Database, type DatabaseOptions, openDatabase } from './db.js';
import { createBuilder, guardSchema } from './graphql/builder.js';
import { HookBus } from './hooks.js';
import { buildApp, defineImportJob } from './http/app.js';
import { addMessages, type Locale } from './i18n.js';
import { JobService } from './jobs.js';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import { createLogger } from './logger.js';
import { type MigrationSource, migrate } from './migrate.js';
import type { ImporterDef, ModuleDefinition, RouteDef, ServiceRef, SetupContext } from './module.js';
import {
  type Composition,
  loadComposition,
  type ModuleLoader,
  type ResolvedModule,
  resolveComposition,
} from './registry.js';

export interface KernelOptions {
  composition: Composition;
  /** Module definitions supplied directly (tests); otherwise each id is imported as `@mutua/<id>`. */
  modules?: ReadonlyArray<ModuleDefinition<unknown, unknown>>;
  loader?: ModuleLoader;
  database?: DatabaseOptions | Database;
  logger?: Logger;
  /** Folder of the built web app to serve (with SPA fallback); omitted = API only. */
  webDist?: string;
  /** Start the job worker loop (server yes, tests and CLI decide). */
  runJobs?: boolean;
}

export interface ComposedModule {
  id: string;
  version: string;
  def: ModuleDefinition<unknown, unknown>;
  config: unknown;
  service: unknown;
}

export interface Kernel {
  app: FastifyInstance;
  database: Database;
  logger: Logger;
  modules: ComposedModule[];
  hooks: HookBus;
  users: UserService;
  roles: RoleService;
  jobs: JobService;
  schema: GraphQLSchema;
  importers: ReadonlyMap<string, ImporterDef>;
  /** Every module REST route (under `/api`), with its guard and owner: the authorization matrix walks it. */
  routes: ReadonlyArray<RouteDef & { module: string }>;
  rights: readonly RightInfo[];
  service<T>(ref: ServiceRef<T>): T | undefined;
  /** A context for system work (seed, CLI): an administrator. */
  systemCtx(locale?: Locale): Ctx;
  ctxFor(user: AuthUser | null, locale?: Locale): Ctx;
  close(): Promise<void>;
}

const KERNEL_MIGRATIONS = new URL('../migrations/', import.meta.url);

/** The kernel's migrations, then each module's, in dependency order. */
export function migrationSources(resolved: readonly ResolvedModule[]): MigrationSource[] {
  return [
    { module: 'core', dir: KERNEL_MIGRATIONS },
    ...resolved.flatMap((r) => (r.def.migrations ? [{ module: r.def.manifest.id, dir: r.def.migrations }] : [])),
  ];
}

/**
 * Boots Mutua: resolves the composition (refusing bad ones), opens the database, applies every module's migrations
 * in dependency order, runs each module's `setup` (dependencies first), assembles and guards the GraphQL schema,
 * syncs the system roles, and builds the HTTP app. `close()` undoes it in reverse.
 */
export async function startKernel(opts: KernelOptions): Promise<Kernel> {
  const logger = opts.logger ?? createLogger();
  addMessages({ en, fr });

  let resolved: ResolvedModule[];
  if (opts.modules) {
    resolved = resolveComposition(opts.composition, new Map(opts.modules.map((m) => [m.manifest.id, m])));
  } else {
    resolved = await loadComposition(opts.composition, opts.loader);
  }
  const owned = !(opts.database && 'db' in opts.database);
  const database = owned ? await openDatabase(opts.database as DatabaseOptions) : (opts.database as Database);
  const { db } = database;
  try {
    await migrate(db, migrationSources(resolved), (m) => logger.debug(m));

    const deps = new Map(
      resolved.map((r) => [
        r.def.manifest.id,
        new Set([...(r.def.manifest.dependsOn ?? []), ...(r.def.manifest.optionalDependsOn ?? [])]),
      ]),
    );
    const hooks = new HookBus((listener, owner) => listener === owner || !!deps.get(listener)?.has(owner));
    const builder = createBuilder();
    const jobs = new JobService(db, logger);
    const tokens = await TokenService.open(db);
    const users = new UserService(tokens);
    const routes: Array<RouteDef & { module: string }> = [];
    const importers = new Map<string, ImporterDef>();
    const auditEntities = new Map<string, string>([
      ['User', 'core.user.search'],
      ['Role', 'core.role.search'],
    ]);
    const rights: RightInfo[] = CORE_RIGHTS.map((r) => ({ ...r, module: 'core' }));
    const services = new Map<string, unknown>();
    const modules: ComposedModule[] = [];

    for (const r of resolved) {
      const m = r.def.manifest;
      for (const right of m.rights ?? []) {
        if (!right.name.startsWith(`${m.id}.`))
          throw new Error(`module '${m.id}' declares right '${right.name}' — rights must start with '${m.id}.'`);
        rights.push({ ...right, module: m.id });
      }
      if (r.def.messages) addMessages(r.def.messages);
    }

    for (const r of resolved) {
      const m = r.def.manifest;
      const allowed = new Set([m.id, ...(m.dependsOn ?? []), ...(m.optionalDependsOn ?? [])]);
      const getService = <T>(ref: ServiceRef<T>, optional: boolean): T | undefined => {
        if (!allowed.has(ref.owner)) {
          throw new Error(
            `module '${m.id}' asks for the service of '${ref.owner}' — add '${ref.owner}' to its dependsOn`,
          );
        }
        if (!services.has(ref.owner) && !optional) throw new Error(`service '${ref.owner}' is not composed`);
        return services.get(ref.owner) as T | undefined;
      };
      const setupCtx: SetupContext<unknown> = {
        moduleId: m.id,
        db,
        config: r.config,
        logger: logger.child({ module: m.id }),
        hooks: hooks.forModule(m.id),
        graphql: builder,
        routes: {
          add: (route) => {
            routes.push({ ...route, module: m.id });
          },
        },
        jobs: jobs.forModule(m.id),
        audit: { entity: (name, o) => auditEntities.set(name, o.right) },
        imports: {
          add: (def) => {
            if (!def.id.startsWith(`${m.id}.`))
              throw new Error(`module '${m.id}' adds importer '${def.id}' — ids must start with '${m.id}.'`);
            importers.set(def.id, def);
          },
        },
        userDistricts: users,
        service: (ref) => getService(ref, false)!,
        optionalService: (ref) => getService(ref, true),
      };
      const service = await r.def.setup(setupCtx);
      services.set(m.id, service);
      modules.push({ id: m.id, version: m.version, def: r.def, config: r.config, service });
    }

    const roles = new RoleService(rights);
    registerCoreGraphql(builder, { users, roles, jobs, auditEntities });
    const schema = guardSchema(builder.toSchema(), new Set(rights.map((r) => r.name)));

    const ctxFor = (user: AuthUser | null, locale: Locale = 'en'): Ctx => ({
      db,
      user,
      locale,
      logger,
      afterCommit: null,
    });
    const systemCtx = (locale: Locale = 'en') => ctxFor(systemUser(), locale);
    await roles.syncSystemRoles(systemCtx());

    defineImportJob(jobs, importers, database);
    const app = await buildApp({
      jobs,
      database,
      logger,
      schema,
      tokens,
      users,
      routes,
      importers,
      modules,
      hooks,
      webDist: opts.webDist,
      ctxFor,
    });
    if (opts.runJobs) jobs.start({ locale: 'en', logger });

    return {
      app,
      database,
      logger,
      modules,
      hooks,
      users,
      roles,
      jobs,
      schema,
      importers,
      routes,
      rights,
      service: <T>(ref: ServiceRef<T>) => services.get(ref.owner) as T | undefined,
      systemCtx,
      ctxFor,
      close: async () => {
        await jobs.stop();
        await app.close();
        if (owned) await database.close();
      },
    };
  } catch (err) {
    if (owned) await database.close().catch(() => {});
    throw err;
  }
}
