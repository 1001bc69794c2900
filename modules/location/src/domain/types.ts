/** Plain domain types of the location module (no I/O): what services return and rules read. */

/** A node of the location tree (region → district → municipality → village by default). */
export interface Location {
  id: string;
  code: string;
  name: string;
  /** One letter of the configured levels (`R`, `D`, `W`, `V` by default). */
  type: string;
  parentId: string | null;
  malePopulation: number | null;
  femalePopulation: number | null;
  otherPopulation: number | null;
  families: number | null;
}

export const LEGAL_FORMS = ['C', 'D', 'G', 'P'] as const;
export const HF_LEVELS = ['D', 'C', 'H'] as const;
export const HF_SUB_LEVELS = ['I', 'N', 'R'] as const;
export const CARE_TYPES = ['I', 'O', 'B'] as const;
export const HF_STATUSES = ['AC', 'IN', 'DE', 'ID'] as const;

/** C Charity, D District organization, G Government, P Private organization (DOMAIN.md §3). */
export type LegalForm = (typeof LEGAL_FORMS)[number];
/** D Dispensary, C Health centre, H Hospital. */
export type HfLevel = (typeof HF_LEVELS)[number];
/** I Integrated, N No sub-level, R Reference. */
export type HfSubLevel = (typeof HF_SUB_LEVELS)[number];
/** I In-patient, O Out-patient, B Both. */
export type CareType = (typeof CARE_TYPES)[number];
/** AC Active, IN Inactive, DE Delisted, ID Idle. */
export type HfStatus = (typeof HF_STATUSES)[number];

/** Share (0–100 %) of a village's population served by a health facility (used by capitation). */
export interface Catchment {
  villageId: string;
  percentage: number;
}

export interface HealthFacility {
  id: string;
  code: string;
  name: string;
  accCode: string | null;
  legalForm: LegalForm;
  level: HfLevel;
  subLevel: HfSubLevel | null;
  careType: CareType;
  /** The district the facility belongs to. */
  locationId: string;
  address: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  status: HfStatus;
  offline: boolean;
  /** ISO dates `YYYY-MM-DD`. */
  contractStartDate: string | null;
  contractEndDate: string | null;
  catchments: Catchment[];
}

/** What a caller sends to create or (completely) update a location; `type` defaults to the level under the parent. */
export interface LocationInput {
  code: string;
  name: string;
  type?: string | null;
  parentId?: string | null;
  malePopulation?: number | null;
  femalePopulation?: number | null;
  otherPopulation?: number | null;
  families?: number | null;
}

/** What a caller sends to create or (completely) update a health facility. */
export interface HealthFacilityInput {
  code: string;
  name: string;
  accCode?: string | null;
  legalForm: string;
  level: string;
  subLevel?: string | null;
  careType: string;
  locationId: string;
  address?: string | null;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  status?: string | null;
  offline?: boolean | null;
  contractStartDate?: string | null;
  contractEndDate?: string | null;
  catchments?: Catchment[] | null;
}

/** One problem found by a rule: the field, an i18n key under `location.error.*`, and its params. */
export interface Problem {
  field: string;
  key: string;
  params?: Record<string, unknown>;
}
