/** One problem with one field: the field name and the i18n key of its message. */
export interface Problem {
  field: string;
  key: string;
  params?: Record<string, unknown>;
}

/** A price-list header, one version of it (DOMAIN.md §6). */
export interface Pricelist {
  /** Stable id shared by all versions. */
  id: string;
  kind: 'items' | 'services';
  name: string;
  /** ISO date (openIMIS DatePL). */
  pricelistDate: string;
  /** Region or district; null = national. */
  locationId: string | null;
  validFrom: string;
  validTo: string | null;
  /** The `asOf` the header was read at (GraphQL passes it on to the lines); absent = now. */
  readAt?: string | null;
}

export interface PricelistInput {
  name: string;
  pricelistDate: string;
  locationId?: string | null;
}

/** One line of a price list, one version of it, with the register entity it prices. */
export interface PricelistDetail {
  /** Stable detail id. */
  id: string;
  pricelistId: string;
  /** The item's or service's stable id (medical module). */
  medicalId: string;
  /** Override price (exact decimal) or null = the register price. */
  override: string | null;
  validFrom: string;
  validTo: string | null;
  /** From the register, at the same date: code, name and price (null when the register entity is gone). */
  code: string | null;
  name: string | null;
  registerPrice: string | null;
  /** override ?? registerPrice. */
  price: string | null;
}

/** What `setDetails` changes: ids are the register's item/service ids. */
export interface DetailChanges {
  add?: ReadonlyArray<{ id: string; price?: string | null }> | null;
  remove?: readonly string[] | null;
  prices?: ReadonlyArray<{ id: string; price?: string | null }> | null;
}

/** The price a facility applies to an item or service at a date. */
export interface PriceQuote {
  inList: boolean;
  /** override ?? register price; null when not in the list. */
  price: string | null;
  override: string | null;
}
