import { randomInt } from 'node:crypto';
import type { CodeListService } from '@mutua/codelist';
import {
  ConflictError,
  type Ctx,
  type FieldProblem,
  ForbiddenError,
  type Hooks,
  InputError,
  isUniqueViolation,
  isUuid,
  NotFoundError,
  RuleViolation,
  recordAudit,
  requireRight,
  requireUser,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { duplicateReasons, type PersonKey } from '../domain/duplicates.js';
import { type NumberFormat, numberProblems, randomNumber } from '../domain/insurance-number.js';
import { checkFamily, checkInsuree, type FamilyValues, type InsureeValues, phoneDigits } from '../domain/rules.js';
import type { DuplicateCandidate, Family, FamilyInput, Insuree, InsureeInput } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { type EnrolOptions, insureeAdded, insureeRemoved } from '../points.js';
import type { Reader } from './read.js';
import { toFamily, toInsuree } from './read.js';
import { family, insuree, insureePhoto } from './schema.js';

export interface WriteDeps {
  hooks: Hooks;
  location: LocationService;
  codeLists: CodeListService;
  read: Reader;
  numberFormat: NumberFormat;
  maxPhotoBytes: number;
  duplicateNameSimilarity: number;
}

type InsureeRow = typeof insuree.$inferSelect;
type FamilyRow = typeof family.$inferSelect;

const today = (): string => new Date().toISOString().slice(0, 10);
const outOfScope = () => new ForbiddenError(undefined, 'insuree.error.outOfScope');
const numberTaken = (chfId: string) =>
  new ConflictError('insuree.error.numberTaken', { chfId, field: 'chfId' }, [
    { field: 'chfId', key: 'insuree.error.numberTaken', params: { chfId } },
  ]);

/** Insurance-number, code-list and place checks shared by every insuree write. */
export function createWriter(deps: WriteDeps) {
  const { hooks, location, codeLists, read, numberFormat: fmt } = deps;

  async function isNumberFree(ctx: Ctx, chfId: string, exceptId: string | null): Promise<boolean> {
    const [row] = await ctx.db
      .select({ id: insuree.id })
      .from(insuree)
      .where(and(eq(insuree.chfId, chfId), isNull(insuree.validTo)))
      .limit(1);
    return !row || row.id === exceptId;
  }

  async function newNumber(ctx: Ctx): Promise<string> {
    for (let i = 0; i < 50; i++) {
      const n = randomNumber(fmt, () => randomInt(0, 1_000_000) / 1_000_000);
      if (await isNumberFree(ctx, n, null)) return n;
    }
    throw new ConflictError('insuree.error.numberExhausted');
  }

  /** The village (a last-level location the user may write at) and the optional facility. */
  async function placeProblems(
    ctx: Ctx,
    field: string,
    villageId: string | null,
    opts: { write: boolean },
  ): Promise<FieldProblem[]> {
    if (!villageId) return [];
    const loc = isUuid(villageId) ? await location.getLocation(ctx, villageId) : null;
    if (!loc) return [{ field, key: 'insuree.error.notFound' }];
    if (loc.type !== location.levels.at(-1)) return [{ field, key: 'insuree.error.notVillage' }];
    if (opts.write && !(await location.isInScope(ctx, villageId))) throw outOfScope();
    return [];
  }

  async function insureeProblems(
    ctx: Ctx,
    v: InsureeValues,
    prefix: string,
    exceptId: string | null,
    isHead: boolean,
  ): Promise<FieldProblem[]> {
    const p: FieldProblem[] = [];
    const code = async (list: string, field: string, value: string | null, required = false) =>
      p.push(
        ...(await codeLists.check(ctx, list, prefix + field, value, {
          required,
          includeInactive: false,
          fieldLabel: `insuree.field.${field}`,
        })),
      );
    await code('gender', 'gender', v.gender, true);
    if (!isHead) await code('relationship', 'relationship', v.relationship);
    await code('maritalStatus', 'maritalStatus', v.maritalStatus);
    await code('profession', 'profession', v.profession);
    await code('education', 'education', v.education);
    await code('identificationType', 'typeOfId', v.typeOfId);
    p.push(...(await placeProblems(ctx, `${prefix}currentVillageId`, v.currentVillageId, { write: false })));
    if (v.healthFacilityId) {
      const hf = isUuid(v.healthFacilityId) ? await location.getHealthFacility(ctx, v.healthFacilityId) : null;
      if (!hf) p.push({ field: `${prefix}healthFacilityId`, key: 'insuree.error.notFound' });
    }
    if (v.chfId !== null) {
      const np = numberProblems(v.chfId, fmt);
      if (np.length) p.push(...np.map((n) => ({ field: `${prefix}chfId`, key: n.key, params: n.params ?? {} })));
      else if (!(await isNumberFree(ctx, v.chfId, exceptId))) {
        p.push({ field: `${prefix}chfId`, key: 'insuree.error.numberTaken', params: { chfId: v.chfId } });
      }
    }
    return p;
  }

  async function familyProblems(ctx: Ctx, v: FamilyValues): Promise<FieldProblem[]> {
    const p: FieldProblem[] = [];
    p.push(...(await placeProblems(ctx, 'locationId', v.locationId || null, { write: true })));
    for (const [list, field, value] of [
      ['familyType', 'familyType', v.familyType],
      ['confirmationType', 'confirmationType', v.confirmationType],
    ] as const) {
      p.push(...(await codeLists.check(ctx, list, field, value, { fieldLabel: `insuree.field.${field}` })));
    }
    if (v.confirmationType && !v.confirmationNo) {
      const entry = (await codeLists.entries(ctx, 'confirmationType')).find((e) => e.code === v.confirmationType);
      if (entry?.requiresNumber) p.push({ field: 'confirmationNo', key: 'insuree.error.confirmationNoRequired' });
    }
    return p;
  }

  /** Refuses the input with every problem found, naming each field. A taken number alone is a conflict. */
  function refuse(raw: FieldProblem[]): void {
    if (!raw.length) return;
    // Messages name the field by its translated label (`insuree.field.<name>`).
    const problems: FieldProblem[] = raw.map((p) => ({
      ...p,
      params: { field: `insuree.field.${p.field.split('.').at(-1)}`, ...(p.params ?? {}) },
    }));
    if (problems.length === 1 && problems[0]!.key === 'insuree.error.numberTaken') {
      throw numberTaken(String(problems[0]!.params?.chfId ?? ''));
    }
    throw InputError.fields(problems);
  }

  async function duplicatesOf(
    ctx: Ctx,
    v: Pick<InsureeValues, 'chfId' | 'lastName' | 'otherNames' | 'dob' | 'phone' | 'passport' | 'currentVillageId'>,
    villageId: string | null,
    exceptId: string | null,
  ): Promise<DuplicateCandidate[]> {
    const villages = [villageId, v.currentVillageId].filter((x): x is string => !!x && isUuid(x));
    const digits = v.phone ? phoneDigits(v.phone) : '';
    const conds: SQL[] = [];
    if (v.chfId) conds.push(sql`i.chf_id = ${v.chfId}`);
    if (v.dob && villages.length) {
      const arr = `{${villages.join(',')}}`;
      conds.push(
        sql`(i.dob = ${v.dob} AND (f.location_id = ANY(${arr}::uuid[]) OR i.current_village_id = ANY(${arr}::uuid[])))`,
      );
    }
    if (digits.length >= 6) conds.push(sql`regexp_replace(i.phone, '\\D', '', 'g') = ${digits}`);
    if (v.passport) conds.push(sql`i.passport = ${v.passport}`);
    if (!conds.length) return [];
    // Scope-blind on purpose: the same person enrolled in another district is the duplicate that matters most.
    const res = await ctx.db.execute(sql`
      SELECT i.id, i.family_id, i.chf_id, i.last_name, i.other_names, i.dob::text AS dob, i.phone, i.passport,
             i.current_village_id, f.location_id
      FROM insuree i LEFT JOIN family f ON f.id = i.family_id AND f.valid_to IS NULL
      WHERE i.valid_to IS NULL ${exceptId && isUuid(exceptId) ? sql`AND i.id <> ${exceptId}` : sql``}
        AND (${sql.join(conds, sql` OR `)})
      ORDER BY i.last_name, i.other_names, i.id
      LIMIT 200`);
    type Row = {
      id: string;
      family_id: string;
      chf_id: string;
      last_name: string;
      other_names: string;
      dob: string;
      phone: string | null;
      passport: string | null;
      current_village_id: string | null;
      location_id: string | null;
    };
    const rows = ((res as unknown as { rows?: Row[] }).rows ?? (res as unknown as Row[])) as Row[];
    const me: PersonKey = { ...v, villageIds: villages };
    return rows.flatMap((r) => {
      const other: PersonKey = {
        chfId: r.chf_id,
        lastName: r.last_name,
        otherNames: r.other_names,
        dob: r.dob,
        villageIds: [r.location_id, r.current_village_id].filter((x): x is string => !!x),
        phone: r.phone,
        passport: r.passport,
      };
      const reasons = duplicateReasons(me, other, deps.duplicateNameSimilarity);
      return reasons.length
        ? [
            {
              insureeId: r.id,
              familyId: r.family_id,
              chfId: r.chf_id,
              lastName: r.last_name,
              otherNames: r.other_names,
              dob: r.dob,
              reasons,
            },
          ]
        : [];
    });
  }

  /** Likely duplicates stop the enrolment until the user confirms them (`confirmDuplicates`). */
  function refuseDuplicates(found: DuplicateCandidate[], opts: EnrolOptions | undefined, prefix: string): void {
    if (!found.length || opts?.confirmDuplicates) return;
    throw new RuleViolation(
      'insuree.error.duplicates',
      { count: found.length, field: `${prefix}confirmDuplicates` },
      found.map((d, i) => ({
        field: `duplicates.${i}`,
        key: 'insuree.error.duplicateCandidate',
        params: {
          insureeId: d.insureeId,
          familyId: d.familyId,
          chfId: d.chfId,
          lastName: d.lastName,
          otherNames: d.otherNames,
          dob: d.dob,
          reasons: d.reasons.join(','),
        },
      })),
    );
  }

  async function currentInsureeRow(ctx: Ctx, id: string): Promise<InsureeRow> {
    const visible = isUuid(id) ? await read.getInsuree(ctx, id) : null;
    if (!visible) throw new NotFoundError('Insuree', id);
    const [row] = await ctx.db
      .select()
      .from(insuree)
      .where(and(eq(insuree.id, id), isNull(insuree.validTo)));
    if (!row) throw new NotFoundError('Insuree', id);
    return row;
  }

  async function writableFamilyRow(ctx: Ctx, id: string): Promise<FamilyRow> {
    const visible = isUuid(id) ? await read.getFamily(ctx, id) : null;
    if (!visible) throw new NotFoundError('Family', id);
    if (!(await location.isInScope(ctx, visible.locationId))) throw outOfScope();
    const [row] = await ctx.db
      .select()
      .from(family)
      .where(and(eq(family.id, id), isNull(family.validTo)));
    if (!row) throw new NotFoundError('Family', id);
    return row;
  }

  /** Closes the version read before the change; a change by someone else meanwhile is a conflict, not a lost update. */
  async function close(tx: Ctx, table: typeof insuree | typeof family, rowId: string): Promise<void> {
    const closed = await tx.db
      .update(table)
      .set({ validTo: sql`now()` })
      .where(and(eq(table.rowId, rowId), isNull(table.validTo)))
      .returning({ rowId: table.rowId });
    if (!closed.length) throw new ConflictError('insuree.error.changedMeanwhile');
  }

  async function insertInsuree(tx: Ctx, row: Omit<InsureeRow, 'rowId' | 'validFrom' | 'validTo'>): Promise<Insuree> {
    try {
      const [r] = await tx.db
        .insert(insuree)
        .values({ ...row, rowId: uuidv7(), validFrom: sql`now()` } as never)
        .returning();
      return toInsuree(r as InsureeRow);
    } catch (err) {
      if (isUniqueViolation(err)) throw numberTaken(row.chfId);
      throw err;
    }
  }

  async function reviseInsuree(tx: Ctx, old: InsureeRow, changes: Partial<InsureeRow>): Promise<Insuree> {
    await close(tx, insuree, old.rowId);
    const { rowId: _r, validFrom: _f, validTo: _t, ...rest } = old;
    return insertInsuree(tx, { ...rest, ...changes });
  }

  async function reviseFamily(tx: Ctx, old: FamilyRow, changes: Partial<FamilyRow>): Promise<Family> {
    await close(tx, family, old.rowId);
    const { rowId: _r, validFrom: _f, validTo: _t, ...rest } = old;
    const [r] = await tx.db
      .insert(family)
      .values({ ...rest, ...changes, rowId: uuidv7(), validFrom: sql`now()` } as never)
      .returning();
    return toFamily(r as FamilyRow);
  }

  const audit = (
    tx: Ctx,
    entity: 'Family' | 'Insuree',
    entityId: string,
    action: string,
    before: unknown,
    after: unknown,
  ) => recordAudit(tx, { entity, entityId, action, before, after });

  /** Stored columns of insuree values (the head has no relationship). */
  const columns = (v: InsureeValues, isHead: boolean) => ({
    lastName: v.lastName,
    otherNames: v.otherNames,
    dob: v.dob,
    gender: v.gender,
    relationship: isHead ? null : v.relationship,
    maritalStatus: v.maritalStatus,
    profession: v.profession,
    education: v.education,
    phone: v.phone,
    email: v.email,
    typeOfId: v.typeOfId,
    passport: v.passport,
    currentVillageId: v.currentVillageId,
    currentAddress: v.currentAddress,
    healthFacilityId: v.healthFacilityId,
    cardIssued: v.cardIssued,
    jsonExt: v.jsonExt,
  });

  async function removeMember(tx: Ctx, row: InsureeRow, action: string): Promise<void> {
    await close(tx, insuree, row.rowId);
    await audit(tx, 'Insuree', row.id, action, toInsuree(row), null);
    await hooks.runAfter(insureeRemoved, { familyId: row.familyId, insureeId: row.id }, tx);
  }

  async function doChangeHead(tx: Ctx, famRow: FamilyRow, newHeadId: string): Promise<Family> {
    const members = await tx.db
      .select()
      .from(insuree)
      .where(and(eq(insuree.familyId, famRow.id), isNull(insuree.validTo)));
    const next = members.find((m) => m.id === newHeadId);
    if (!next) throw InputError.fields([{ field: 'newHeadId', key: 'insuree.error.notMember' }]);
    const old = members.find((m) => m.isHead);
    if (old?.id === next.id) return toFamily(famRow);
    // The old head becomes a plain member first: one head per family at any time (unique index).
    if (old) await reviseInsuree(tx, old, { isHead: false, relationship: null });
    await reviseInsuree(tx, next, { isHead: true, relationship: null });
    const fam = await reviseFamily(tx, famRow, { headInsureeId: next.id });
    await audit(tx, 'Family', famRow.id, 'changeHead', { headInsureeId: old?.id ?? null }, { headInsureeId: next.id });
    return fam;
  }

  return {
    async newInsuranceNumber(ctx: Ctx): Promise<string> {
      requireUser(ctx);
      return newNumber(ctx);
    },

    async numberProblems(ctx: Ctx, chfId: string, exceptId?: string | null): Promise<FieldProblem[]> {
      requireUser(ctx);
      const np = numberProblems(chfId, fmt);
      if (np.length) return np.map((n) => ({ field: 'chfId', key: n.key, params: n.params ?? {} }));
      return (await isNumberFree(ctx, chfId.trim(), exceptId ?? null))
        ? []
        : [{ field: 'chfId', key: 'insuree.error.numberTaken', params: { chfId: chfId.trim() } }];
    },

    async findDuplicates(
      ctx: Ctx,
      input: InsureeInput & { villageId?: string | null; exceptId?: string | null },
    ): Promise<DuplicateCandidate[]> {
      requireUser(ctx);
      const { values } = checkInsuree(input, today());
      return duplicatesOf(ctx, values, input.villageId ?? null, input.exceptId ?? null);
    },

    async createFamily(
      ctx: Ctx,
      famInput: FamilyInput,
      headInput: InsureeInput,
      opts?: EnrolOptions,
    ): Promise<{ family: Family; head: Insuree }> {
      requireRight(ctx, RIGHTS.familyAdd);
      const f = checkFamily(famInput);
      const h = checkInsuree(headInput, today(), 'head.');
      const problems = [...f.problems, ...h.problems];
      if (!f.problems.length) problems.push(...(await familyProblems(ctx, f.values)));
      problems.push(...(await insureeProblems(ctx, h.values, 'head.', null, true)));
      refuse(problems);
      refuseDuplicates(await duplicatesOf(ctx, h.values, f.values.locationId, null), opts, 'head.');
      return withTransaction(ctx, async (tx) => {
        const familyId = uuidv7();
        const headId = uuidv7();
        const chfId = h.values.chfId ?? (await newNumber(tx));
        const [famRow] = await tx.db
          .insert(family)
          .values({ ...f.values, id: familyId, rowId: uuidv7(), headInsureeId: headId })
          .returning();
        const fam = toFamily(famRow as FamilyRow);
        const head = await insertInsuree(tx, {
          ...columns(h.values, true),
          id: headId,
          familyId,
          chfId,
          isHead: true,
          photoId: null,
          enrolledOn: today(),
        });
        await audit(tx, 'Family', familyId, 'create', null, fam);
        await audit(tx, 'Insuree', headId, 'create', null, head);
        await hooks.runAfter(insureeAdded, { familyId, insureeId: headId, enrolledOn: today() }, tx);
        return { family: fam, head };
      });
    },

    async updateFamily(ctx: Ctx, id: string, input: FamilyInput): Promise<Family> {
      requireRight(ctx, RIGHTS.familyEdit);
      const row = await writableFamilyRow(ctx, id);
      const f = checkFamily(input);
      refuse(f.problems.length ? f.problems : await familyProblems(ctx, f.values));
      const before = toFamily(row);
      const same = (Object.keys(f.values) as Array<keyof FamilyValues>).every(
        (k) => JSON.stringify(f.values[k] ?? null) === JSON.stringify(row[k] ?? null),
      );
      if (same) return before;
      return withTransaction(ctx, async (tx) => {
        const after = await reviseFamily(tx, row, f.values);
        await audit(tx, 'Family', id, 'update', before, after);
        return after;
      });
    },

    async deleteFamily(ctx: Ctx, id: string): Promise<void> {
      requireRight(ctx, RIGHTS.familyDelete);
      const row = await writableFamilyRow(ctx, id);
      await withTransaction(ctx, async (tx) => {
        const members = await tx.db
          .select()
          .from(insuree)
          .where(and(eq(insuree.familyId, id), isNull(insuree.validTo)));
        for (const m of members) await removeMember(tx, m, 'delete');
        await close(tx, family, row.rowId);
        await audit(tx, 'Family', id, 'delete', toFamily(row), null);
      });
    },

    async addInsuree(ctx: Ctx, familyId: string, input: InsureeInput, opts?: EnrolOptions): Promise<Insuree> {
      requireRight(ctx, RIGHTS.insureeAdd);
      const fam = await writableFamilyRow(ctx, familyId);
      const v = checkInsuree(input, today());
      refuse([...v.problems, ...(await insureeProblems(ctx, v.values, '', null, false))]);
      refuseDuplicates(await duplicatesOf(ctx, v.values, fam.locationId, null), opts, '');
      return withTransaction(ctx, async (tx) => {
        const id = uuidv7();
        const added = await insertInsuree(tx, {
          ...columns(v.values, false),
          id,
          familyId,
          chfId: v.values.chfId ?? (await newNumber(tx)),
          isHead: false,
          photoId: null,
          enrolledOn: today(),
        });
        await audit(tx, 'Insuree', id, 'create', null, added);
        await hooks.runAfter(insureeAdded, { familyId, insureeId: id, enrolledOn: today() }, tx);
        return added;
      });
    },

    async updateInsuree(ctx: Ctx, id: string, input: InsureeInput): Promise<Insuree> {
      requireRight(ctx, RIGHTS.insureeEdit);
      const row = await currentInsureeRow(ctx, id);
      await writableFamilyRow(ctx, row.familyId);
      const v = checkInsuree(input, today());
      refuse([...v.problems, ...(await insureeProblems(ctx, v.values, '', id, row.isHead))]);
      const changes = { ...columns(v.values, row.isHead), chfId: v.values.chfId ?? row.chfId };
      const before = toInsuree(row);
      const same = (Object.keys(changes) as Array<keyof typeof changes>).every(
        (k) => JSON.stringify(changes[k] ?? null) === JSON.stringify(row[k] ?? null),
      );
      if (same) return before;
      return withTransaction(ctx, async (tx) => {
        const after = await reviseInsuree(tx, row, changes);
        await audit(tx, 'Insuree', id, 'update', before, after);
        return after;
      });
    },

    async moveInsuree(ctx: Ctx, id: string, targetFamilyId: string): Promise<Insuree> {
      requireRight(ctx, RIGHTS.insureeEdit);
      const row = await currentInsureeRow(ctx, id);
      await writableFamilyRow(ctx, row.familyId);
      const target = await writableFamilyRow(ctx, targetFamilyId);
      if (row.isHead) {
        throw new RuleViolation('insuree.error.moveHead', { field: 'id' }, [
          { field: 'id', key: 'insuree.error.moveHead' },
        ]);
      }
      if (target.id === row.familyId) return toInsuree(row);
      return withTransaction(ctx, async (tx) => {
        const moved = await reviseInsuree(tx, row, { familyId: target.id });
        await audit(tx, 'Insuree', id, 'move', { familyId: row.familyId }, { familyId: target.id });
        await hooks.runAfter(insureeRemoved, { familyId: row.familyId, insureeId: id }, tx);
        await hooks.runAfter(insureeAdded, { familyId: target.id, insureeId: id, enrolledOn: today() }, tx);
        return moved;
      });
    },

    async removeInsuree(ctx: Ctx, id: string, opts?: { newHeadId?: string | null }): Promise<void> {
      requireRight(ctx, RIGHTS.insureeDelete);
      const row = await currentInsureeRow(ctx, id);
      const fam = await writableFamilyRow(ctx, row.familyId);
      const newHeadId = opts?.newHeadId ?? null;
      if (row.isHead && (!newHeadId || newHeadId === id)) {
        throw new RuleViolation('insuree.error.removeHead', { field: 'newHeadId' }, [
          { field: 'newHeadId', key: 'insuree.error.removeHead' },
        ]);
      }
      await withTransaction(ctx, async (tx) => {
        if (row.isHead && newHeadId) {
          requireRight(tx, RIGHTS.familyEdit);
          await doChangeHead(tx, fam, newHeadId);
        }
        const [now] = await tx.db
          .select()
          .from(insuree)
          .where(and(eq(insuree.id, id), isNull(insuree.validTo)));
        await removeMember(tx, now!, 'delete');
      });
    },

    async changeHead(ctx: Ctx, familyId: string, newHeadId: string): Promise<Family> {
      requireRight(ctx, RIGHTS.familyEdit);
      const fam = await writableFamilyRow(ctx, familyId);
      return withTransaction(ctx, (tx) => doChangeHead(tx, fam, newHeadId));
    },

    async setPhoto(ctx: Ctx, insureeId: string, photo: { mime: string; data: Uint8Array } | null): Promise<Insuree> {
      requireRight(ctx, RIGHTS.insureeEdit);
      const row = await currentInsureeRow(ctx, insureeId);
      await writableFamilyRow(ctx, row.familyId);
      if (photo) {
        const kind = imageKind(photo.data);
        if (!kind || kind !== photo.mime) throw InputError.fields([{ field: 'photo', key: 'insuree.error.photoType' }]);
        if (photo.data.length > deps.maxPhotoBytes) {
          throw InputError.fields([
            {
              field: 'photo',
              key: 'insuree.error.photoTooLarge',
              params: { max: Math.floor(deps.maxPhotoBytes / 1024) },
            },
          ]);
        }
      }
      return withTransaction(ctx, async (tx) => {
        let photoId: string | null = null;
        if (photo) {
          photoId = uuidv7();
          await tx.db
            .insert(insureePhoto)
            .values({ id: photoId, insureeId, mime: photo.mime, bytes: photo.data.length, data: photo.data });
        }
        const after = await reviseInsuree(tx, row, { photoId });
        await audit(tx, 'Insuree', insureeId, 'photo', { photoId: row.photoId }, { photoId });
        return after;
      });
    },

    async getPhoto(ctx: Ctx, insureeId: string): Promise<{ mime: string; data: Uint8Array } | null> {
      const visible = await read.getInsuree(ctx, insureeId);
      if (!visible) return null;
      const [row] = await ctx.db
        .select({ photoId: insuree.photoId })
        .from(insuree)
        .where(and(eq(insuree.id, insureeId), isNull(insuree.validTo)));
      if (!row?.photoId) return null;
      const [p] = await ctx.db
        .select({ mime: insureePhoto.mime, data: insureePhoto.data })
        .from(insureePhoto)
        .where(eq(insureePhoto.id, row.photoId));
      return p ?? null;
    },
  };
}

/** The image type from the file's first bytes (never trust the declared type alone). */
export function imageKind(data: Uint8Array): 'image/jpeg' | 'image/png' | null {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length > 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47)
    return 'image/png';
  return null;
}
