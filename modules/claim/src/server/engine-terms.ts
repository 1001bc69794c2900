import type { ProductLine } from '@mutua/product';
import { COVERAGE_COUNT_FIELDS } from '@mutua/product/domain';
import { type Cents, parseCents } from '../domain/money.js';
import type {
  CeilingExclusion,
  ClaimStatus as EngineStatus,
  LedgerRow,
  LimitationType,
  PriceListEntry,
  PriceOrigin,
  ProductLineTerms,
  ProductTerms,
  RegisterEntry,
} from '../domain/types.js';
import type { claimDedRem } from './schema.js';

/** Stored values → engine terms (cents, hundredths, statuses) and the reference memos of an engine context. */

export const cents = (s: string | number | null | undefined): Cents | null =>
  s === null || s === undefined || s === '' ? null : parseCents(String(s));
/** Decimal × 100 as an integer (percent in hundredths, or cents). */
export const hundredths = (s: string | number | null | undefined): number => cents(s) ?? 0;
export const num = (s: string | null | undefined): number | null => (s === null || s === undefined ? null : Number(s));

export const STATUS_NAME: Record<number, EngineStatus> = {
  1: 'rejected',
  2: 'entered',
  4: 'checked',
  8: 'processed',
  16: 'valuated',
};
export const STATUS_CODE: Record<EngineStatus, 1 | 2 | 4 | 8 | 16> = {
  rejected: 1,
  entered: 2,
  checked: 4,
  processed: 8,
  valuated: 16,
};

export const PRODUCT_INT = ['threshold', ...COVERAGE_COUNT_FIELDS] as const;

export function lineTerms(l: ProductLine): ProductLineTerms {
  return {
    id: l.medicalId,
    priceOrigin: l.priceOrigin as PriceOrigin,
    limitationType: l.limitationType as LimitationType,
    limitationTypeE: l.limitationTypeE as LimitationType,
    limitationTypeR: l.limitationTypeR as LimitationType,
    limitAdult: hundredths(l.limitAdult),
    limitChild: hundredths(l.limitChild),
    limitAdultE: hundredths(l.limitAdultE),
    limitChildE: hundredths(l.limitChildE),
    limitAdultR: hundredths(l.limitAdultR),
    limitChildR: hundredths(l.limitChildR),
    waitingPeriodAdult: l.waitingPeriodAdult,
    waitingPeriodChild: l.waitingPeriodChild,
    limitNoAdult: l.limitNoAdult,
    limitNoChild: l.limitNoChild,
    ceilingExclusionAdult: l.ceilingExclusionAdult as CeilingExclusion | null,
    ceilingExclusionChild: l.ceilingExclusionChild as CeilingExclusion | null,
  };
}

/** A value cache keyed by string, filled once per key (promise-shared so concurrent asks share one load). */
export class Memo<T> {
  private readonly m = new Map<string, Promise<T>>();
  get(key: string, load: () => Promise<T>): Promise<T> {
    let p = this.m.get(key);
    if (!p) {
      p = load();
      this.m.set(key, p);
    }
    return p;
  }
}

/**
 * The reference data (registers, price lists, products) one engine context reads, each once. Never kept beyond the
 * context: a change committed meanwhile must be seen by the next one.
 */
export function createReferenceCache() {
  return {
    registerMemo: new Memo<Map<string, RegisterEntry>>(),
    priceMemo: new Memo<ReadonlyMap<string, PriceListEntry>>(),
    facilityListsMemo: new Memo<{ items: string | null; services: string | null }>(),
    productMemo: new Memo<ProductTerms | null>(),
  };
}

export function toLedger(
  r: Pick<
    typeof claimDedRem.$inferSelect,
    | 'claimId'
    | 'policyId'
    | 'insureeId'
    | 'dedG'
    | 'remG'
    | 'dedIp'
    | 'remIp'
    | 'dedOp'
    | 'remOp'
    | 'remConsult'
    | 'remSurgery'
    | 'remDelivery'
    | 'remHospitalization'
    | 'remAntenatal'
  >,
): LedgerRow {
  const c = (x: string) => cents(x) ?? 0;
  return {
    claimId: r.claimId,
    policyId: r.policyId,
    insureeId: r.insureeId,
    dedG: c(r.dedG),
    remG: c(r.remG),
    dedIp: c(r.dedIp),
    remIp: c(r.remIp),
    dedOp: c(r.dedOp),
    remOp: c(r.remOp),
    remConsult: c(r.remConsult),
    remSurgery: c(r.remSurgery),
    remDelivery: c(r.remDelivery),
    remHospitalization: c(r.remHospitalization),
    remAntenatal: c(r.remAntenatal),
  };
}
