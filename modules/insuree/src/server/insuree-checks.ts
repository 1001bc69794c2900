import { randomInt } from 'node:crypto';
import type { CodeListService } from '@mutua/codelist';
import {
  ConflictError,
  type Ctx,
  type FieldProblem,
  ForbiddenError,
  type Hooks,
  InputError,
  isUuid,
  RuleViolation,
} from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { duplicateReasons, type PersonKey } from '../domain/duplicates.js';
import { type NumberFormat, numberProblems, randomNumber } from '../domain/insurance-number.js';
import { type FamilyValues, type InsureeValues, phoneDigits } from '../domain/rules.js';
import type { DuplicateCandidate } from '../domain/types.js';
import type { EnrolOptions } from '../points.js';
import type { Reader } from './read.js';
import { insuree } from './schema.js';

export interface WriteDeps {
  hooks: Hooks;
  location: LocationService;
  codeLists: CodeListService;
  read: Reader;
  numberFormat: NumberFormat;
  maxPhotoBytes: number;
  duplicateNameSimilarity: number;
}

export const today = (): string => new Date().toISOString().slice(0, 10);
export const outOfScope = () => new ForbiddenError(undefined, 'insuree.error.outOfScope');
export const numberTaken = (chfId: string) =>
  new ConflictError('insuree.error.numberTaken', { chfId, field: 'chfId' }, [
    { field: 'chfId', key: 'insuree.error.numberTaken', params: { chfId } },
  ]);

/** Insurance-number, code-list and place checks shared by every insuree write. */
export function createChecks(deps: WriteDeps) {
  const { location, codeLists, numberFormat: fmt } = deps;

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
  return { isNumberFree, newNumber, insureeProblems, familyProblems, refuse, duplicatesOf, refuseDuplicates };
}

export type Checks = ReturnType<typeof createChecks>;
