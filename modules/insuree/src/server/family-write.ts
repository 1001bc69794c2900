import { type Ctx, requireRight, uuidv7, withTransaction } from '@mutua/kernel';
import { and, eq, isNull } from 'drizzle-orm';
import { checkFamily, checkInsuree, type FamilyValues } from '../domain/rules.js';
import type { Family, FamilyInput, Insuree, InsureeInput } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { type EnrolOptions, insureeAdded } from '../points.js';
import { type Checks, today, type WriteDeps } from './insuree-checks.js';
import { toFamily } from './read.js';
import type { FamilyRow, RowVersions } from './row-versions.js';
import { family, insuree } from './schema.js';

/** Family writes: enrolling a family with its head, changing and deleting it, changing its head. */
export function familyWrites(deps: WriteDeps, checks: Checks, rows: RowVersions) {
  const { hooks } = deps;
  const { newNumber, insureeProblems, familyProblems, refuse, duplicatesOf, refuseDuplicates } = checks;
  const { writableFamilyRow, close, insertInsuree, reviseFamily, audit, columns, removeMember, doChangeHead } = rows;

  return {
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

    async changeHead(ctx: Ctx, familyId: string, newHeadId: string): Promise<Family> {
      requireRight(ctx, RIGHTS.familyEdit);
      const fam = await writableFamilyRow(ctx, familyId);
      return withTransaction(ctx, (tx) => doChangeHead(tx, fam, newHeadId));
    },
  };
}
