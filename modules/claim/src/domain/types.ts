import type { IsoDate } from './dates.js';
import type { Cents } from './money.js';
import type { ReasonParams, RejectionCode } from './reasons.js';

export type LineKind = 'item' | 'service';
/** O normal/other, E emergency, R referral (RULES.md §1.6); null counts as O. */
export type VisitType = 'O' | 'E' | 'R';
/** I in-patient, O out-patient, B both. */
export type CareType = 'I' | 'O' | 'B';
/** D dispensary, C health centre, H hospital. */
export type HfLevel = 'D' | 'C' | 'H';
/** Service category in the register: surgery, delivery, antenatal, hospitalisation, consultation, other, visit. */
export type ServiceCategory = 'S' | 'D' | 'A' | 'H' | 'C' | 'O' | 'V';
/** Claim (base) category; DECISIONS.md #4 never yields O. */
export type ClaimCategory = 'S' | 'D' | 'A' | 'H' | 'C' | 'V';
/** P price list, O provider's own (asked) price, R relative price (valued by the batch run). */
export type PriceOrigin = 'P' | 'O' | 'R';
/** C co-insurance (insurer's percentage), F fixed amount per unit. */
export type LimitationType = 'C' | 'F';
/** B both contexts, H in-patient (hospital) context only, N outside it. */
export type CeilingExclusion = 'B' | 'H' | 'N';
/** Claim status (RULES.md §1.1: 1, 2, 4, 8, 16). */
export type ClaimStatus = 'rejected' | 'entered' | 'checked' | 'processed' | 'valuated';
/** Policy status: 1 idle, 2 active, 4 suspended, 8 expired, 16 ready. */
export type PolicyStatus = 1 | 2 | 4 | 8 | 16;
export type LineStatus = 'passed' | 'rejected';

/** One item or service line of the claim. Quantities are numbers with at most 2 decimals. */
export interface ClaimLineInput {
  lineId: string;
  kind: LineKind;
  /** Id of the item or service in the medical register. */
  medicalId: string;
  qtyProvided: number;
  /** Unit price asked by the facility. */
  priceAsked: Cents;
  /** Reviewer's quantity and unit price (null when not reviewed). */
  qtyApproved?: number | null;
  priceApproved?: Cents | null;
  /**
   * Stored state. checkClaim ignores it except a reviewer rejection (reason −1), which it keeps; product assignment
   * and valuation only look at lines stored as passed (use `applyCheck` to store a check result).
   */
  status?: LineStatus;
  rejectionReason?: RejectionCode;
}

export interface FacilityInput {
  id: string;
  level: HfLevel;
  /** null counts as B. */
  careType: CareType | null;
}

export interface ClaimInput {
  id: string;
  insureeId: string;
  dateFrom: IsoDate | null;
  dateTo: IsoDate | null;
  dateClaimed: IsoDate | null;
  visitType: VisitType | null;
  /** Main then secondary diagnosis ids; informational (reason 8 is never assigned, RULES.md §3.1). */
  diagnoses?: readonly string[];
  facility: FacilityInput;
  /** Items and services, in line order (the SP cursor order). */
  lines: readonly ClaimLineInput[];
}

export interface InsureeInput {
  id: string;
  birthDate: IsoDate;
  /** M, F or O; M and O set the male bit, anything else the female bit (RULES.md §1.4). */
  gender: string | null;
}

/** An InsureePolicy row: when one member is covered by a policy. */
export interface Coverage {
  effectiveDate: IsoDate | null;
  expiryDate: IsoDate | null;
}

/** A policy of the insuree's family. */
export interface PolicyInput {
  id: string;
  productId: string;
  stage: 'N' | 'R';
  status: PolicyStatus;
  effectiveDate: IsoDate | null;
  expiryDate: IsoDate | null;
  /** The claim's insuree's coverage by this policy; null when the insuree is not a member of it. */
  insureeCoverage: Coverage | null;
  /** Every member's coverage (the insuree's included): counts the members for the extra-member ceiling. */
  memberCoverages: readonly Coverage[];
}

/** The version of an item or service in effect at the claim's target date. */
export interface RegisterEntry {
  id: string;
  careType: CareType;
  /** Bitmask 1–15: male 1, female 2, adult 4, minor 8. */
  patientCategory: number;
  /** Minimum days between two provisions to the same insuree; null or 0 = no constraint. */
  frequency: number | null;
  price: Cents;
  /** Services only. */
  category?: ServiceCategory | null;
  /** Optional validity window (inclusive dates); left out when the caller already picked the version. */
  validFrom?: IsoDate | null;
  validTo?: IsoDate | null;
}

/** Items and services indexed by id. */
export interface ByKind<T> {
  item: ReadonlyMap<string, T>;
  service: ReadonlyMap<string, T>;
}

/** The medical register at the target date. */
export type Register = ByKind<RegisterEntry>;

/** A detail of the facility's item or service price list. */
export interface PriceListEntry {
  /** Item or service id. */
  id: string;
  /** null = the register price. */
  priceOverride: Cents | null;
  validFrom?: IsoDate | null;
  validTo?: IsoDate | null;
}

/** The facility's price lists. */
export type PriceList = ByKind<PriceListEntry>;

/**
 * Coverage terms of one product line (DOMAIN.md §7.2). Limits are the decimal value × 100: for C a percentage in
 * hundredths (10 000 = 100 %), for F an amount per unit in cents (0 = unlimited, DECISIONS.md #14).
 */
export interface ProductLineTerms {
  /** Item or service id. */
  id: string;
  priceOrigin: PriceOrigin;
  limitationType: LimitationType;
  limitationTypeE: LimitationType;
  limitationTypeR: LimitationType;
  limitAdult: number;
  limitChild: number;
  limitAdultE: number;
  limitChildE: number;
  limitAdultR: number;
  limitChildR: number;
  /** Months after the insuree's coverage start; null = 0. */
  waitingPeriodAdult: number | null;
  waitingPeriodChild: number | null;
  /** Max quantity per insuree per policy period; null = no limit, 0 blocks. */
  limitNoAdult: number | null;
  limitNoChild: number | null;
  ceilingExclusionAdult: CeilingExclusion | null;
  ceilingExclusionChild: CeilingExclusion | null;
  validFrom?: IsoDate | null;
  validTo?: IsoDate | null;
}

/** A product's claim terms (DOMAIN.md §7.1). Amounts in cents; null = not set (counts as 0). */
export interface ProductTerms {
  id: string;
  lines: ByKind<ProductLineTerms>;
  /** I by claim type (null counts as I, DECISIONS.md #16 follows SP Step2), H by facility level. */
  ceilingInterpretation: 'I' | 'H' | null;
  dedTreatment: Cents | null;
  dedInsuree: Cents | null;
  dedPolicy: Cents | null;
  dedIpTreatment: Cents | null;
  dedIpInsuree: Cents | null;
  dedIpPolicy: Cents | null;
  dedOpTreatment: Cents | null;
  dedOpInsuree: Cents | null;
  dedOpPolicy: Cents | null;
  maxTreatment: Cents | null;
  maxInsuree: Cents | null;
  maxPolicy: Cents | null;
  maxIpTreatment: Cents | null;
  maxIpInsuree: Cents | null;
  maxIpPolicy: Cents | null;
  maxOpTreatment: Cents | null;
  maxOpInsuree: Cents | null;
  maxOpPolicy: Cents | null;
  /** Members included before the extra-member ceiling applies; null = no extra. */
  threshold: number | null;
  maxPolicyExtraMember: Cents | null;
  maxPolicyExtraMemberIp: Cents | null;
  maxPolicyExtraMemberOp: Cents | null;
  /** Absolute cap of the policy ceiling; null or 0 = none. */
  maxCeilingPolicy: Cents | null;
  maxCeilingPolicyIp: Cents | null;
  maxCeilingPolicyOp: Cents | null;
  /** Claims per insuree per coverage period; null = no limit, 0 blocks (DECISIONS.md #11). */
  maxNoConsultation: number | null;
  maxNoSurgery: number | null;
  maxNoDelivery: number | null;
  maxNoHospitalization: number | null;
  maxNoVisits: number | null;
  maxNoAntenatal: number | null;
  /** Per-claim amount caps per category; null or 0 = none. */
  maxAmountConsultation: Cents | null;
  maxAmountSurgery: Cents | null;
  maxAmountDelivery: Cents | null;
  maxAmountHospitalization: Cents | null;
  maxAmountAntenatal: Cents | null;
}

/** A line of one of the insuree's other claims. */
export interface HistoryLine {
  kind: LineKind;
  medicalId: string;
  qtyProvided: number;
  qtyApproved: number | null;
  /** Line status passed with rejection reason 0. */
  passed: boolean;
}

/** One of the insuree's other claims (the claim being checked is ignored if present). */
export interface HistoryClaim {
  claimId: string;
  targetDate: IsoDate;
  status: ClaimStatus;
  /** Stored category; null counts as V. */
  category: ServiceCategory | null;
  lines: readonly HistoryLine[];
}

/** Deductible/ceiling ledger row: one per claim and policy (DECISIONS.md #20). Amounts in cents. */
export interface LedgerRow {
  claimId: string;
  policyId: string;
  insureeId: string;
  dedG: Cents;
  remG: Cents;
  dedIp: Cents;
  remIp: Cents;
  dedOp: Cents;
  remOp: Cents;
  remConsult: Cents;
  remSurgery: Cents;
  remDelivery: Cents;
  remHospitalization: Cents;
  remAntenatal: Cents;
}

export interface ClaimHistory {
  /** The insuree's other claims (any status; only checked, processed and valuated ones count). */
  claims: readonly HistoryClaim[];
  /** Ledger rows of other claims on the policies covering the insuree (every member's). */
  ledger: readonly LedgerRow[];
}

export interface EngineConfig {
  /** DECISIONS.md #1. */
  ageOfMajority: number;
  /** DECISIONS.md #10: false = reject 16 when the count used ≥ limit; true = cut the quantity down (PY). */
  partialApprovalOnProvisionLimit: boolean;
}

/** Everything the engine needs for one claim; maps may be shared across claims of a bulk run. */
export interface ClaimEngineInput {
  claim: ClaimInput;
  /** null when the insuree or its family is not valid (→ reason 7 on every line). */
  insuree: InsureeInput | null;
  /** Policies of the insuree's family. */
  policies: readonly PolicyInput[];
  products: ReadonlyMap<string, ProductTerms>;
  register: Register;
  priceList: PriceList;
  history: ClaimHistory;
  config?: Partial<EngineConfig>;
}

/** The check's verdict on one line. */
export interface LineVerdict {
  lineId: string;
  kind: LineKind;
  status: LineStatus;
  /** 0 when passed. */
  reason: RejectionCode;
  reasonParams: ReasonParams;
  /** i18n key `claim.reason.<code>`. */
  messageKey: string;
  /** qtyProvided × priceAsked. */
  askedValue: Cents;
  /** (qtyApproved ?? qtyProvided) × (priceApproved ?? priceAsked) when passed, else 0 (DECISIONS.md #13). */
  approvedValue: Cents;
  /** Quantity approved after the check: the reviewer's, a cut-down one (partial approval), 0 when rejected. */
  qtyApproved: number | null;
}

export interface CheckResult {
  claimId: string;
  status: 'checked' | 'rejected';
  category: ClaimCategory;
  claimedAmount: Cents;
  approvedAmount: Cents;
  lines: LineVerdict[];
}

/** Product chosen for a line at processing (RULES.md §4, DECISIONS.md #14). */
export interface LineAssignment {
  lineId: string;
  kind: LineKind;
  status: LineStatus;
  reason: RejectionCode;
  reasonParams: ReasonParams;
  productId: string | null;
  policyId: string | null;
  priceOrigin: PriceOrigin | null;
  limitation: LimitationType | null;
  /** Percentage in hundredths (C) or cents per unit (F). */
  limitationValue: number | null;
}

export interface AssignmentResult {
  claimId: string;
  /** rejected when no line is left passed. */
  status: 'assigned' | 'rejected';
  lines: LineAssignment[];
}

/**
 * Valuation of one passed line. Identity: grossValue = fixedLimitCut + deductible + coInsuranceShare +
 * exceedCeilingCategory + exceedCeiling + valuated.
 */
export interface LineValuation {
  lineId: string;
  kind: LineKind;
  productId: string;
  policyId: string;
  priceOrigin: PriceOrigin;
  limitation: LimitationType;
  limitationValue: number;
  qty: number;
  /** Unit price used (stored as PriceAdjusted). */
  unitPrice: Cents;
  /** qty × unitPrice. */
  grossValue: Cents;
  /** Part above qty × fixed limit (insuree pays). */
  fixedLimitCut: Cents;
  deductible: Cents;
  /** Insuree's share under co-insurance (ticket modérateur). */
  coInsuranceShare: Cents;
  exceedCeilingCategory: Cents;
  exceedCeiling: Cents;
  /** Amount paid (PriceValuated); provisional for origin R. */
  valuated: Cents;
  /** valuated, or null for origin R (set by the batch run). */
  remunerated: Cents | null;
}

export type DedRemLevel = 'treatment' | 'insuree' | 'policy';

/** The deductible or ceiling a policy applied to the claim (RULES.md §5.2). */
export interface DedRemChoice {
  /** G general, IP or OP. */
  scope: 'G' | 'IP' | 'OP';
  level: DedRemLevel | null;
  /** 0 = none. */
  amount: Cents;
  /** Consumed by other claims before this one. */
  previous: Cents;
}

export interface PolicyValuation {
  policyId: string;
  productId: string;
  /** In-patient (hospital) context for IP/OP amounts and ceiling exclusions. */
  ipContext: boolean;
  members: number;
  deductible: DedRemChoice;
  ceiling: DedRemChoice;
  ledger: LedgerRow;
}

export interface ValuationResult {
  claimId: string;
  /** processed when a passed line has price origin R (waits for the batch run), else valuated. */
  status: 'processed' | 'valuated' | 'rejected';
  category: ClaimCategory;
  /** Σ valuated over lines. */
  valuatedAmount: Cents;
  /** Σ remunerated; null while relative-price lines wait for the batch. */
  remuneratedAmount: Cents | null;
  lines: LineValuation[];
  policies: PolicyValuation[];
  /** Ledger rows to store for this claim (replacing earlier ones of the same claim). */
  ledger: LedgerRow[];
}
