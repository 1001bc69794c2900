import { ageAt, type IsoDate } from './dates.js';
import type { InsureeInput } from './types.js';

export const MALE = 1;
export const FEMALE = 2;
export const ADULT = 4;
export const MINOR = 8;

/** Adult when the exact age at `at` is at least the age of majority (DECISIONS.md #1). */
export const isAdult = (insuree: InsureeInput, at: IsoDate, ageOfMajority: number): boolean =>
  ageAt(insuree.birthDate, at) >= ageOfMajority;

/** The insuree's mask: M and O set the male bit, anything else the female bit (RULES.md §1.4). */
export const patientMask = (gender: string | null, adult: boolean): number =>
  (gender === 'M' || gender === 'O' ? MALE : FEMALE) | (adult ? ADULT : MINOR);

/** A line passes when every bit of the insuree's mask is allowed (DECISIONS.md #3). */
export const maskAllows = (allowed: number, mask: number): boolean => (allowed & mask) === mask;
