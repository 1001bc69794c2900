/** A family (group) version: the head, the village and the family's characteristics (DOMAIN.md §9.1). */
export interface Family {
  id: string;
  headInsureeId: string | null;
  /** The village. */
  locationId: string;
  poverty: boolean | null;
  familyType: string | null;
  confirmationType: string | null;
  confirmationNo: string | null;
  address: string | null;
  ethnicity: string | null;
  jsonExt: Record<string, unknown> | null;
  /** ISO timestamp of this version. */
  validityFrom: string;
  validityTo: string | null;
}

/** An insuree version (DOMAIN.md §9.2). */
export interface Insuree {
  id: string;
  familyId: string;
  /** The insurance number. */
  chfId: string;
  lastName: string;
  otherNames: string;
  /** YYYY-MM-DD. */
  dob: string;
  /** Code list `gender` (M/F/O). */
  gender: string | null;
  isHead: boolean;
  /** Code list `relationship`; null for the head. */
  relationship: string | null;
  maritalStatus: string | null;
  profession: string | null;
  education: string | null;
  phone: string | null;
  email: string | null;
  typeOfId: string | null;
  passport: string | null;
  /** Current village when it differs from the family's. */
  currentVillageId: string | null;
  currentAddress: string | null;
  healthFacilityId: string | null;
  cardIssued: boolean;
  /** GET url of the current photo, or null. */
  photoUrl: string | null;
  jsonExt: Record<string, unknown> | null;
  validityFrom: string;
  validityTo: string | null;
}

/** The editable fields of an insuree. */
export interface InsureeInput {
  chfId?: string | null;
  lastName: string;
  otherNames: string;
  dob: string;
  gender?: string | null;
  relationship?: string | null;
  maritalStatus?: string | null;
  profession?: string | null;
  education?: string | null;
  phone?: string | null;
  email?: string | null;
  typeOfId?: string | null;
  passport?: string | null;
  currentVillageId?: string | null;
  currentAddress?: string | null;
  healthFacilityId?: string | null;
  cardIssued?: boolean | null;
  jsonExt?: Record<string, unknown> | null;
}

/** The editable fields of a family. */
export interface FamilyInput {
  locationId: string;
  poverty?: boolean | null;
  familyType?: string | null;
  confirmationType?: string | null;
  confirmationNo?: string | null;
  address?: string | null;
  ethnicity?: string | null;
  jsonExt?: Record<string, unknown> | null;
}

/** Why an existing insuree looks like the one being enrolled. */
export type DuplicateReason = 'number' | 'name' | 'phone' | 'identification';

export interface DuplicateCandidate {
  insureeId: string;
  familyId: string;
  chfId: string;
  lastName: string;
  otherNames: string;
  dob: string;
  reasons: DuplicateReason[];
}
