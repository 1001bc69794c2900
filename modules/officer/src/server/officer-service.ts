import {
  type Connection,
  type Ctx,
  clean,
  type FieldProblem,
  InputError,
  isUuid,
  NotFoundError,
  queryRows,
  RuleViolation,
  requireRight,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { checkEnrolmentOfficer, checkVillages, substituteCycle } from '../domain/officer-rules.js';
import type { EnrolmentOfficer, EnrolmentOfficerInput } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { type OfficerFilter, officerDeleted, type PageArgs } from '../points.js';
import { checkUserExists, type OfficerDeps, outOfScope, personMatch } from './common.js';
import { personRegister, personValues } from './person-register.js';
import { officer, officerVillage } from './schema.js';

type Row = typeof officer.$inferSelect;

const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

function toOfficer(r: Row, villageIds: string[]): EnrolmentOfficer {
  return {
    id: r.id,
    code: r.code,
    lastName: r.lastName,
    otherNames: r.otherNames,
    dob: r.dob,
    phone: r.phone,
    email: r.email,
    locationId: r.locationId,
    substituteId: r.substituteId,
    worksTo: r.worksTo,
    veoCode: r.veoCode,
    veoLastName: r.veoLastName,
    veoOtherNames: r.veoOtherNames,
    veoDob: r.veoDob,
    veoPhone: r.veoPhone,
    phoneCommunication: r.phoneCommunication,
    address: r.address,
    userId: r.userId,
    villageIds,
  };
}

/** The columns of an officer's own row (its id goes in the key, its villages in their table). */
const columns = ({ id: _id, villageIds: _v, ...rest }: EnrolmentOfficer) => rest;

/** Villages served by these officers, in one query. */
async function villagesOf(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const rows = await ctx.db
    .select()
    .from(officerVillage)
    .where(inArray(officerVillage.officerId, [...ids]))
    .orderBy(asc(officerVillage.villageId));
  for (const r of rows) out.set(r.officerId, [...(out.get(r.officerId) ?? []), r.villageId]);
  return out;
}

async function withVillages(ctx: Ctx, rows: readonly Row[]): Promise<EnrolmentOfficer[]> {
  const villages = await villagesOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toOfficer(r, villages.get(r.id) ?? []));
}

export function createOfficerOps({ hooks, location }: OfficerDeps) {
  const register = personRegister(officer, {
    entity: 'EnrolmentOfficer',
    searchRight: RIGHTS.officerSearch,
    scope: (ctx) => location.scopeCondition(ctx, officer.locationId),
    toRecords: withVillages,
    columns,
  });

  async function loadWritable(ctx: Ctx, id: string): Promise<EnrolmentOfficer> {
    const found = await register.loadVisible(ctx, id);
    if (!found) throw new NotFoundError('EnrolmentOfficer', id);
    if (!(await location.isInScope(ctx, found.locationId))) throw outOfScope();
    return found;
  }

  /** Every officer reached from `from` through substitutes (a loop already stored ends the walk: UNION). */
  async function substituteChain(ctx: Ctx, from: string): Promise<Map<string, string | null>> {
    const rows = await queryRows<{ id: string; substitute_id: string | null }>(
      ctx.db,
      sql`WITH RECURSIVE chain(id, substitute_id) AS (
            SELECT id, substitute_id FROM officer WHERE id = ${from} AND deleted_at IS NULL
            UNION
            SELECT o.id, o.substitute_id FROM officer o JOIN chain c ON o.id = c.substitute_id
            WHERE o.deleted_at IS NULL
          ) SELECT id, substitute_id FROM chain`,
    );
    return new Map(rows.map((r) => [r.id, r.substitute_id]));
  }

  /** Every rule of the form, then the district's scope and the code and user uniqueness. */
  async function prepare(ctx: Ctx, id: string, input: EnrolmentOfficerInput): Promise<EnrolmentOfficer> {
    const problems: FieldProblem[] = checkEnrolmentOfficer(input, id);
    const levels = location.levels;
    const districtId = clean(input.locationId);
    let districtOk = false;
    if (districtId) {
      const district = isUuid(districtId) ? await location.getLocation(ctx, districtId) : null;
      // A district the user cannot see is refused as out of their scope (403), as the location module does.
      if (!district && isUuid(districtId) && !(await location.isInScope(ctx, districtId))) throw outOfScope();
      if (!district) problems.push({ field: 'locationId', key: 'officer.error.locationNotFound' });
      else if (district.type !== levels[1]) problems.push({ field: 'locationId', key: 'officer.error.notDistrict' });
      else districtOk = true;
    }
    const villageIds = [...(input.villageIds ?? [])].map((v) => v.trim());
    if (villageIds.length) {
      const found = await location.getLocations(ctx, villageIds.filter(isUuid));
      const villages = new Set(found.filter((l) => l.type === levels.at(-1)).map((l) => l.id));
      // Without a valid district every village is "outside" it; the district's own problem says why.
      const inDistrict = new Set(districtOk ? await location.subtreeIds(ctx, [districtId!]) : []);
      problems.push(...checkVillages(villageIds, villages, districtOk ? inDistrict : new Set(villages)));
    }
    const substituteId = clean(input.substituteId);
    if (substituteId && substituteId !== id) {
      if (!(await register.loadVisible(ctx, substituteId))) {
        problems.push({ field: 'substituteId', key: 'officer.error.substituteNotFound' });
      } else {
        const loop = substituteCycle(id, substituteId, await substituteChain(ctx, substituteId));
        if (loop)
          problems.push({
            field: 'substituteId',
            key: 'officer.error.substituteCycle',
            params: { length: loop.length - 1 },
          });
      }
    }
    const userId = clean(input.userId);
    await checkUserExists(ctx, userId, problems);
    if (problems.length) throw InputError.fields(problems);
    if (!(await location.isInScope(ctx, districtId!))) throw outOfScope();
    const record: EnrolmentOfficer = {
      id,
      ...personValues(input),
      locationId: districtId!,
      substituteId,
      worksTo: clean(input.worksTo),
      veoCode: clean(input.veoCode),
      veoLastName: clean(input.veoLastName),
      veoOtherNames: clean(input.veoOtherNames),
      veoDob: clean(input.veoDob),
      veoPhone: clean(input.veoPhone),
      phoneCommunication: input.phoneCommunication ?? false,
      address: clean(input.address),
      userId,
      villageIds: [...new Set(villageIds)],
    };
    await register.checkUnique(ctx, id, record.code, userId);
    return record;
  }

  async function writeVillages(tx: Ctx, o: EnrolmentOfficer): Promise<void> {
    await tx.db.delete(officerVillage).where(eq(officerVillage.officerId, o.id));
    if (o.villageIds.length) {
      await tx.db.insert(officerVillage).values(o.villageIds.map((villageId) => ({ officerId: o.id, villageId })));
    }
  }

  return {
    async searchOfficers(ctx: Ctx, filter: OfficerFilter, page: PageArgs): Promise<Connection<EnrolmentOfficer>> {
      requireRight(ctx, RIGHTS.officerSearch);
      const conds: Array<SQL | undefined> = [];
      const text = clean(filter.search);
      if (text) conds.push(personMatch(officer.code, [officer.lastName, officer.otherNames], text));
      const at = clean(filter.locationId);
      if (at) {
        const ids = isUuid(at) ? await location.subtreeIds(ctx, [at]) : [];
        conds.push(ids.length ? sql`${officer.locationId} = ANY(${uuidArray(ids)})` : sql`false`);
      }
      const village = clean(filter.villageId);
      if (village) {
        conds.push(
          isUuid(village)
            ? sql`EXISTS (SELECT 1 FROM officer_village ov WHERE ov.officer_id = ${officer.id} AND ov.village_id = ${village})`
            : sql`false`,
        );
      }
      return register.page(ctx, conds, page);
    },

    getOfficer: register.get,
    findOfficerByCode: register.findByCode,
    findOfficerByUser: register.findByUser,

    async createOfficer(ctx: Ctx, input: EnrolmentOfficerInput) {
      requireRight(ctx, RIGHTS.officerAdd);
      const o = await prepare(ctx, uuidv7(), input);
      return withTransaction(ctx, async (tx) => {
        await register.insert(tx, o);
        await writeVillages(tx, o);
        return o;
      });
    },

    async updateOfficer(ctx: Ctx, id: string, input: EnrolmentOfficerInput) {
      requireRight(ctx, RIGHTS.officerEdit);
      const before = await loadWritable(ctx, id);
      const o = await prepare(ctx, before.id, input);
      return withTransaction(ctx, async (tx) => {
        await register.update(tx, before, o);
        await writeVillages(tx, o);
        return o;
      });
    },

    async deleteOfficer(ctx: Ctx, id: string) {
      requireRight(ctx, RIGHTS.officerDelete);
      const o = await loadWritable(ctx, id);
      await withTransaction(ctx, async (tx) => {
        const substituted = await tx.db
          .select({ code: officer.code })
          .from(officer)
          .where(and(eq(officer.substituteId, o.id), isNull(officer.deletedAt)));
        if (substituted.length) {
          throw new RuleViolation('officer.error.stillSubstitute', {
            codes: substituted.map((s) => s.code).join(', '),
          });
        }
        await hooks.runValidate(officerDeleted, { officer: o }, tx);
        await hooks.runBefore(officerDeleted, { officer: o }, tx);
        await register.softDelete(tx, o);
        await hooks.runAfter(officerDeleted, { officer: o }, tx);
      });
    },
  };
}
