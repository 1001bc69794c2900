import { checkCode, checkEnum, checkText, clean, EMAIL_RE, isIsoDate } from './text.js';
import {
  CARE_TYPES,
  type Catchment,
  type HealthFacilityInput,
  HF_LEVELS,
  HF_STATUSES,
  HF_SUB_LEVELS,
  LEGAL_FORMS,
  type Problem,
} from './types.js';

export const HF_CODE_MAX = 8;
export const HF_NAME_MAX = 100;

/** Field rules of a health facility (DOMAIN.md §4.2); the tree and scope checks need the database and live in the service. */
export function checkHealthFacility(input: HealthFacilityInput, opts: { contractDatesMandatory: boolean }): Problem[] {
  const p: Problem[] = [];
  checkCode(p, 'code', input.code, HF_CODE_MAX);
  checkText(p, 'name', input.name, HF_NAME_MAX, true);
  checkText(p, 'accCode', input.accCode, 25, false);
  checkEnum(p, 'legalForm', input.legalForm, LEGAL_FORMS, true);
  checkEnum(p, 'level', input.level, HF_LEVELS, true);
  checkEnum(p, 'subLevel', input.subLevel, HF_SUB_LEVELS, false);
  checkEnum(p, 'careType', input.careType, CARE_TYPES, true);
  checkEnum(p, 'status', input.status, HF_STATUSES, false);
  if (clean(input.locationId) === null) {
    p.push({ field: 'locationId', key: 'location.error.required', params: { field: 'location.field.district' } });
  }
  checkText(p, 'address', input.address, 100, false);
  checkText(p, 'phone', input.phone, 50, false);
  checkText(p, 'fax', input.fax, 50, false);
  checkText(p, 'email', input.email, 50, false);
  const email = clean(input.email);
  if (email !== null && email.length <= 50 && !EMAIL_RE.test(email))
    p.push({ field: 'email', key: 'location.error.email' });
  p.push(...checkContractDates(input.contractStartDate, input.contractEndDate, opts.contractDatesMandatory));
  p.push(...checkCatchments(input.catchments ?? []));
  return p;
}

/** Both dates or neither; the end strictly after the start; both required when the scheme says so. */
export function checkContractDates(
  start: string | null | undefined,
  end: string | null | undefined,
  mandatory: boolean,
): Problem[] {
  const s = clean(start);
  const e = clean(end);
  const p: Problem[] = [];
  if (s !== null && !isIsoDate(s)) p.push({ field: 'contractStartDate', key: 'location.error.date' });
  if (e !== null && !isIsoDate(e)) p.push({ field: 'contractEndDate', key: 'location.error.date' });
  if (p.length) return p;
  if (s === null && e === null) {
    if (mandatory) {
      p.push({
        field: 'contractStartDate',
        key: 'location.error.required',
        params: { field: 'location.field.contractStartDate' },
      });
    }
    return p;
  }
  if (s === null) p.push({ field: 'contractStartDate', key: 'location.error.contractBoth' });
  else if (e === null) p.push({ field: 'contractEndDate', key: 'location.error.contractBoth' });
  // ISO dates compare correctly as strings.
  else if (e <= s) p.push({ field: 'contractEndDate', key: 'location.error.contractOrder' });
  return p;
}

/** Each village at most once, each percentage a whole number 0–100 (share of that village's population). */
export function checkCatchments(catchments: readonly Catchment[]): Problem[] {
  const p: Problem[] = [];
  const seen = new Set<string>();
  catchments.forEach((c, i) => {
    if (seen.has(c.villageId)) p.push({ field: `catchments.${i}.villageId`, key: 'location.error.catchmentDuplicate' });
    seen.add(c.villageId);
    if (!Number.isInteger(c.percentage) || c.percentage < 0 || c.percentage > 100) {
      p.push({ field: `catchments.${i}.percentage`, key: 'location.error.percentage' });
    }
  });
  return p;
}

/**
 * Population a facility serves: Σ over its catchment villages of (male + female + other) × percentage / 100
 * (RULES.md capitation "TotalPopulation"). Exact in integers until the one final division.
 */
export function catchmentPopulation(
  catchments: readonly Catchment[],
  population: (villageId: string) => number,
): number {
  let hundredths = 0;
  for (const c of catchments) hundredths += population(c.villageId) * c.percentage;
  return hundredths / 100;
}
