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
  queryRows,
  RuleViolation,
  recordAudit,
  requireRight,
  requireUser,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import { and, asc, count, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { checkEnrolmentOfficer, checkVillages, substituteCycle } from '../domain/officer-rules.js';
import type { EnrolmentOfficer, EnrolmentOfficerInput } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { type OfficerFilter, officerDeleted, type PageArgs } from '../points.js';
import {
  checkUserExists,
  codeTaken,
  guardUnique,
  type OfficerDeps,
  outOfScope,
  personMatch,
  userTaken,
} from './common.js';
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
  const scope = (ctx: Ctx) => location.scopeCondition(ctx, officer.locationId);

  /** Current officers matching `where`, in the user's scope (no right check: callers do it). */
  async function select(ctx: Ctx, where: SQL | undefined): Promise<EnrolmentOfficer[]> {
    const rows = await ctx.db
      .select()
      .from(officer)
      .where(and(where, isNull(officer.deletedAt), await scope(ctx)));
    return withVillages(ctx, rows);
  }
  const loadVisible = async (ctx: Ctx, id: string) =>
    isUuid(id) ? (await select(ctx, eq(officer.id, id)))[0] : undefined;

  async function loadWritable(ctx: Ctx, id: string): Promise<EnrolmentOfficer> {
    const found = await loadVisible(ctx, id);
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
      if (!(await loadVisible(ctx, substituteId))) {
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
      code: clean(input.code)!,
      lastName: clean(input.lastName)!,
      otherNames: clean(input.otherNames)!,
      dob: clean(input.dob),
      phone: clean(input.phone),
      email: clean(input.email),
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
    // Scope-blind on purpose: codes and accounts are unique nationally.
    const [sameCode] = await ctx.db
      .select({ id: officer.id })
      .from(officer)
      .where(and(eq(officer.code, record.code), isNull(officer.deletedAt), ne(officer.id, id)));
    if (sameCode) throw codeTaken(record.code);
    if (userId) {
      const [sameUser] = await ctx.db
        .select({ id: officer.id })
        .from(officer)
        .where(and(eq(officer.userId, userId), isNull(officer.deletedAt), ne(officer.id, id)));
      if (sameUser) throw userTaken();
    }
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
      const conds: Array<SQL | undefined> = [isNull(officer.deletedAt)];
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
      conds.push(await scope(ctx));
      const where = and(...conds);
      return keysetPage<EnrolmentOfficer>({
        first: page.first,
        after: page.after,
        key: (o) => [o.code, o.id],
        fetch: async (limit, after) => {
          const rows = await ctx.db
            .select()
            .from(officer)
            .where(and(where, after ? keysetAfter([officer.code, officer.id], after) : undefined))
            .orderBy(asc(officer.code), asc(officer.id))
            .limit(limit);
          return withVillages(ctx, rows);
        },
        count: async () => (await ctx.db.select({ n: count() }).from(officer).where(where))[0]?.n ?? 0,
      });
    },

    async getOfficer(ctx: Ctx, id: string) {
      requireRight(ctx, RIGHTS.officerSearch);
      return (await loadVisible(ctx, id)) ?? null;
    },

    async findOfficerByCode(ctx: Ctx, code: string) {
      requireRight(ctx, RIGHTS.officerSearch);
      const c = clean(code);
      return c ? ((await select(ctx, eq(officer.code, c)))[0] ?? null) : null;
    },

    /** Users may look up their own officer record; anyone else's needs the search right. */
    async findOfficerByUser(ctx: Ctx, userId: string) {
      const me = requireUser(ctx);
      if (me.id !== userId) requireRight(ctx, RIGHTS.officerSearch);
      if (!isUuid(userId)) return null;
      const rows = await ctx.db
        .select()
        .from(officer)
        .where(
          and(eq(officer.userId, userId), isNull(officer.deletedAt), me.id === userId ? undefined : await scope(ctx)),
        );
      return (await withVillages(ctx, rows))[0] ?? null;
    },

    async createOfficer(ctx: Ctx, input: EnrolmentOfficerInput) {
      requireRight(ctx, RIGHTS.officerAdd);
      const o = await prepare(ctx, uuidv7(), input);
      return withTransaction(ctx, async (tx) => {
        await guardUnique(o.code, () => tx.db.insert(officer).values({ id: o.id, ...columns(o) }));
        await writeVillages(tx, o);
        await recordAudit(tx, { entity: 'EnrolmentOfficer', entityId: o.id, action: 'create', after: o });
        return o;
      });
    },

    async updateOfficer(ctx: Ctx, id: string, input: EnrolmentOfficerInput) {
      requireRight(ctx, RIGHTS.officerEdit);
      const before = await loadWritable(ctx, id);
      const o = await prepare(ctx, before.id, input);
      return withTransaction(ctx, async (tx) => {
        await guardUnique(o.code, () =>
          tx.db
            .update(officer)
            .set({ ...columns(o), updatedAt: sql`now()` })
            .where(and(eq(officer.id, o.id), isNull(officer.deletedAt))),
        );
        await writeVillages(tx, o);
        await recordAudit(tx, { entity: 'EnrolmentOfficer', entityId: o.id, action: 'update', before, after: o });
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
        await tx.db.update(officer).set({ deletedAt: sql`now()` }).where(eq(officer.id, o.id));
        await recordAudit(tx, { entity: 'EnrolmentOfficer', entityId: o.id, action: 'delete', before: o });
        await hooks.runAfter(officerDeleted, { officer: o }, tx);
      });
    },
  };
}
