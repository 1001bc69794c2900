import {
  ConflictError,
  type Ctx,
  InputError,
  isUniqueViolation,
  isUuid,
  NotFoundError,
  recordAudit,
  uuidv7,
} from '@mutua/kernel';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { InsureeValues } from '../domain/rules.js';
import type { Family, Insuree } from '../domain/types.js';
import { insureeRemoved } from '../points.js';
import { numberTaken, outOfScope, type WriteDeps } from './insuree-checks.js';
import { toFamily, toInsuree } from './read.js';
import { family, insuree } from './schema.js';

export type InsureeRow = typeof insuree.$inferSelect;
export type FamilyRow = typeof family.$inferSelect;

/** The current versions of family and insuree rows: read for a write, closed, revised and audited. */
export function createRowVersions(deps: WriteDeps) {
  const { hooks, location, read } = deps;

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
    currentInsureeRow,
    writableFamilyRow,
    close,
    insertInsuree,
    reviseInsuree,
    reviseFamily,
    audit,
    columns,
    removeMember,
    doChangeHead,
  };
}

export type RowVersions = ReturnType<typeof createRowVersions>;
