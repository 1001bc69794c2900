import type { FieldProblem } from '@mutua/kernel';
import type { FamilyInput, InsureeInput } from './types.js';

/** Trimmed text, or null when blank. */
export function clean(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date `YYYY-MM-DD` (2023-02-30 is not). */
export function isIsoDate(v: string): boolean {
  if (!ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** The stored values of an insuree (code fields are checked against the code lists by the service). */
export interface InsureeValues {
  chfId: string | null;
  lastName: string;
  otherNames: string;
  dob: string;
  gender: string | null;
  relationship: string | null;
  maritalStatus: string | null;
  profession: string | null;
  education: string | null;
  phone: string | null;
  email: string | null;
  typeOfId: string | null;
  passport: string | null;
  currentVillageId: string | null;
  currentAddress: string | null;
  healthFacilityId: string | null;
  cardIssued: boolean;
  jsonExt: Record<string, unknown> | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()./-]{6,50}$/;

function text(problems: FieldProblem[], prefix: string, field: string, v: string | null | undefined, max: number) {
  const c = clean(v);
  if (c !== null && c.length > max)
    problems.push({ field: prefix + field, key: 'insuree.error.tooLong', params: { max } });
  return c;
}

/**
 * Field rules of an insuree (DOMAIN.md §9.2): names and birth date required, the birth date not in the future,
 * lengths, phone and e-mail shapes. `today` is the caller's date (YYYY-MM-DD); `prefix` names nested fields
 * (`head.`).
 */
export function checkInsuree(
  input: InsureeInput,
  today: string,
  prefix = '',
): { problems: FieldProblem[]; values: InsureeValues } {
  const problems: FieldProblem[] = [];
  const required = (field: string, v: string | null) => {
    if (v === null) problems.push({ field: prefix + field, key: 'insuree.error.required' });
    return v ?? '';
  };
  const lastName = required('lastName', text(problems, prefix, 'lastName', input.lastName, 100));
  const otherNames = required('otherNames', text(problems, prefix, 'otherNames', input.otherNames, 100));
  const dob = clean(input.dob);
  if (dob === null) problems.push({ field: `${prefix}dob`, key: 'insuree.error.required' });
  else if (!isIsoDate(dob)) problems.push({ field: `${prefix}dob`, key: 'insuree.error.date' });
  else if (dob > today) problems.push({ field: `${prefix}dob`, key: 'insuree.error.dobFuture' });
  else if (dob < '1900-01-01') problems.push({ field: `${prefix}dob`, key: 'insuree.error.dobTooOld' });
  const phone = text(problems, prefix, 'phone', input.phone, 50);
  if (phone !== null && !PHONE.test(phone)) problems.push({ field: `${prefix}phone`, key: 'insuree.error.phone' });
  const email = text(problems, prefix, 'email', input.email, 100);
  if (email !== null && !EMAIL.test(email)) problems.push({ field: `${prefix}email`, key: 'insuree.error.email' });
  const passport = text(problems, prefix, 'passport', input.passport, 25);
  const typeOfId = clean(input.typeOfId);
  if (passport !== null && typeOfId === null) {
    problems.push({ field: `${prefix}typeOfId`, key: 'insuree.error.idTypeNeeded' });
  }
  return {
    problems,
    values: {
      chfId: clean(input.chfId),
      lastName,
      otherNames,
      dob: dob ?? '',
      gender: clean(input.gender),
      relationship: clean(input.relationship),
      maritalStatus: clean(input.maritalStatus),
      profession: clean(input.profession),
      education: clean(input.education),
      phone,
      email,
      typeOfId,
      passport,
      currentVillageId: clean(input.currentVillageId),
      currentAddress: text(problems, prefix, 'currentAddress', input.currentAddress, 200),
      healthFacilityId: clean(input.healthFacilityId),
      cardIssued: input.cardIssued ?? false,
      jsonExt: input.jsonExt ?? null,
    },
  };
}

export interface FamilyValues {
  locationId: string;
  poverty: boolean | null;
  familyType: string | null;
  confirmationType: string | null;
  confirmationNo: string | null;
  address: string | null;
  ethnicity: string | null;
  jsonExt: Record<string, unknown> | null;
}

/** Field rules of a family (DOMAIN.md §9.1): the village is required; lengths. */
export function checkFamily(input: FamilyInput): { problems: FieldProblem[]; values: FamilyValues } {
  const problems: FieldProblem[] = [];
  const locationId = clean(input.locationId);
  if (locationId === null) problems.push({ field: 'locationId', key: 'insuree.error.required' });
  const ethnicity = text(problems, '', 'ethnicity', input.ethnicity, 1);
  return {
    problems,
    values: {
      locationId: locationId ?? '',
      poverty: input.poverty ?? null,
      familyType: clean(input.familyType),
      confirmationType: clean(input.confirmationType),
      confirmationNo: text(problems, '', 'confirmationNo', input.confirmationNo, 12),
      address: text(problems, '', 'address', input.address, 200),
      ethnicity,
      jsonExt: input.jsonExt ?? null,
    },
  };
}

/**
 * A name as compared for duplicates: lower case, without accents, apostrophes or hyphens, single spaces
 * ("N'Diaye  Aïssatou" → "ndiaye aissatou").
 */
export function normalizeName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`-]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Digits of a phone number, for comparing numbers written differently ("+227 90 12 34 56" = "22790123456"). */
export const phoneDigits = (s: string): string => s.replace(/\D/g, '');

/** Age in whole years at `at` (both YYYY-MM-DD). */
export function ageAt(dob: string, at: string): number {
  const [y1, m1, d1] = dob.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = at.split('-').map(Number) as [number, number, number];
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}
