/** Patient category bits (DOMAIN.md §5.4). */
export const MALE = 1;
export const FEMALE = 2;
export const ADULT = 4;
export const MINOR = 8;
export const EVERYONE = 15;

/**
 * Whether an item or service whose mask is `mask` may be given to an insuree whose mask is `insureeMask`
 * (DECISIONS.md #3: a line passes when every bit of the insuree's mask is allowed).
 */
export function allowed(mask: number, insureeMask: number): boolean {
  return (mask & insureeMask) === insureeMask;
}

/** The insuree's mask: one sex bit (M and O count as male) and one age bit. */
export function insureeMask(gender: string, adult: boolean): number {
  return (gender === 'F' ? FEMALE : MALE) | (adult ? ADULT : MINOR);
}

export interface PatientFlags {
  male: boolean;
  female: boolean;
  adult: boolean;
  minor: boolean;
}

/** The four checkboxes (and the openIMIS XML Item…Category columns) folded into the bitmask. */
export function fromFlags(f: PatientFlags): number {
  return (f.male ? MALE : 0) | (f.female ? FEMALE : 0) | (f.adult ? ADULT : 0) | (f.minor ? MINOR : 0);
}

export function toFlags(mask: number): PatientFlags {
  return {
    male: (mask & MALE) !== 0,
    female: (mask & FEMALE) !== 0,
    adult: (mask & ADULT) !== 0,
    minor: (mask & MINOR) !== 0,
  };
}

/** A mask entered by a user: a whole number 1–15 (0 is refused at data entry, DECISIONS.md #3). */
export const isValidMask = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 15;
