import {
  type Connection,
  type Ctx,
  clean,
  type FieldProblem,
  InputError,
  isUuid,
  NotFoundError,
  requireRight,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import { eq, type SQL, sql } from 'drizzle-orm';
import { checkClaimAdministrator } from '../domain/officer-rules.js';
import type { ClaimAdministrator, ClaimAdministratorInput } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { type ClaimAdminFilter, claimAdminDeleted, type PageArgs } from '../points.js';
import { checkUserExists, type OfficerDeps, outOfScope, personMatch } from './common.js';
import { personRegister, personValues } from './person-register.js';
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
  const register = personRegister(claimAdmin, {
    entity: 'ClaimAdministrator',
    searchRight: RIGHTS.claimAdminSearch,
    scope: (ctx) => location.facilityScopeCondition(ctx, claimAdmin.hfId),
    toRecords: async (_ctx, rows) => rows.map(toClaimAdmin),
    columns,
  });

  /** The facility's district, when the user may write there. */
  async function checkFacilityScope(ctx: Ctx, hfId: string): Promise<void> {
    const hf = await location.getHealthFacility(ctx, hfId);
    if (!hf || !(await location.isInScope(ctx, hf.locationId))) throw outOfScope();
  }

  async function loadWritable(ctx: Ctx, id: string): Promise<ClaimAdministrator> {
    const found = await register.loadVisible(ctx, id);
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
    const record: ClaimAdministrator = { id, ...personValues(input), healthFacilityId: hf!.id, userId };
    await register.checkUnique(ctx, id, record.code, userId);
    return record;
  }

  return {
    async searchClaimAdmins(
      ctx: Ctx,
      filter: ClaimAdminFilter,
      page: PageArgs,
    ): Promise<Connection<ClaimAdministrator>> {
      requireRight(ctx, RIGHTS.claimAdminSearch);
      const conds: Array<SQL | undefined> = [];
      const text = clean(filter.search);
      if (text) conds.push(personMatch(claimAdmin.code, [claimAdmin.lastName, claimAdmin.otherNames], text));
      const hf = clean(filter.healthFacilityId);
      if (hf) conds.push(isUuid(hf) ? eq(claimAdmin.hfId, hf) : sql`false`);
      return register.page(ctx, conds, page);
    },

    getClaimAdmin: register.get,
    findClaimAdminByCode: register.findByCode,
    findClaimAdminByUser: register.findByUser,

    async createClaimAdmin(ctx: Ctx, input: ClaimAdministratorInput) {
      requireRight(ctx, RIGHTS.claimAdminAdd);
      const c = await prepare(ctx, uuidv7(), input);
      return withTransaction(ctx, async (tx) => {
        await register.insert(tx, c);
        return c;
      });
    },

    async updateClaimAdmin(ctx: Ctx, id: string, input: ClaimAdministratorInput) {
      requireRight(ctx, RIGHTS.claimAdminEdit);
      const before = await loadWritable(ctx, id);
      const c = await prepare(ctx, before.id, input);
      return withTransaction(ctx, async (tx) => {
        await register.update(tx, before, c);
        return c;
      });
    },

    async deleteClaimAdmin(ctx: Ctx, id: string) {
      requireRight(ctx, RIGHTS.claimAdminDelete);
      const c = await loadWritable(ctx, id);
      await withTransaction(ctx, async (tx) => {
        await hooks.runValidate(claimAdminDeleted, { claimAdmin: c }, tx);
        await hooks.runBefore(claimAdminDeleted, { claimAdmin: c }, tx);
        await register.softDelete(tx, c);
        await hooks.runAfter(claimAdminDeleted, { claimAdmin: c }, tx);
      });
    },
  };
}
