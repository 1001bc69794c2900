import { type Ctx, uuidv7 } from '@mutua/kernel';
import { sql } from 'drizzle-orm';
import type { PlannedFamily } from '../domain/households.js';
import { type NumberFormat, sequenceNumber } from '../domain/insurance-number.js';

/** Households to write in one statement pair: each with its village and the index of its first insurance number. */
export interface BulkFamily {
  plan: PlannedFamily;
  villageId: string;
  healthFacilityId: string | null;
}

/**
 * Writes households with two multi-row INSERTs (families, then insurees) whose rows travel as one JSON parameter:
 * thousands of rows per statement, under PostgreSQL's 65,535-parameter limit, on PGlite and PostgreSQL alike.
 * Numbers come from the sequence starting at `firstNumber`, so they are unique by construction.
 */
export async function insertHouseholds(
  ctx: Ctx,
  households: readonly BulkFamily[],
  fmt: NumberFormat,
  firstNumber: number,
  enrolledOn: string,
): Promise<number> {
  const fams: unknown[] = [];
  const ins: unknown[] = [];
  let n = firstNumber;
  for (const h of households) {
    const familyId = uuidv7();
    const ids = h.plan.members.map(() => uuidv7());
    fams.push({
      row_id: uuidv7(),
      id: familyId,
      head_insuree_id: ids[h.plan.members.findIndex((m) => m.isHead)],
      location_id: h.villageId,
      poverty: h.plan.poverty,
      family_type: h.plan.familyType,
    });
    h.plan.members.forEach((m, i) => {
      ins.push({
        row_id: uuidv7(),
        id: ids[i],
        family_id: familyId,
        chf_id: sequenceNumber(fmt, n++),
        last_name: m.lastName,
        other_names: m.otherNames,
        dob: m.dob,
        gender: m.gender,
        is_head: m.isHead,
        relationship: m.relationship,
        marital_status: m.maritalStatus,
        profession: m.profession,
        education: m.education,
        phone: m.phone,
        health_facility_id: h.healthFacilityId,
        enrolled_on: enrolledOn,
      });
    });
  }
  await ctx.db.execute(sql`
    INSERT INTO family (row_id, id, head_insuree_id, location_id, poverty, family_type)
    SELECT row_id, id, head_insuree_id, location_id, poverty, family_type
    FROM json_to_recordset(${JSON.stringify(fams)}::json)
      AS x(row_id uuid, id uuid, head_insuree_id uuid, location_id uuid, poverty boolean, family_type varchar)`);
  await ctx.db.execute(sql`
    INSERT INTO insuree (row_id, id, family_id, chf_id, last_name, other_names, dob, gender, is_head, relationship,
                         marital_status, profession, education, phone, health_facility_id, enrolled_on)
    SELECT row_id, id, family_id, chf_id, last_name, other_names, dob, gender, is_head, relationship,
           marital_status, profession, education, phone, health_facility_id, enrolled_on
    FROM json_to_recordset(${JSON.stringify(ins)}::json)
      AS x(row_id uuid, id uuid, family_id uuid, chf_id varchar, last_name varchar, other_names varchar, dob date,
           gender varchar, is_head boolean, relationship varchar, marital_status varchar, profession varchar,
           education varchar, phone varchar, health_facility_id uuid, enrolled_on date)`);
  return n - firstNumber;
}
