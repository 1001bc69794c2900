import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest, LogController } from 'fastify';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import type { Logger } from 'pino';
import { type AuthUser, type Ctx, checkRight, hasRight } from '../context.js';
import { createAuthUserLoader, loadAuthUser } from '../core/auth-user.js';
import { type Session, TOKEN_TTL_SECONDS, type TokenService } from '../core/token.js';
import type { UserService } from '../core/user-service.js';
import type { Database } from '../db.js';
import { InputError, MutuaError, nulProblems, UnauthenticatedError } from '../errors.js';
import type { HookBus } from '../hooks.js';
import { isLocale, type Locale, localeFromHeader, translate } from '../i18n.js';
import type { JobService } from '../jobs.js';
import type { ImporterDef, RouteDef } from '../module.js';
import { arrivingHooks } from './arriving.js';
import { sendError } from './errors.js';

export const COOKIE = 'mutua_token';
const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');
export const BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 50 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    mutua: Ctx;
    /** The verified token of the request, when one was sent. */
    session?: Session;
  }
}

export interface AppDeps {
  database: Database;
  logger: Logger;
  schema: GraphQLSchema;
  tokens: TokenService;
  users: UserService;
  routes: ReadonlyArray<RouteDef & { module: string }>;
  importers: ReadonlyMap<string, ImporterDef>;
  modules: ReadonlyArray<{ id: string; version: string }>;
  hooks: HookBus;
  webDist?: string | undefined;
  ctxFor(user: AuthUser | null, locale?: Locale): Ctx;
  jobs: JobService;
}

export const IMPORT_JOB = 'core.import';

/** The import job: runs an importer as the user who uploaded the file, reporting progress on the job row. */
export function defineImportJob(jobs: JobService, importers: ReadonlyMap<string, ImporterDef>, db: Database): void {
  jobs
    .forModule('core')
    .define<{ importerId: string; format: string; dryRun: boolean; userId: string; content: string }>({
      type: IMPORT_JOB,
      maxAttempts: 1,
      run: async (p, job) => {
        const importer = importers.get(p.importerId);
        if (!importer) throw new Error(`unknown importer ${p.importerId}`);
        const user = await loadAuthUser(db.db, p.userId);
        if (!user) throw new UnauthenticatedError();
        const ctx = { ...job.ctx, user, locale: user.language };
        return importer.run(ctx, {
          content: Buffer.from(p.content, 'base64'),
          format: p.format,
          dryRun: p.dryRun,
          progress: (done, total) => job.progress(done, total),
        });
      },
    });
}

/** The language of a request: explicit Accept-Language first (the web app sends its current one), else the user's. */
function requestLocale(req: FastifyRequest, user: AuthUser | null): Locale {
  const header = req.headers['accept-language'];
  if (header) return localeFromHeader(header);
  return user && isLocale(user.language) ? user.language : 'en';
}

export async function buildApp(d: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: d.logger,
    bodyLimit: BODY_LIMIT,
    // Request lines would log URLs with personal data (insurance numbers in queries): keep them out.
    logController: new LogController({ disableRequestLogging: true }),
    // Reject unknown fields instead of silently dropping them.
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: false } },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1 } });

  app.decorateRequest('mutua', null as unknown as Ctx);
  const requestUser = createAuthUserLoader(d.database.db);
  app.addHook('onRequest', arrivingHooks.onRequest);
  app.addHook('preHandler', arrivingHooks.settle);
  app.addHook('onResponse', arrivingHooks.settle);
  app.addHook('onRequestAbort', arrivingHooks.abort);
  app.addHook('onRequest', async (req) => {
    let user: AuthUser | null = null;
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : req.cookies[COOKIE];
    if (token) {
      const session = await d.tokens.verify(token);
      if (session) {
        user = await requestUser(session.userId, session);
        req.session = session;
      }
    }
    req.mutua = d.ctxFor(user, requestLocale(req, user));
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    // The web app loads only its own code; inline styles are MUI's (emotion). GraphiQL (/api) is left out.
    else reply.header('Content-Security-Policy', WEB_CSP);
  });
  // PostgreSQL text cannot hold NUL characters: refuse them as bad input, naming the field.
  app.addHook('preValidation', async (req) => {
    if (req.url.startsWith('/api/graphql')) return;
    const nul = [...nulProblems(req.body), ...nulProblems(req.query), ...nulProblems(req.params)];
    if (nul.length) throw InputError.fields(nul);
  });
  app.setErrorHandler((err, req, reply) =>
    sendError(err, req, reply, req.mutua?.locale ?? localeFromHeader(req.headers['accept-language'])),
  );

  // ---- health
  app.get('/health', async () => ({
    status: 'ok',
    database: d.database.kind,
    modules: d.modules.map((m) => ({ id: m.id, version: m.version })),
    hookFailures: d.hooks.failures.length,
  }));

  // ---- auth
  app.post(
    '/api/auth/login',
    {
      schema: {
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 50 },
            password: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body as { username: string; password: string };
      const { token, userId } = await d.users.login(req.mutua, username, password);
      const user = await loadAuthUser(d.database.db, userId);
      const ctx = d.ctxFor(user, requestLocale(req, user));
      reply.setCookie(COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: req.protocol === 'https',
        maxAge: TOKEN_TTL_SECONDS,
      });
      return { token, user: await meJson(d, ctx) };
    },
  );
  app.post('/api/auth/logout', async (req, reply) => {
    // Revoke the token itself, so a copied bearer token dies with the session too.
    if (req.session) await d.users.revoke(req.mutua, req.session.jti, req.session.expiresAt);
    reply.clearCookie(COOKIE, { path: '/' });
    return { ok: true };
  });
  app.get('/api/auth/me', async (req) => {
    if (!req.mutua.user) throw new UnauthenticatedError();
    return meJson(d, req.mutua);
  });

  // ---- GraphQL
  const yoga = createYoga<{ req: FastifyRequest }>({
    schema: d.schema,
    graphqlEndpoint: '/api/graphql',
    logging: false,
    context: ({ req }) => req.mutua,
    maskedErrors: {
      maskError: (error, message) => {
        const orig = (error as { originalError?: unknown }).originalError;
        // The guard returns MutuaErrors already translated as GraphQLErrors (code + message): pass them through.
        if (error instanceof GraphQLError && (orig === undefined || orig instanceof GraphQLError)) return error;
        if (orig instanceof MutuaError && error instanceof GraphQLError) {
          // Thrown below a root field (outside the guard): keep its code; no request locale here.
          return new GraphQLError(translate('en', orig.key, orig.params), {
            nodes: error.nodes,
            path: error.path,
            extensions: { code: orig.code },
          });
        }
        d.logger.error({ err: orig ?? error }, 'GraphQL error');
        // A GraphQLError, not a plain Error: a plain one serializes as `{}` and loses the code.
        return new GraphQLError(message, { extensions: { code: 'INTERNAL' } });
      },
    },
  });
  app.route({
    url: '/api/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    handler: (req, reply) => yoga.handleNodeRequestAndResponse(req, reply, { req }),
  });

  // ---- imports (one endpoint for every module's importers)
  app.get('/api/imports', async (req) => {
    const ctx = req.mutua;
    if (!ctx.user) throw new UnauthenticatedError();
    return [...d.importers.values()]
      .filter((i) => hasRight(ctx, i.right))
      .map((i) => ({ id: i.id, formats: i.formats, label: i.label }));
  });
  // Signed-in callers only, checked before the (up to 50 MiB) body is read.
  const signedIn = async (req: FastifyRequest) => {
    if (!req.mutua.user) throw new UnauthenticatedError();
  };
  app.post('/api/imports/:id', { bodyLimit: UPLOAD_LIMIT, onRequest: signedIn }, async (req) => {
    const ctx = req.mutua;
    if (!ctx.user) throw new UnauthenticatedError();
    const { id } = req.params as { id: string };
    const q = req.query as { dryRun?: string; format?: string; async?: string };
    const importer = d.importers.get(id);
    if (!importer) throw InputError.fields([{ field: 'id', key: 'kernel.error.unknownImporter', params: { id } }]);
    checkRight(ctx.user, importer.right);
    let content: Buffer | undefined;
    let filename = '';
    if (req.isMultipart()) {
      const file = await req.file();
      if (file) {
        content = await file.toBuffer();
        filename = file.filename;
      }
    } else if (Buffer.isBuffer(req.body)) {
      content = req.body;
    } else if (typeof req.body === 'string') {
      content = Buffer.from(req.body);
    }
    if (!content?.length) throw InputError.fields([{ field: 'file', key: 'kernel.error.noFile' }]);
    const format = (q.format ?? path.extname(filename).slice(1) ?? '').toLowerCase() || 'csv';
    if (!importer.formats.includes(format)) {
      throw InputError.fields([
        { field: 'format', key: 'kernel.error.importFormat', params: { format, formats: importer.formats.join(', ') } },
      ]);
    }
    const dryRun = q.dryRun !== 'false';
    if (q.async === 'true') {
      // Large files: run as a job so the UI shows a progress bar (GraphQL `job(id)`) and nothing times out.
      return d.jobs.enqueue(ctx, IMPORT_JOB, {
        importerId: id,
        format,
        dryRun,
        userId: ctx.user.id,
        content: content.toString('base64'),
      });
    }
    return importer.run(ctx, { content, format, dryRun });
  });
  app.addContentTypeParser(
    ['text/csv', 'text/xml', 'application/xml', 'application/octet-stream'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );

  // ---- module routes: each declares its guard; the kernel enforces it
  for (const r of d.routes) {
    app.route({
      method: r.method,
      url: `/api${r.url}`,
      ...(r.schema ? { schema: r.schema } : {}),
      ...(r.bodyLimit ? { bodyLimit: r.bodyLimit } : {}),
      // The guard runs before the body is read and validated: a caller without the right gets 401/403, not a
      // schema error (and an anonymous caller cannot make the server parse a large body).
      onRequest: async (req) => {
        const ctx = req.mutua;
        if (!('public' in r.guard)) {
          if (!ctx.user) throw new UnauthenticatedError();
          if ('right' in r.guard) checkRight(ctx.user, r.guard.right);
        }
      },
      handler: async (req, reply) => r.handler(req, reply, req.mutua),
    });
  }

  // ---- the web app (SPA): static files, index.html for client routes, JSON 404 for unknown API paths
  const web = d.webDist && existsSync(path.join(d.webDist, 'index.html')) ? d.webDist : undefined;
  if (web) await app.register(fastifyStatic, { root: web, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    // Client routes get index.html; a missing file (an asset from an older build) gets a real 404, not HTML.
    const pathOnly = req.url.split('?')[0] ?? '';
    if (req.method === 'GET' && web && !pathOnly.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(pathOnly)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}` });
  });
  return app as unknown as FastifyInstance;
}

async function meJson(d: AppDeps, ctx: Ctx) {
  const me = await d.users.me(ctx);
  return {
    ...me,
    rights: [...(ctx.user?.rights ?? [])].sort(),
    isAdmin: !!ctx.user?.isAdmin,
    districtIds: ctx.user?.districtIds ? [...ctx.user.districtIds] : null,
  };
}
