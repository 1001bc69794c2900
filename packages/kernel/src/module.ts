import type SchemaBuilder from '@pothos/core';
import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Ctx } from './context.js';
import type { Db } from './db.js';
import type { Hooks } from './hooks.js';
import type { Locale, Messages } from './i18n.js';

/** A named right a module declares (roles are data and list these names). */
export interface RightDecl {
  /** `<moduleId>.<entity>.<action>`, e.g. `location.hf.search`. */
  name: string;
  /** The openIMIS numeric right it corresponds to, so the seeded system roles receive it (DOMAIN.md §2.3). */
  legacyCode?: number;
  /** i18n key of the label shown in the role editor. */
  label: string;
}

export interface ModuleManifest<C = unknown> {
  id: string;
  version: string;
  dependsOn?: readonly string[];
  /** Modules used when composed; the module must work without them. */
  optionalDependsOn?: readonly string[];
  rights?: readonly RightDecl[];
  /** Config schema with defaults; composition.json values are parsed through it at start. */
  config?: z.ZodType<C>;
}

/** A typed handle on a module's service; the owner exports it from `points.ts`. */
export interface ServiceRef<T> {
  readonly kind: 'service';
  readonly owner: string;
  readonly __type?: T;
}
export function defineServiceRef<T>(owner: string): ServiceRef<T> {
  return { kind: 'service', owner };
}

/** GraphQL context = the request's service context. */
export type GqlContext = Ctx;

export interface MutuaSchemaTypes {
  Context: GqlContext;
  Scalars: {
    /** ISO date `YYYY-MM-DD`. */
    Date: { Input: string; Output: string };
    /** ISO timestamp. */
    DateTime: { Input: string; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
}
/** Pothos' resolved type map for Mutua's builder (use in `ObjectRef<Types, T>`). */
export type Types = PothosSchemaTypes.ExtendDefaultTypes<MutuaSchemaTypes>;
/** The one Pothos builder the kernel assembles the schema with. */
export type Builder = PothosSchemaTypes.SchemaBuilder<Types>;
export type { SchemaBuilder };

/**
 * Every root Query/Mutation field must say who may call it, in its `extensions`:
 * `{ right: 'location.hf.search' }`, `{ anyRight: ['policy.policy.add', 'policy.policy.renew'] }` (any one of them;
 * for previews shared by several forms), `{ authenticated: true }` or `{ public: true }`. The kernel refuses to build a
 * schema with an unguarded root field and enforces the guard before the resolver runs.
 */
export type FieldGuard =
  | { right: string }
  | { anyRight: readonly string[] }
  | { authenticated: true }
  | { public: true };

export type RouteGuard = { right: string } | { authenticated: true } | { public: true };
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path under `/api`, e.g. `/location/imports/locations`. */
  url: string;
  guard: RouteGuard;
  schema?: FastifySchema;
  /** Max body in bytes (default 1 MiB; imports raise it). */
  bodyLimit?: number;
  /** Multipart file upload allowed (the file is read into `ctx` via `req.file()`). */
  multipart?: boolean;
  handler: (req: FastifyRequest, reply: FastifyReply, ctx: Ctx) => Promise<unknown>;
}
export interface Routes {
  add(route: RouteDef): void;
}

/** Reports progress of long work: a job updates its row, the CLI draws a bar. */
export type Progress = (done: number, total: number, label?: string) => void | Promise<void>;

export interface JobContext {
  ctx: Ctx;
  jobId: string;
  /** Records progress (persisted, readable over GraphQL). */
  progress(done: number, total: number): Promise<void>;
  /** Persisted state the handler left on a previous (killed) attempt, so it can resume. */
  checkpoint: unknown;
  saveCheckpoint(state: unknown): Promise<void>;
}
export interface JobDef<P> {
  /** `<moduleId>.<name>` */
  type: string;
  maxAttempts?: number;
  run(payload: P, job: JobContext): Promise<unknown>;
}
export interface Jobs {
  define<P>(def: JobDef<P>): void;
  enqueue<P>(ctx: Ctx, type: string, payload: P): Promise<{ id: string }>;
  /**
   * A recurring job (daily expiry, reminders): enqueued `firstAfterMs` after the job worker starts, then every
   * `everyMs`. Only a process that runs the worker (the server) schedules; tests and CLI commands never do.
   */
  schedule<P>(entry: { type: string; everyMs: number; firstAfterMs?: number; payload?: P }): void;
}

/** Audited entity types are registered with the right needed to read their history. */
export interface AuditRegistry {
  entity(name: string, opts: { right: string }): void;
}

/** An importer (CSV/XML/XLSX → rows) that the REST endpoint, the UI and `mutua import` all call. */
export interface ImportResult {
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  /** Row-level errors (row is 1-based, counting the header as row 1 for CSV). */
  errors: Array<{ row: number; field?: string; message: string }>;
  applied: boolean;
}
export interface ImporterDef {
  /** `<moduleId>.<name>`, e.g. `location.locations`. */
  id: string;
  right: string;
  /** Formats it reads: `csv`, `xml` (openIMIS layouts), `xlsx`. */
  formats: readonly string[];
  label: string;
  run(
    ctx: Ctx,
    input: { content: Buffer; format: string; dryRun: boolean; progress?: Progress },
  ): Promise<ImportResult>;
}
export interface Importers {
  add(def: ImporterDef): void;
}

/** What modules may do to users' district limits (DOMAIN.md §4.1), without touching the kernel's tables. */
export interface UserDistricts {
  /** Removes deleted locations from every user's districts. */
  removeLocations(ctx: Ctx, locationIds: readonly string[]): Promise<void>;
}

export interface SetupContext<C> {
  moduleId: string;
  db: Db;
  config: C;
  logger: Logger;
  hooks: Hooks;
  graphql: Builder;
  routes: Routes;
  jobs: Jobs;
  audit: AuditRegistry;
  imports: Importers;
  userDistricts: UserDistricts;
  /** Services of modules listed in dependsOn (or optionalDependsOn: then `undefined` when absent). */
  service<T>(ref: ServiceRef<T>): T;
  optionalService<T>(ref: ServiceRef<T>): T | undefined;
}

export interface GenerateOptions {
  /** Deterministic seed: the same seed and scale give the same rows. */
  seed: number;
  /** Number of insurees the generated country is sized for (each module derives its own counts). */
  insurees: number;
  progress: Progress;
}

/** A benchmark: the operation, and the bare-database baseline for the same rows, measured in the same run. */
export interface Benchmark {
  name: string;
  /** Operations per iteration (rows, requests). */
  ops: number;
  iterations?: number;
  /**
   * Untimed work before each `run()`: the state the operation starts from (e.g. the entered claims a run checks), so
   * the timing is the operation's alone.
   */
  prepare?(): Promise<void>;
  run(): Promise<void>;
  baseline(): Promise<void>;
}

/** What the benchmark runner lends a module's benchmarks. */
export interface BenchTools {
  /** A request through the whole HTTP stack (in-process `inject`: routing, token, rights, JSON), as an administrator. */
  request(req: {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    /** Full path, e.g. `/api/claims`. */
    url: string;
    body?: unknown;
  }): Promise<{ status: number; body: unknown }>;
}

export interface ModuleDefinition<S = unknown, C = unknown> {
  manifest: ModuleManifest<C>;
  /** Folder of this module's SQL migrations (`NNNN_name.sql`, applied in name order). */
  migrations?: URL;
  messages?: Partial<Record<Locale, Messages>>;
  setup(ctx: SetupContext<C>): S | Promise<S>;
  /** Inserts the demo country's part of this module (first run only). */
  seedDemo?(ctx: Ctx, service: S): Promise<void>;
  /** Bulk-generates this module's part of a country at scale (`mutua generate`). */
  generate?(ctx: Ctx, service: S, opts: GenerateOptions): Promise<void>;
  /** Benchmarks; `tools` is always given by the runner (db tests that smoke-run benchmarks may omit it). */
  benchmarks?(ctx: Ctx, service: S, tools?: BenchTools): Benchmark[] | Promise<Benchmark[]>;
}

/** Declares a module; the value is the default export of `modules/<id>/src/server/index.ts`. */
export function defineModule<S, C = unknown>(def: ModuleDefinition<S, C>): ModuleDefinition<S, C> {
  return def;
}
