import { type Connection, type Ctx, defineServiceRef } from '@mutua/kernel';
import type { DetailChanges, Pricelist, PricelistDetail, PricelistInput, PriceQuote } from './domain/types.js';

export type {
  DetailChanges,
  Pricelist,
  PricelistDetail,
  PricelistInput,
  PriceQuote,
} from './domain/types.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PricelistFilter {
  /** Part of the name, case-insensitive. */
  search?: string | null;
  /** Lists of this location exactly (a region or district id). */
  locationId?: string | null;
  /** ISO date or timestamp: the versions valid then; current ones when omitted. */
  asOf?: string | null;
}

/** The operations on one kind of price list (items or services); each checks its right and the location scope. */
export interface PricelistKindApi {
  search(ctx: Ctx, filter: PricelistFilter, page: PageArgs): Promise<Connection<Pricelist>>;
  get(ctx: Ctx, id: string, asOf?: string | null): Promise<Pricelist | null>;
  /** All versions of the header, oldest first. */
  history(ctx: Ctx, id: string): Promise<Pricelist[]>;
  /** The lines valid at `asOf` (current when omitted), with the register's code, name and price at that date. */
  details(ctx: Ctx, id: string, asOf?: string | null): Promise<PricelistDetail[]>;
  /**
   * Every line's override valid at `asOf`, without register data — what a claim check needs (system read: the
   * caller checks its own right).
   */
  entries(ctx: Ctx, id: string, asOf?: string | null): Promise<Array<{ medicalId: string; override: string | null }>>;
  /** Every version of the line for this register id, oldest first. */
  detailHistory(ctx: Ctx, id: string, medicalId: string): Promise<PricelistDetail[]>;
  findByName(ctx: Ctx, name: string): Promise<Pricelist | null>;
  create(ctx: Ctx, input: PricelistInput): Promise<Pricelist>;
  /** Closes the current header version and opens a new one; an unchanged input changes nothing. */
  update(ctx: Ctx, id: string, input: PricelistInput): Promise<Pricelist>;
  /** Closes the header and its lines; facilities using it no longer do. */
  delete(ctx: Ctx, id: string): Promise<void>;
  /** A new list with the given header and the same current lines. */
  duplicate(ctx: Ctx, id: string, input: PricelistInput): Promise<Pricelist>;
  /** Adds, removes and reprices lines (register ids); a changed line is closed and a new version opened. */
  setDetails(ctx: Ctx, id: string, changes: DetailChanges): Promise<PricelistDetail[]>;
  /** Ids of the facilities using the list. */
  facilities(ctx: Ctx, id: string): Promise<string[]>;
}

export interface FacilityPricelists {
  hfId: string;
  itemsPricelistId: string | null;
  servicesPricelistId: string | null;
}

/**
 * The price-list module's service: items and services price lists, the lists each facility uses, and the price a
 * facility applies (for claims).
 */
export interface PricelistApi {
  items: PricelistKindApi;
  services: PricelistKindApi;
  /**
   * Whether the item/service is in the facility's list valid at `asOf` (ISO date = end of day; now when omitted) and
   * its price there: override ?? register price. Needs a signed-in user only (claims read it).
   */
  priceFor(
    ctx: Ctx,
    q: { hfId: string; kind: 'item' | 'service'; medicalId: string; asOf?: string | null },
  ): Promise<PriceQuote>;
  /** `priceFor` of many register ids at once (every asked id has an entry): three queries whatever their number. */
  pricesFor(
    ctx: Ctx,
    q: { hfId: string; kind: 'item' | 'service'; medicalIds: readonly string[]; asOf?: string | null },
  ): Promise<Map<string, PriceQuote>>;
  facilityPricelists(ctx: Ctx, hfId: string): Promise<FacilityPricelists>;
  /** Sets both lists of a facility (null = none); needs the facility edit right and the facility in scope. */
  assignToFacility(
    ctx: Ctx,
    hfId: string,
    lists: { itemsPricelistId?: string | null; servicesPricelistId?: string | null },
  ): Promise<FacilityPricelists>;
}

/**
 * The price-list service, for modules that list 'medical-pricelist' in dependsOn.
 * @example
 * const pricelists = setup.service(pricelistService);
 * const { inList, price } = await pricelists.priceFor(ctx, { hfId, kind: 'item', medicalId, asOf: claim.dateTo });
 */
export const pricelistService = defineServiceRef<PricelistApi>('medical-pricelist');
