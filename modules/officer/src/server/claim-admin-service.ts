import {
  type Connection,
  type Ctx,
  clean,
  type FieldProblem,
  InputError,
  isUuid,
  keysetAfter,
  keysetPage,
  NotFoundError,
  recordAudit,
  requireRight,
  requireUser,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import { and, asc, count, eq, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { checkClaimAdministrator } from '../domain/officer-rules.js';
import type { ClaimAdministrator, ClaimAdministratorInput } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { type ClaimAdminFilter, claimAdminDeleted, type PageArgs } from '../points.js';
import {
  checkUserExists,
  codeTaken,
  guardUnique,
  type OfficerDeps,
  outOfScope,
  personMatch,
  userTaken,
} from './common.js';
import { claimAdmin } from './schema.js';

type Row = typeof claimAdmin.$inferSelect;

const toClaimAdmin = (r: Row): ClaimAdministrator => ({
  id: r.id,
  code: r.code,
  lastName: r.lastName,
  otherNames: r.otherNames,
  dob: r.dob,
  phone: r.phone,
  email: r.email,
  healthFacilityId: r.hfId,
  userId: r.userId,
});

const columns = ({ id: _id, healthFacilityId, ...rest }: ClaimAdministrator) => ({ ...rest, hfId: healthFacilityId });

export function createClaimAdminOps({ hooks, location }: OfficerDeps) {
  const scope = (ctx: Ctx) => location.facilityScopeCondition(ctx, claimAdmin.hfId);

  async function select(ctx: Ctx, where: SQL | undefined): Promise<ClaimAdministrator[]> {
    const rows = await ctx.db
      .select()
      .from(claimAdmin)
      .where(and(where, isNull(claimAdmin.deletedAt), await scope(ctx)));
    return rows.map(toClaimAdmin);
  }
  const loadVisible = async (ctx: Ctx, id: string) =>
    isUuid(id) ? (await select(ctx, eq(claimAdmin.id, id)))[0] : undefined;

  /** The facility's district, when the user may write there. */
  async function checkFacilityScope(ctx: Ctx, hfId: string): Promise<void> {
    const hf = await location.getHealthFacility(ctx, hfId);
    if (!hf || !(await location.isInScope(ctx, hf.locationId))) throw outOfScope();
  }

  async function loadWritable(ctx: Ctx, id: string): Promise<ClaimAdministrator> {
    const found = await loadVisible(ctx, id);
    if (!found) throw new NotFoundError('ClaimAdministrator', id);
    await checkFacilityScope(ctx, found.healthFacilityId);
    return found;
  }

  async function prepare(ctx: Ctx, id: string, input: ClaimAdministratorInput): Promise<ClaimAdministrator> {
    const problems: FieldProblem[] = checkClaimAdministrator(input);
    const hfId = clean(input.healthFacilityId);
    const hf = hfId && isUuid(hfId) ? await location.getHealthFacility(ctx, hfId) : null;
    if (hfId && !hf) problems.push({ field: 'healthFacilityId', key: 'officer.error.hfNotFound' });
    const userId = clean(input.userId);
    await checkUserExists(ctx, userId, problems);
    if (problems.length) throw InputError.fields(problems);
    if (!(await location.isInScope(ctx, hf!.locationId))) throw outOfScope();
    const record: ClaimAdministrator = {
      id,
      code: clean(input.code)!,
      lastName: clean(input.lastName)!,
      otherNames: clean(input.otherNames)!,
      dob: clean(input.dob),
      phone: clean(input.phone),
      email: clean(input.email),
      healthFacilityId: hf!.id,
      userId,
    };
    const [sameCode] = await ctx.db
      .select({ id: claimAdmin.id })
      .from(claimAdmin)
      .where(and(eq(claimAdmin.code, record.code), isNull(claimAdmin.deletedAt), ne(claimAdmin.id, id)));
    if (sameCode) throw codeTaken(record.code);
    if (userId) {
      const [sameUser] = await ctx.db
        .select({ id: claimAdmin.id })
        .from(claimAdmin)
        .where(and(eq(claimAdmin.userId, userId), isNull(claimAdmin.deletedAt), ne(claimAdmin.id, id)));
      if (sameUser) throw userTaken();
    }
    return record;
  }

  return {
    async searchClaimAdmins(
      ctx: Ctx,
      filter: ClaimAdminFilter,
      page: PageArgs,
    ): Promise<Connection<ClaimAdministrator>> {
      requireRight(ctx, RIGHTS.claimAdminSearch);
      const conds: Array<SQL | undefined> = [isNull(claimAdmin.deletedAt)];
      const text = clean(filter.search);
      if (text) conds.push(personMatch(claimAdmin.code, [claimAdmin.lastName, claimAdmin.otherNames], text));
      const hf = clean(filter.healthFacilityId);
      if (hf) conds.push(isUuid(hf) ? eq(claimAdmin.hfId, hf) : sql`false`);
      conds.push(await scope(ctx));
      const where = and(...conds);
      return keysetPage<ClaimAdministrator>({
        first: page.first,
        after: page.after,
        key: (c) => [c.code, c.id],
        fetch: async (limit, after) => {
          const rows = await ctx.db
            .select()
            .from(claimAdmin)
            .where(and(where, after ? keysetAfter([claimAdmin.code, claimAdmin.id], after) : undefined))
            .orderBy(asc(claimAdmin.code), asc(claimAdmin.id))
            .limit(limit);
          return rows.map(toClaimAdmin);
        },
        count: async () => (await ctx.db.select({ n: count() }).from(claimAdmin).where(where))[0]?.n ?? 0,
      });
    },

    async getClaimAdmin(ctx: Ctx, id: string) {
      requireRight(ctx, RIGHTS.claimAdminSearch);
      return (await loadVisible(ctx, id)) ?? null;
    },

    async findClaimAdminByCode(ctx: Ctx, code: string) {
      requireRight(ctx, RIGHTS.claimAdminSearch);
      const c = clean(code);
      return c ? ((await select(ctx, eq(claimAdmin.code, c)))[0] ?? null) : null;
    },

    /** Users may look up their own record; anyone else's needs the search right. */
    async findClaimAdminByUser(ctx: Ctx, userId: string) {
      const me = requireUser(ctx);
      if (me.id !== userId) requireRight(ctx, RIGHTS.claimAdminSearch);
      if (!isUuid(userId)) return null;
      const rows = await ctx.db
        .select()
        .from(claimAdmin)
        .where(
          and(
            eq(claimAdmin.userId, userId),
            isNull(claimAdmin.deletedAt),
            me.id === userId ? undefined : await scope(ctx),
          ),
        );
      return rows[0] ? toClaimAdmin(rows[0]) : null;
    },

    async createClaimAdmin(ctx: Ctx, input: ClaimAdministratorInput) {
      requireRight(ctx, RIGHTS.claimAdminAdd);
      const c = await prepare(ctx, uuidv7(), input);
      return withTransaction(ctx, async (tx) => {
        await guardUnique(c.code, () => tx.db.insert(claimAdmin).values({ id: c.id, ...columns(c) }));
        await recordAudit(tx, { entity: 'ClaimAdministrator', entityId: c.id, action: 'create', after: c });
        return c;
      });
    },

    async updateClaimAdmin(ctx: Ctx, id: string, input: ClaimAdministratorInput) {
      requireRight(ctx, RIGHTS.claimAdminEdit);
      const before = await loadWritable(ctx, id);
      const c = await prepare(ctx, before.id, input);
      return withTransaction(ctx, async (tx) => {
        await guardUnique(c.code, () =>
          tx.db
            .update(claimAdmin)
            .set({ ...columns(c), updatedAt: sql`now()` })
            .where(and(eq(claimAdmin.id, c.id), isNull(claimAdmin.deletedAt))),
        );
        await recordAudit(tx, { entity: 'ClaimAdministrator', entityId: c.id, action: 'update', before, after: c });
        return c;
      });
    },

    async deleteClaimAdmin(ctx: Ctx, id: string) {
      requireRight(ctx, RIGHTS.claimAdminDelete);
      const c = await loadWritable(ctx, id);
      await withTransaction(ctx, async (tx) => {
        await hooks.runValidate(claimAdminDeleted, { claimAdmin: c }, tx);
        await hooks.runBefore(claimAdminDeleted, { claimAdmin: c }, tx);
        await tx.db.update(claimAdmin).set({ deletedAt: sql`now()` }).where(eq(claimAdmin.id, c.id));
        await recordAudit(tx, { entity: 'ClaimAdministrator', entityId: c.id, action: 'delete', before: c });
        await hooks.runAfter(claimAdminDeleted, { claimAdmin: c }, tx);
      });
    },
  };
}
