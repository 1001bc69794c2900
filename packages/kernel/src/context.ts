import type { Logger } from 'pino';
import type { Db } from './db.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';
import type { Locale } from './i18n.js';

/** The signed-in user as every service sees it. */
export interface AuthUser {
  id: string;
  username: string;
  language: Locale;
  /** Named rights from the user's roles (e.g. `location.hf.search`). */
  rights: ReadonlySet<string>;
  /** Holds the IMIS Administrator system role: passes every right check and every location scope. */
  isAdmin: boolean;
  /**
   * Location ids (districts) the user is limited to; `null` = unrestricted. Modules never read this directly
   * for queries: they call the location module's scope helper, which expands it to the districts' subtrees.
   */
  districtIds: readonly string[] | null;
  /** A user attached to one health facility (claim administrators) sees only its records. */
  healthFacilityId: string | null;
  /**
   * The password was set by an administrator (reset, first admin): until the user changes it, only their own
   * profile works (`me`, change password, language); every operation guarded by a right is refused.
   */
  mustChangePassword?: boolean;
}

/**
 * What every service call receives: who asks, in which language, and the database handle to use (the
 * transaction, when inside one). The request context carries only these; services come from `setup`.
 */
export interface Ctx {
  db: Db;
  user: AuthUser | null;
  locale: Locale;
  logger: Logger;
  /** Work to run once the surrounding transaction commits (after-commit hook listeners). */
  afterCommit: Array<(committed: Ctx) => Promise<void>> | null;
}

/** Throws unless the context has a user holding `right` (administrators hold every right). */
export function requireRight(ctx: Ctx, right: string): AuthUser {
  const user = requireUser(ctx);
  checkRight(user, right);
  return user;
}

/** The one right check (services, GraphQL guards, REST guards): the right held, and no pending password change. */
export function checkRight(user: AuthUser, right: string): void {
  if (user.mustChangePassword) throw new ForbiddenError(right, 'kernel.error.mustChangePassword');
  if (!user.isAdmin && !user.rights.has(right)) throw new ForbiddenError(right);
}

/** Like {@link checkRight}, for operations open to the holders of any one of several rights. */
export function checkAnyRight(user: AuthUser, rights: readonly string[]): void {
  if (user.mustChangePassword) throw new ForbiddenError(rights[0], 'kernel.error.mustChangePassword');
  if (!user.isAdmin && !rights.some((r) => user.rights.has(r))) throw new ForbiddenError(rights.join(' | '));
}

export function requireUser(ctx: Ctx): AuthUser {
  if (!ctx.user) throw new UnauthenticatedError();
  return ctx.user;
}

export const hasRight = (ctx: Ctx, right: string): boolean =>
  !!ctx.user && !ctx.user.mustChangePassword && (ctx.user.isAdmin || ctx.user.rights.has(right));

/**
 * Runs `fn` in a transaction (or in the caller's, when already inside one), then runs the after-commit work.
 * A failing after-commit task is logged with its name, never dropped silently, and never undoes the commit.
 */
export async function withTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.afterCommit) return fn(ctx);
  const afterCommit: Array<(committed: Ctx) => Promise<void>> = [];
  const result = await ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db, afterCommit }));
  for (const task of afterCommit) {
    try {
      await task(ctx);
    } catch (err) {
      ctx.logger.error({ err }, 'after-commit task failed');
    }
  }
  return result;
}

/** A context for system work (seeding, jobs, CLI): an administrator with every right. */
export function systemUser(): AuthUser {
  return {
    id: '00000000-0000-7000-8000-000000000000',
    username: 'system',
    language: 'en',
    rights: new Set(),
    isAdmin: true,
    districtIds: null,
    healthFacilityId: null,
  };
}
