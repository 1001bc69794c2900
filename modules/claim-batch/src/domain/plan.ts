/**
 * The monthly batch valuation as one pure function (RULES.md §6, §9; DECISIONS #21–23): the server calls it to
 * preview a run (and shows the result) or to run it (and writes the result). See README "Batch plan".
 */
import { allocatedContribution } from './allocation.js';
import { type CapitationFacts, capitationPayment, isCapitationFacility } from './capitation.js';
import { productSides, relativeDistributionShare } from './distribution.js';
import { amountOf } from './money.js';
import { checkMonth, type PeriodWindow, periodWindow } from './period.js';
import { relativeIndex } from './relative-index.js';
import { lineValue, shareOfPool } from './remuneration.js';
import type {
  BatchFacility,
  BatchInput,
  BatchLine,
  BatchPlan,
  BatchProduct,
  CapitationRow,
  CareType,
  Cents,
  ClaimValuation,
  FacilityBill,
  IndexRow,
  LineRemuneration,
  PeriodType,
  Premium,
  RemunerationBasis,
  RunScope,
} from './types.js';

/** One class of claims of a product in this run. */
interface SidePlan {
  careType: CareType;
  /** The window valued now, null when its period does not close this month. */
  window: PeriodWindow | null;
  /** Distribution percentage when an index is computed; null = paid at value (index 1). */
  shareBp: bigint | null;
  sharePercent: string;
  relLines: BatchLine[];
  relClaims: ClaimAcc[];
  relValues: Cents[];
  relIds: string[];
  claimValue: Cents;
}

interface ProductPlan {
  product: BatchProduct;
  /** Facilities (of those given) paid by capitation for this product: no fee-for-service. */
  capitationFacilities: Set<string>;
  sides: SidePlan[];
  capitationWindow: PeriodWindow | null;
  capitationPeriod: PeriodType;
}

interface ClaimAcc {
  facilityId: string;
  claimed: Cents;
  /** Claimed amount of lines paid by capitation (kept off the bill). */
  capitationClaimed: Cents;
  remunerated: Cents;
  valuedNow: boolean;
  feeLines: boolean;
  pending: boolean;
}

interface VisitAcc {
  claims: Set<string>;
  adjusted: Cents;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const scopeLocation = (scope: RunScope): string | null =>
  scope.level === 'national' ? null : scope.level === 'region' ? scope.regionId : scope.districtId;

const inScope = (scope: RunScope, f: BatchFacility): boolean =>
  scope.level === 'national' ||
  (scope.level === 'region' ? f.regionId === scope.regionId : f.districtId === scope.districtId);

const dateOf = (d: string): string => (d.length > 10 ? d.slice(0, 10) : d);
const inWindow = (d: string, w: PeriodWindow): boolean => {
  const day = dateOf(d);
  return day >= w.start && day <= w.end;
};
/**
 * Carry-over (ADR 0008): a waiting line processed before the window (its month was skipped, or it was processed
 * late) is valued by the run that closes the next period after it, with that period's lines.
 */
const upToEnd = (d: string, w: PeriodWindow): boolean => dateOf(d) <= w.end;

/** Hospital claim for the batch (RULES.md §6.1): by HF level for interpretation H (and null), else by dates. */
const isHospital = (product: BatchProduct, line: BatchLine, facility: BatchFacility): boolean =>
  product.ceilingInterpretation === 'I'
    ? line.claimDateTo !== null && dateOf(line.claimDateTo) > dateOf(line.claimDateFrom)
    : facility.level === 'H';

function planProduct(
  product: BatchProduct,
  facilities: readonly BatchFacility[],
  year: number,
  month: number,
): ProductPlan {
  const sides = productSides(product).map((s): SidePlan => {
    if (s.periodType === null)
      return {
        careType: s.careType,
        window: periodWindow('M', year, month),
        shareBp: null,
        sharePercent: '',
        relLines: [],
        relClaims: [],
        relValues: [],
        relIds: [],
        claimValue: 0n,
      };
    const window = periodWindow(s.periodType, year, month);
    const share = window ? relativeDistributionShare(product, s.careType, s.periodType, month) : null;
    return {
      careType: s.careType,
      window,
      shareBp: share?.basisPoints ?? null,
      sharePercent: share?.percent ?? '',
      relLines: [],
      relClaims: [],
      relValues: [],
      relIds: [],
      claimValue: 0n,
    };
  });
  // Capitation period: the general period, else OP, else IP, else monthly (RULES.md §9 step 1).
  const typed = productSides(product);
  const capitationPeriod =
    typed.find((s) => s.careType === 'B')?.periodType ??
    typed.find((s) => s.careType === 'O')?.periodType ??
    typed.find((s) => s.careType === 'I')?.periodType ??
    'M';
  const capitationFacilities = new Set<string>();
  for (const f of facilities) if (isCapitationFacility(product.capitationLevels, f)) capitationFacilities.add(f.id);
  return {
    product,
    sides,
    capitationFacilities,
    capitationPeriod,
    capitationWindow: periodWindow(capitationPeriod, year, month),
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

export function batchPlan(input: BatchInput): BatchPlan {
  const { year, month, scope } = input;
  checkMonth(year, month);
  const locationId = scopeLocation(scope);

  const plans = new Map<string, ProductPlan>();
  for (const p of input.products) {
    if (p.locationId !== locationId) continue;
    if (plans.has(p.id)) throw new RangeError(`batchPlan: product ${p.id} given twice`);
    plans.set(p.id, planProduct(p, input.facilities, year, month));
  }
  const facilities = new Map<string, BatchFacility>();
  for (const f of input.facilities) facilities.set(f.id, f);
  const premiums = groupBy(input.premiums, (p) => p.productId);
  const noPremiums: Premium[] = [];

  const lines: LineRemuneration[] = [];
  const claims = new Map<string, ClaimAcc>();
  const visits = new Map<string, VisitAcc>();

  const record = (line: BatchLine, acc: ClaimAcc, remunerated: Cents, basis: RemunerationBasis): void => {
    lines.push({
      id: line.id,
      kind: line.kind,
      claimId: line.claimId,
      productId: line.productId!,
      remunerated,
      basis,
    });
    acc.remunerated += remunerated;
    acc.valuedNow = true;
    if (basis !== 'capitation') acc.feeLines = true;
  };

  // One pass over the lines: classify, value fee-for-service lines, collect relative lines per class.
  for (const line of input.lines) {
    let acc = claims.get(line.claimId);
    if (!acc) {
      acc = {
        facilityId: line.facilityId,
        claimed: 0n,
        capitationClaimed: 0n,
        remunerated: 0n,
        valuedNow: false,
        feeLines: false,
        pending: false,
      };
      claims.set(line.claimId, acc);
    }
    const claimed = amountOf(line.priceAsked, line.qtyProvided);
    acc.claimed += claimed;
    if (line.status !== 1) continue;
    const plan = line.productId === null ? undefined : plans.get(line.productId);
    const facility = facilities.get(line.facilityId);
    if (plan && !facility) throw new RangeError(`batchPlan: facility ${line.facilityId} not given`);
    const capitation = plan?.capitationFacilities.has(line.facilityId) === true;
    const capWindow = plan?.capitationWindow ?? null;
    if (capitation && capWindow && inWindow(line.processed, capWindow) && inScope(scope, facility!)) {
      const key = `${line.productId}\u0000${line.facilityId}`;
      let v = visits.get(key);
      if (!v) {
        v = { claims: new Set(), adjusted: 0n };
        visits.set(key, v);
      }
      v.claims.add(line.claimId);
      v.adjusted += amountOf(
        line.priceAdjusted ?? line.priceApproved ?? line.priceAsked,
        line.qtyApproved ?? line.qtyProvided,
      );
    }
    if (line.settled) {
      acc.remunerated += line.remunerated ?? 0n;
      continue;
    }
    if (!plan) {
      acc.pending = true;
      continue;
    }
    if (capitation) {
      if (capWindow && upToEnd(line.processed, capWindow)) {
        acc.capitationClaimed += claimed;
        record(line, acc, 0n, 'capitation');
      } else acc.pending = true;
      continue;
    }
    const side = plan.sides.length === 1 || isHospital(plan.product, line, facility!) ? plan.sides[0]! : plan.sides[1]!;
    if (!side.window || !upToEnd(line.processed, side.window)) {
      acc.pending = true;
      continue;
    }
    if (side.shareBp !== null && line.priceOrigin === 'R') {
      const value = lineValue(line);
      side.relLines.push(line);
      side.relClaims.push(acc);
      side.relValues.push(value);
      side.relIds.push(line.id);
      side.claimValue += value;
      acc.valuedNow = true;
      acc.feeLines = true;
    } else record(line, acc, lineValue(line), 'value');
  }

  // Indexes, and the relative lines' share of each pool.
  const indexes: IndexRow[] = [];
  for (const plan of plans.values()) {
    for (const side of plan.sides) {
      if (side.shareBp === null || !side.window) continue;
      const w = side.window;
      const allocated = allocatedContribution(premiums.get(plan.product.id) ?? noPremiums, w);
      const claimValue = side.claimValue;
      const ri = relativeIndex(allocated, side.shareBp, claimValue);
      indexes.push({
        productId: plan.product.id,
        careType: side.careType,
        periodType: w.periodType,
        relType: w.relType,
        year,
        period: w.period,
        window: { start: w.start, end: w.end },
        allocated,
        sharePercent: side.sharePercent,
        pool: ri.pool,
        claimValue,
        index: ri.index,
      });
      const amounts = shareOfPool(ri, side.relValues, side.relIds);
      for (let i = 0; i < amounts.length; i++) record(side.relLines[i]!, side.relClaims[i]!, amounts[i]!, 'index');
    }
  }
  indexes.sort((a, b) => cmp(a.productId, b.productId) || cmp(a.careType, b.careType));

  // Claims: valuated when no passed line waits any more; bills for those paid fee-for-service.
  const valuated: ClaimValuation[] = [];
  const pendingClaims: string[] = [];
  const bills = new Map<string, FacilityBill>();
  const claimIds = [...claims.keys()].sort(cmp);
  for (const claimId of claimIds) {
    const acc = claims.get(claimId)!;
    if (!acc.valuedNow) continue;
    if (acc.pending) {
      pendingClaims.push(claimId);
      continue;
    }
    valuated.push({ claimId, facilityId: acc.facilityId, claimed: acc.claimed, remunerated: acc.remunerated });
    if (!acc.feeLines) continue;
    const claimed = acc.claimed - acc.capitationClaimed;
    let bill = bills.get(acc.facilityId);
    if (!bill) {
      bill = { facilityId: acc.facilityId, lines: [], claimed: 0n, remunerated: 0n, deduction: 0n };
      bills.set(acc.facilityId, bill);
    }
    const deduction = claimed - acc.remunerated;
    bill.lines.push({ claimId, claimed, remunerated: acc.remunerated, deduction });
    bill.claimed += claimed;
    bill.remunerated += acc.remunerated;
    bill.deduction += deduction;
  }

  return {
    year,
    month,
    locationId,
    indexes,
    lines,
    claims: valuated,
    pendingClaims,
    bills: [...bills.values()].sort((a, b) => cmp(a.facilityId, b.facilityId)),
    capitation: capitationRows(input, plans, premiums, visits),
  };
}

/** One capitation row per product with capitation levels whose period closes this month. */
function capitationRows(
  input: BatchInput,
  plans: ReadonlyMap<string, ProductPlan>,
  premiums: ReadonlyMap<string, readonly Premium[]>,
  visits: ReadonlyMap<string, { claims: Set<string>; adjusted: Cents }>,
): CapitationRow[] {
  const insured = new Map(input.insured.map((c) => [`${c.productId}\u0000${c.facilityId}`, c]));
  const rows: CapitationRow[] = [];
  const ordered = [...plans.values()].sort((a, b) => cmp(a.product.id, b.product.id));
  for (const { product, capitationWindow: w, capitationPeriod } of ordered) {
    if (!w || product.capitationLevels.length === 0) continue;
    const facts: CapitationFacts[] = [];
    for (const f of input.facilities) {
      if (!inScope(input.scope, f) || !isCapitationFacility(product.capitationLevels, f)) continue;
      const key = `${product.id}\u0000${f.id}`;
      const ins = insured.get(key);
      const v = visits.get(key);
      facts.push({
        facilityId: f.id,
        population: f.population,
        families: f.families,
        insuredPeople: ins?.people ?? 0,
        insuredFamilies: ins?.families ?? 0,
        visits: v?.claims.size ?? 0,
        adjustedAmount: v?.adjusted ?? 0n,
      });
    }
    const allocated = allocatedContribution(premiums.get(product.id) ?? [], w);
    rows.push({
      productId: product.id,
      periodType: capitationPeriod,
      window: { start: w.start, end: w.end },
      ...capitationPayment(allocated, product, facts),
    });
  }
  return rows;
}
