import { and, asc, eq, getTableColumns, ilike, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit.js';
import { type Ctx, requireRight, requireUser, withTransaction } from '../context.js';
import {
  ConflictError,
  type FieldProblem,
  InputError,
  isUniqueViolation,
  MutuaError,
  NotFoundError,
} from '../errors.js';
import { type Connection, keysetAfter, keysetPage } from '../graphql/connection.js';
import { isLocale } from '../i18n.js';
import { isUuid, uuidv7 } from '../ids.js';
import { EMAIL_RE, likeEscape } from '../text-checks.js';
import { loadAuthUser } from './auth-user.js';
import { dummyHash, hashPassword, passwordProblems, verifyPassword } from './password.js';
import { appUser, revokedToken, role, userDistrict, userRole } from './tables.js';
import type { TokenService } from './token.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface UserRow {
  id: string;
  username: string;
  lastName: string;
  otherNames: string;
  email: string | null;
  phone: string | null;
  language: string;
  isActive: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  healthFacilityId: string | null;
  roleIds: string[];
  districtIds: string[];
}

export interface UserInput {
  username?: string;
  lastName?: string;
  otherNames?: string;
  email?: string | null;
  phone?: string | null;
  language?: string;
  password?: string | null;
  roleIds?: string[];
  districtIds?: string[];
  healthFacilityId?: string | null;
  isActive?: boolean;
}

const linkColumns = {
  roleIds: sql<
    string[] | null
  >`(SELECT array_agg(ur.role_id::text ORDER BY ur.role_id) FROM user_role ur WHERE ur.user_id = ${appUser.id})`,
  districtIds: sql<
    string[] | null
  >`(SELECT array_agg(ud.location_id::text ORDER BY ud.location_id) FROM user_district ud WHERE ud.user_id = ${appUser.id})`,
};
type UserSelect = typeof appUser.$inferSelect & { roleIds: string[] | null; districtIds: string[] | null };

function validate(input: UserInput, creating: boolean): FieldProblem[] {
  const p: FieldProblem[] = [];
  const req = (field: keyof UserInput, max: number) => {
    const v = input[field];
    if (creating && (typeof v !== 'string' || !v.trim())) p.push({ field, key: 'kernel.error.required' });
    else if (typeof v === 'string' && v.length > max) p.push({ field, key: 'kernel.error.tooLong', params: { max } });
  };
  req('username', 50);
  req('lastName', 100);
  req('otherNames', 100);
  if (input.username !== undefined && !/^[A-Za-z0-9._@-]{2,50}$/.test(input.username)) {
    p.push({ field: 'username', key: 'kernel.error.username' });
  }
  if (input.email && !EMAIL_RE.test(input.email)) p.push({ field: 'email', key: 'kernel.error.email' });
  else if (input.email && input.email.length > 200)
    p.push({ field: 'email', key: 'kernel.error.tooLong', params: { max: 200 } });
  if (input.phone && input.phone.length > 50)
    p.push({ field: 'phone', key: 'kernel.error.tooLong', params: { max: 50 } });
  for (const field of ['roleIds', 'districtIds'] as const) {
    const bad = input[field]?.find((id) => !isUuid(id));
    if (bad !== undefined) p.push({ field, key: 'kernel.error.badId', params: { id: bad } });
  }
  if (input.healthFacilityId && !isUuid(input.healthFacilityId)) {
    p.push({ field: 'healthFacilityId', key: 'kernel.error.badId', params: { id: input.healthFacilityId } });
  }
  if (input.language !== undefined && !isLocale(input.language))
    p.push({ field: 'language', key: 'kernel.error.language' });
  if (creating && input.password) p.push(...passwordProblems(input.password));
  return p;
}

export class UserService {
  constructor(private readonly tokens: TokenService) {}

  /** Verifies credentials with lockout: 5 failures lock the account for 15 minutes. */
  async login(ctx: Ctx, username: string, password: string): Promise<{ token: string; userId: string }> {
    const [u] = await ctx.db
      .select()
      .from(appUser)
      .where(and(sql`lower(${appUser.username}) = lower(${username})`, isNull(appUser.deletedAt)));
    if (!u?.isActive) {
      await verifyPassword(await dummyHash(), password);
      throw new MutuaError('UNAUTHENTICATED', 'kernel.error.badCredentials');
    }
    if (u.lockedUntil && u.lockedUntil.getTime() > Date.now()) {
      throw new MutuaError('LOCKED', 'kernel.error.locked', {
        minutes: Math.ceil((u.lockedUntil.getTime() - Date.now()) / 60000),
      });
    }
    if (!(await verifyPassword(u.passwordHash, password))) {
      const failed = u.failedLogins + 1;
      const lock = failed >= MAX_FAILED_LOGINS;
      await ctx.db
        .update(appUser)
        .set({
          failedLogins: lock ? 0 : failed,
          lockedUntil: lock ? new Date(Date.now() + LOCK_MINUTES * 60000) : null,
        })
        .where(eq(appUser.id, u.id));
      if (lock) {
        await recordAudit({ ...ctx, user: null }, { entity: 'User', entityId: u.id, action: 'locked' });
        throw new MutuaError('LOCKED', 'kernel.error.locked', { minutes: LOCK_MINUTES });
      }
      throw new MutuaError('UNAUTHENTICATED', 'kernel.error.badCredentials');
    }
    await ctx.db
      .update(appUser)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(appUser.id, u.id));
    return { token: await this.tokens.sign(u.id, u.username), userId: u.id };
  }

  /** Removes deleted locations from every user's districts. */
  async removeLocations(ctx: Ctx, locationIds: readonly string[]): Promise<void> {
    if (locationIds.length) await ctx.db.delete(userDistrict).where(inArray(userDistrict.locationId, [...locationIds]));
  }

  /** Revokes one token (logout); expired revocations are purged on the way. */
  async revoke(ctx: Ctx, jti: string, expiresAtEpoch: number): Promise<void> {
    await ctx.db.delete(revokedToken).where(lt(revokedToken.expiresAt, new Date()));
    await ctx.db
      .insert(revokedToken)
      .values({ jti, expiresAt: new Date(expiresAtEpoch * 1000) })
      .onConflictDoNothing();
  }

  async get(ctx: Ctx, id: string): Promise<UserRow | null> {
    if (!isUuid(id)) return null;
    const [u] = await this.selectUsers(ctx).where(and(eq(appUser.id, id), isNull(appUser.deletedAt)));
    return u ? this.toRow(u) : null;
  }

  async me(ctx: Ctx): Promise<UserRow> {
    const user = requireUser(ctx);
    const row = await this.get(ctx, user.id);
    if (!row) throw new NotFoundError('User', user.id);
    return row;
  }

  async search(
    ctx: Ctx,
    args: { search?: string | null; first?: number | null; after?: string | null },
  ): Promise<Connection<UserRow>> {
    requireRight(ctx, 'core.user.search');
    const q = args.search?.trim();
    const where = and(
      isNull(appUser.deletedAt),
      q
        ? or(...[appUser.username, appUser.lastName, appUser.otherNames].map((c) => ilike(c, `%${likeEscape(q)}%`)))
        : undefined,
    );
    const key = sql`lower(${appUser.username})`;
    return keysetPage({
      first: args.first,
      after: args.after,
      key: (u: UserRow) => [u.username.toLowerCase(), u.id],
      fetch: async (limit, after) => {
        const rows = await this.selectUsers(ctx)
          .where(and(where, after ? keysetAfter([key, appUser.id], after) : undefined))
          .orderBy(asc(key), asc(appUser.id))
          .limit(limit);
        return rows.map((u) => this.toRow(u));
      },
      count: async () => {
        const [c] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(appUser).where(where);
        return c?.n ?? 0;
      },
    });
  }

  async create(ctx: Ctx, input: UserInput): Promise<UserRow> {
    requireRight(ctx, 'core.user.add');
    const problems = validate(input, true);
    if (!input.password) problems.push({ field: 'password', key: 'kernel.error.required' });
    if (problems.length) throw InputError.fields(problems);
    return withTransaction(ctx, async (tx) => {
      const id = uuidv7();
      try {
        await tx.db.insert(appUser).values({
          id,
          username: input.username!.trim(),
          lastName: input.lastName!.trim(),
          otherNames: input.otherNames!.trim(),
          email: input.email || null,
          phone: input.phone || null,
          language: input.language ?? 'en',
          passwordHash: await hashPassword(input.password!),
          healthFacilityId: input.healthFacilityId || null,
          isActive: input.isActive ?? true,
        });
      } catch (err) {
        throw this.mapUnique(err, input);
      }
      await this.setLinks(tx, id, input);
      const after = await this.get(tx, id);
      await recordAudit(tx, { entity: 'User', entityId: id, action: 'create', after });
      return after!;
    });
  }

  async update(ctx: Ctx, id: string, input: UserInput): Promise<UserRow> {
    const me = requireRight(ctx, 'core.user.edit');
    const problems = validate({ ...input, username: undefined }, false);
    if (problems.length) throw InputError.fields(problems);
    return withTransaction(ctx, async (tx) => {
      const before = await this.get(tx, id);
      if (!before) throw new NotFoundError('User', id);
      if (me.id === id && input.isActive === false) {
        throw InputError.fields([{ field: 'isActive', key: 'kernel.error.selfDeactivate' }]);
      }
      try {
        await tx.db
          .update(appUser)
          .set({
            ...(input.lastName !== undefined ? { lastName: input.lastName.trim() } : {}),
            ...(input.otherNames !== undefined ? { otherNames: input.otherNames.trim() } : {}),
            ...(input.email !== undefined ? { email: input.email || null } : {}),
            ...(input.phone !== undefined ? { phone: input.phone || null } : {}),
            ...(input.language !== undefined ? { language: input.language } : {}),
            // A blank id (cleared in a form) means no health facility.
            ...(input.healthFacilityId !== undefined ? { healthFacilityId: input.healthFacilityId || null } : {}),
            ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
            // Deactivation ends the user's sessions; reactivation must not bring old tokens back.
            ...(input.isActive === false ? { tokensValidAfter: sql`date_trunc('second', now())` } : {}),
            updatedAt: new Date(),
          })
          .where(eq(appUser.id, id));
      } catch (err) {
        throw this.mapUnique(err, input);
      }
      await this.setLinks(tx, id, input);
      const after = await this.get(tx, id);
      await recordAudit(tx, { entity: 'User', entityId: id, action: 'update', before, after });
      return after!;
    });
  }

  /** An administrator sets a new password; the user must change it at next login. Also unlocks the account. */
  async resetPassword(ctx: Ctx, id: string, newPassword: string): Promise<UserRow> {
    requireRight(ctx, 'core.user.edit');
    const problems = passwordProblems(newPassword, 'newPassword');
    if (problems.length) throw InputError.fields(problems);
    return withTransaction(ctx, async (tx) => {
      if (!(await this.get(tx, id))) throw new NotFoundError('User', id);
      await tx.db
        .update(appUser)
        .set({
          passwordHash: await hashPassword(newPassword),
          mustChangePassword: true,
          failedLogins: 0,
          lockedUntil: null,
          // Whoever held the old password is signed out everywhere.
          tokensValidAfter: sql`date_trunc('second', now())`,
        })
        .where(eq(appUser.id, id));
      await recordAudit(tx, { entity: 'User', entityId: id, action: 'resetPassword' });
      return (await this.get(tx, id))!;
    });
  }

  async remove(ctx: Ctx, id: string): Promise<UserRow> {
    const me = requireRight(ctx, 'core.user.delete');
    if (me.id === id) throw InputError.fields([{ field: 'id', key: 'kernel.error.selfDelete' }]);
    return withTransaction(ctx, async (tx) => {
      const before = await this.get(tx, id);
      if (!before) throw new NotFoundError('User', id);
      await tx.db.update(appUser).set({ deletedAt: new Date(), isActive: false }).where(eq(appUser.id, id));
      await recordAudit(tx, { entity: 'User', entityId: id, action: 'delete', before });
      return before;
    });
  }

  async changeMyPassword(ctx: Ctx, currentPassword: string, newPassword: string): Promise<UserRow> {
    const me = requireUser(ctx);
    return withTransaction(ctx, async (tx) => {
      const [u] = await tx.db.select().from(appUser).where(eq(appUser.id, me.id));
      if (!u || !(await verifyPassword(u.passwordHash, currentPassword))) {
        throw InputError.fields([{ field: 'currentPassword', key: 'kernel.error.currentPassword' }]);
      }
      const problems = passwordProblems(newPassword, 'newPassword');
      if (newPassword === currentPassword) problems.push({ field: 'newPassword', key: 'kernel.error.samePassword' });
      if (problems.length) throw InputError.fields(problems);
      await tx.db
        .update(appUser)
        .set({ passwordHash: await hashPassword(newPassword), mustChangePassword: false, updatedAt: new Date() })
        .where(eq(appUser.id, me.id));
      await recordAudit(tx, { entity: 'User', entityId: me.id, action: 'changePassword' });
      return (await this.get(tx, me.id))!;
    });
  }

  async changeMyLanguage(ctx: Ctx, language: string): Promise<UserRow> {
    const me = requireUser(ctx);
    if (!isLocale(language)) throw InputError.fields([{ field: 'language', key: 'kernel.error.language' }]);
    return withTransaction(ctx, async (tx) => {
      await tx.db.update(appUser).set({ language }).where(eq(appUser.id, me.id));
      return (await this.get(tx, me.id))!;
    });
  }

  loadAuthUser(ctx: Ctx, id: string) {
    return loadAuthUser(ctx.db, id);
  }

  private mapUnique(err: unknown, input: UserInput): unknown {
    if (!isUniqueViolation(err)) return err;
    const detail = String(
      (err as { detail?: string; cause?: { detail?: string } }).cause?.detail ??
        (err as { detail?: string }).detail ??
        '',
    );
    if (detail.includes('email'))
      return new ConflictError('kernel.error.emailTaken', { email: input.email }, [
        { field: 'email', key: 'kernel.error.emailTaken', params: { email: input.email } },
      ]);
    return new ConflictError('kernel.error.usernameTaken', { username: input.username }, [
      { field: 'username', key: 'kernel.error.usernameTaken', params: { username: input.username } },
    ]);
  }

  private async setLinks(ctx: Ctx, id: string, input: UserInput): Promise<void> {
    if (input.roleIds) {
      const roleIds = [...new Set(input.roleIds)];
      const found = roleIds.length
        ? await ctx.db
            .select({ id: role.id })
            .from(role)
            .where(and(inArray(role.id, roleIds), isNull(role.deletedAt)))
        : [];
      const missing = roleIds.find((r) => !found.some((f) => f.id === r));
      if (missing)
        throw InputError.fields([{ field: 'roleIds', key: 'kernel.error.unknownRole', params: { id: missing } }]);
      await ctx.db.delete(userRole).where(eq(userRole.userId, id));
      if (roleIds.length) await ctx.db.insert(userRole).values(roleIds.map((roleId) => ({ userId: id, roleId })));
    }
    if (input.districtIds) {
      const districtIds = [...new Set(input.districtIds)];
      await ctx.db.delete(userDistrict).where(eq(userDistrict.userId, id));
      if (districtIds.length) {
        await ctx.db.insert(userDistrict).values(districtIds.map((locationId) => ({ userId: id, locationId })));
      }
    }
  }

  private toRow(u: UserSelect): UserRow {
    return {
      id: u.id,
      username: u.username,
      lastName: u.lastName,
      otherNames: u.otherNames,
      email: u.email,
      phone: u.phone,
      language: u.language,
      isActive: u.isActive,
      mustChangePassword: u.mustChangePassword,
      lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil.toISOString() : null,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      healthFacilityId: u.healthFacilityId,
      roleIds: u.roleIds ?? [],
      districtIds: u.districtIds ?? [],
    };
  }

  /** Users with their role and district ids, in one query (no query per row). */
  private selectUsers(ctx: Ctx) {
    return ctx.db.select({ ...getTableColumns(appUser), ...linkColumns }).from(appUser);
  }
}
