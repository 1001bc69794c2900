/** What enrolment officers and claim administrators share: a person known by a code. */
export interface Person {
  id: string;
  code: string;
  lastName: string;
  otherNames: string;
  dob: string | null;
  phone: string | null;
  email: string | null;
  /** The kernel user account this person signs in with, if any. */
  userId: string | null;
}

export interface PersonInput {
  code: string;
  lastName: string;
  otherNames: string;
  dob?: string | null;
  phone?: string | null;
  email?: string | null;
  userId?: string | null;
}

/** An enrolment officer (DOMAIN.md §2.1 Officer): enrols families in the villages of their district. */
export interface EnrolmentOfficer extends Person {
  /** The officer's district. */
  locationId: string;
  /** The officer who takes over when this one stops working. */
  substituteId: string | null;
  worksTo: string | null;
  veoCode: string | null;
  veoLastName: string | null;
  veoOtherNames: string | null;
  veoDob: string | null;
  veoPhone: string | null;
  /** Receives SMS. */
  phoneCommunication: boolean;
  address: string | null;
  /** Villages served, all inside the district. */
  villageIds: string[];
}

export interface EnrolmentOfficerInput extends PersonInput {
  locationId: string;
  substituteId?: string | null;
  worksTo?: string | null;
  veoCode?: string | null;
  veoLastName?: string | null;
  veoOtherNames?: string | null;
  veoDob?: string | null;
  veoPhone?: string | null;
  phoneCommunication?: boolean | null;
  address?: string | null;
  villageIds?: readonly string[] | null;
}

/** A claim administrator (DOMAIN.md §2.1 ClaimAdmin): enters and submits claims for one health facility. */
export interface ClaimAdministrator extends Person {
  healthFacilityId: string;
}

export interface ClaimAdministratorInput extends PersonInput {
  healthFacilityId: string;
}
