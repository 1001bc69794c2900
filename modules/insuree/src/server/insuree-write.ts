import {
  type Ctx,
  type FieldProblem,
  RuleViolation,
  requireRight,
  requireUser,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import { and, eq, isNull } from 'drizzle-orm';
import { numberProblems } from '../domain/insurance-number.js';
import { checkInsuree } from '../domain/rules.js';
import type { DuplicateCandidate, Insuree, InsureeInput } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { type EnrolOptions, insureeAdded, insureeRemoved } from '../points.js';
import { type Checks, today, type WriteDeps } from './insuree-checks.js';
import { toInsuree } from './read.js';
import type { RowVersions } from './row-versions.js';
import { insuree } from './schema.js';

/** Insuree writes: insurance numbers, duplicate search, adding, changing, moving and removing a member. */
export function insureeWrites(deps: WriteDeps, checks: Checks, rows: RowVersions) {
  const { hooks, numberFormat: fmt } = deps;
  const { isNumberFree, newNumber, insureeProblems, refuse, duplicatesOf, refuseDuplicates } = checks;
  const {
    currentInsureeRow,
    writableFamilyRow,
    insertInsuree,
    reviseInsuree,
    audit,
    columns,
    removeMember,
    doChangeHead,
  } = rows;

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
  };
}
