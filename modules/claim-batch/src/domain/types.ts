/**
 * Inputs and outputs of the monthly batch valuation (RULES.md §6, §9; DECISIONS #21–23). Self-contained: the server
 * maps its rows (and the product, policy, contribution and claim modules' data) onto these shapes.
 * Dates are ISO calendar dates `YYYY-MM-DD`; money is integer cents (`bigint`); percentages are decimal strings 0–100.
 */

/** Integer minor units (cents). */
export type Cents = bigint;

/** B both, I in-patient (hospital), O out-patient. */
export type CareType = 'B' | 'I' | 'O';
/** M monthly (12 periods), Q quarterly (4), Y yearly (1). */
export type PeriodType = 'M' | 'Q' | 'Y';
/** P price list, O provider's own price, R relative price (valued by the batch index). */
export type PriceOrigin = 'P' | 'O' | 'R';

/** An inclusive date range. */
export interface DateWindow {
  start: string;
  end: string;
}

/** One row per care type of a product's relative distribution (DOMAIN.md §7.3): 12, 4 or 1 percentages 0–100. */
export interface DistributionRow {
  careType: CareType;
  periods: readonly string[];
}

/** HF level (D, C, H) and optional sub-level; a null sub-level matches any. */
export interface CapitationLevel {
  level: string;
  sublevel: string | null;
}

/** The six capitation components of RULES.md §9 (DECISIONS #23), in report order. */
export const CAPITATION_COMPONENTS = [
  'population',
  'families',
  'insuredPeople',
  'insuredFamilies',
  'visits',
  'adjustedAmount',
] as const;
export type CapitationComponent = (typeof CAPITATION_COMPONENTS)[number];

/** The product settings the batch reads. */
export interface BatchProduct {
  id: string;
  /** null = national product; otherwise the region or district whose run handles it. */
  locationId: string | null;
  /** I: hospital claim by dates; H: hospital claim when the HF level is H; null read as H (DOMAIN.md §7.1). */
  ceilingInterpretation: 'I' | 'H' | null;
  relativeDistribution: readonly DistributionRow[];
  capitationLevels: readonly CapitationLevel[];
  /** % of the allocated contributions paid by capitation. */
  shareContribution: string;
  /** % weight of each capitation component. */
  weights: Readonly<Record<CapitationComponent, string>>;
}

/** A contribution (premium) with the policy facts the allocation needs (RULES.md §6.2). */
export interface Premium {
  id: string;
  productId: string;
  amount: Cents;
  payDate: string;
  isPhotoFee: boolean;
  /** Policy status: 1 idle (excluded), 2 active, 4 suspended, 8 expired, 16 ready. */
  policyStatus: number;
  effectiveDate: string | null;
  /** Last covered day of the policy. */
  expiryDate: string;
}

/** A health facility with its location and catchment facts (population and families already × catchment %). */
export interface BatchFacility {
  id: string;
  level: string;
  sublevel: string | null;
  regionId: string | null;
  districtId: string | null;
  population: number;
  families: number;
}

/** Insured people and families of a product living in a facility's catchment (× catchment %), at the window end. */
export interface InsuredCount {
  productId: string;
  facilityId: string;
  people: number;
  families: number;
}

/** The price and quantity facts of a claim line that give its value. */
export interface LinePrices {
  priceOrigin: PriceOrigin | null;
  priceAsked: Cents;
  qtyProvided: number;
  priceApproved: Cents | null;
  qtyApproved: number | null;
  /** Unit price set by the claim valuation (RULES.md §5.3 step 2). */
  priceAdjusted: Cents | null;
  /** Amount the claim valuation found payable (after deductibles, limitations and ceilings). */
  priceValuated: Cents | null;
}

/** A claim item or service line of a processed claim (status 8). Give every line of each candidate claim. */
export interface BatchLine extends LinePrices {
  /** Unique among all given lines (items and services alike). */
  id: string;
  kind: 'item' | 'service';
  claimId: string;
  facilityId: string;
  /** null for a line rejected before product assignment. */
  productId: string | null;
  /** 1 passed, 2 rejected. */
  status: 1 | 2;
  claimDateFrom: string;
  claimDateTo: string | null;
  /** Date the claim was processed (ProcessStamp's calendar date). */
  processed: string;
  /** The line's stored remunerated amount (set by an earlier batch run, or by the claim valuation). */
  remunerated: Cents | null;
  /** An earlier batch run already settled this line. */
  settled: boolean;
}

/** Which runs a batch is: the whole country, a region or a district. */
export type RunScope =
  | { level: 'national' }
  | { level: 'region'; regionId: string }
  | { level: 'district'; districtId: string };

export interface BatchInput {
  year: number;
  /** 1–12. */
  month: number;
  scope: RunScope;
  products: readonly BatchProduct[];
  premiums: readonly Premium[];
  facilities: readonly BatchFacility[];
  insured: readonly InsuredCount[];
  lines: readonly BatchLine[];
}

/** A computed relative index (tblRelIndex). */
export interface IndexRow {
  productId: string;
  careType: CareType;
  periodType: PeriodType;
  /** 12 monthly, 4 quarterly, 1 yearly. */
  relType: 12 | 4 | 1;
  year: number;
  /** Month (M), quarter (Q) or 1 (Y). */
  period: number;
  window: DateWindow;
  allocated: Cents;
  /** Distribution percentage of the period, e.g. "20.00". */
  sharePercent: string;
  /** allocated × share, rounded to cents: what the relative lines of the period share. */
  pool: Cents;
  /** Σ value of the relative-price lines in the window. */
  claimValue: Cents;
  /** pool / claimValue with 4 decimals ("1.0000" when there is no claim value). */
  index: string;
}

/** index: re-valued by the relative index; value: paid its value; capitation: paid by the capitation row (0 here). */
export type RemunerationBasis = 'index' | 'value' | 'capitation';

export interface LineRemuneration {
  id: string;
  kind: 'item' | 'service';
  claimId: string;
  productId: string;
  remunerated: Cents;
  basis: RemunerationBasis;
}

/** A claim every passed line of which is now remunerated: it becomes valuated (status 16). */
export interface ClaimValuation {
  claimId: string;
  facilityId: string;
  claimed: Cents;
  remunerated: Cents;
}

export interface BillLine {
  claimId: string;
  claimed: Cents;
  remunerated: Cents;
  /** claimed − remunerated. */
  deduction: Cents;
}

export interface FacilityBill {
  facilityId: string;
  lines: BillLine[];
  claimed: Cents;
  remunerated: Cents;
  deduction: Cents;
}

export interface CapitationComponentRow {
  component: CapitationComponent;
  weightPercent: string;
  /** Allocated × share × weight (AlcContri), cents. */
  amount: Cents;
  /** Σ over the eligible facilities, in hundredths of a unit (cents for the adjusted amount). */
  total: bigint;
  /** amount / total per unit (per person, family, visit; per currency unit for the adjusted amount), 4 decimals. */
  unitPrice: string;
}

export interface CapitationFacilityRow {
  facilityId: string;
  /** The facility's value of each component, hundredths of a unit (cents for the adjusted amount). */
  values: Record<CapitationComponent, bigint>;
  amounts: Record<CapitationComponent, Cents>;
  /** Σ of the six amounts (PaymentCathment). */
  payment: Cents;
}

export interface CapitationResult {
  allocated: Cents;
  sharePercent: string;
  /** allocated × share, cents. */
  pool: Cents;
  components: CapitationComponentRow[];
  facilities: CapitationFacilityRow[];
}

export interface CapitationRow extends CapitationResult {
  productId: string;
  periodType: PeriodType;
  window: DateWindow;
}

export interface BatchPlan {
  year: number;
  month: number;
  /** The run's location: null national, else the region or district id. */
  locationId: string | null;
  /** Sorted by product id, then care type. */
  indexes: IndexRow[];
  /**
   * Lines remunerated by this run: fee-for-service and capitation lines in the order given, then the relative lines
   * by product and class. (Not sorted, to stay linear over a million lines; compare by id.)
   */
  lines: LineRemuneration[];
  /** Claims valuated by this run, sorted by id. */
  claims: ClaimValuation[];
  /** Claims with lines remunerated by this run that still wait for other lines (stay processed), sorted. */
  pendingClaims: string[];
  /** One bill per facility (sorted), one line per valuated claim paid fee-for-service (sorted). */
  bills: FacilityBill[];
  /** One row per product whose capitation is due this month, sorted by product id. */
  capitation: CapitationRow[];
}
