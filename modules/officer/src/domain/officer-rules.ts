import { checkEmail, checkText, clean, type FieldProblem } from '@mutua/kernel';
import { checkCode, checkDate, EMAIL_MAX, isIsoDate } from './text.js';
import type { ClaimAdministratorInput, EnrolmentOfficerInput } from './types.js';

export const CODE_MAX = 8;
export const NAME_MAX = 100;
const NS = 'officer';

const required = (p: FieldProblem[], field: string, value: string | null | undefined) => {
  if (clean(value) === null) p.push({ field, key: `${NS}.error.required`, params: { field: `${NS}.field.${field}` } });
};

/** The person fields shared by officers and claim administrators. */
function checkPerson(p: FieldProblem[], input: EnrolmentOfficerInput | ClaimAdministratorInput): void {
  checkCode(NS, p, 'code', input.code, CODE_MAX);
  checkText(NS, p, 'lastName', input.lastName, NAME_MAX, true);
  checkText(NS, p, 'otherNames', input.otherNames, NAME_MAX, true);
  checkDate(NS, p, 'dob', input.dob);
  checkText(NS, p, 'phone', input.phone, 50, false);
  checkEmail(NS, p, 'email', input.email, EMAIL_MAX);
}

/** The end of employment, when both dates are known, comes after the birth date. */
export function checkWorksTo(dob: string | null | undefined, worksTo: string | null | undefined): FieldProblem[] {
  const d = clean(dob);
  const w = clean(worksTo);
  if (d === null || w === null || !isIsoDate(d) || !isIsoDate(w)) return [];
  return w > d ? [] : [{ field: 'worksTo', key: `${NS}.error.worksToBeforeDob` }];
}

/** Field rules of an enrolment officer; the district, villages, substitute and user need the database. */
export function checkEnrolmentOfficer(input: EnrolmentOfficerInput, id?: string | null): FieldProblem[] {
  const p: FieldProblem[] = [];
  checkPerson(p, input);
  required(p, 'locationId', input.locationId);
  checkDate(NS, p, 'worksTo', input.worksTo);
  p.push(...checkWorksTo(input.dob, input.worksTo));
  checkText(NS, p, 'veoCode', input.veoCode, 25, false);
  checkText(NS, p, 'veoLastName', input.veoLastName, NAME_MAX, false);
  checkText(NS, p, 'veoOtherNames', input.veoOtherNames, NAME_MAX, false);
  checkDate(NS, p, 'veoDob', input.veoDob);
  checkText(NS, p, 'veoPhone', input.veoPhone, 25, false);
  checkText(NS, p, 'address', input.address, 200, false);
  if (id && clean(input.substituteId) === id) p.push({ field: 'substituteId', key: `${NS}.error.substituteSelf` });
  return p;
}

/** Field rules of a claim administrator; the facility and user need the database. */
export function checkClaimAdministrator(input: ClaimAdministratorInput): FieldProblem[] {
  const p: FieldProblem[] = [];
  checkPerson(p, input);
  required(p, 'healthFacilityId', input.healthFacilityId);
  return p;
}

/**
 * Whether making `substituteId` the substitute of `id` closes a loop: following the substitutes from `substituteId`
 * (`substituteOf` gives each officer's current substitute) comes back to `id`. Returns the loop, `id` first and last,
 * or null. A pre-existing loop not through `id` ends the walk without a verdict against this change.
 */
export function substituteCycle(
  id: string,
  substituteId: string | null,
  substituteOf: ReadonlyMap<string, string | null>,
): string[] | null {
  if (substituteId === null) return null;
  const path = [id];
  const seen = new Set<string>([id]);
  let next: string | null = substituteId;
  while (next !== null) {
    path.push(next);
    if (next === id) return path;
    if (seen.has(next)) return null;
    seen.add(next);
    next = substituteOf.get(next) ?? null;
  }
  return null;
}

/**
 * Villages an officer may serve: each must be a current village (`villages`) inside the officer's district
 * (`inDistrict`: the district's subtree). Problems name the list entry (`villageIds.<i>`); duplicates are refused.
 */
export function checkVillages(
  villageIds: readonly string[],
  villages: ReadonlySet<string>,
  inDistrict: ReadonlySet<string>,
): FieldProblem[] {
  const p: FieldProblem[] = [];
  const seen = new Set<string>();
  villageIds.forEach((v, i) => {
    const field = `villageIds.${i}`;
    if (seen.has(v)) p.push({ field, key: `${NS}.error.villageTwice` });
    else if (!villages.has(v)) p.push({ field, key: `${NS}.error.notVillage` });
    else if (!inDistrict.has(v)) p.push({ field, key: `${NS}.error.villageOutsideDistrict` });
    seen.add(v);
  });
  return p;
}
