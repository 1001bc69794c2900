/** Payer types (DOMAIN.md §3): Co-operative, Donor, Government, Local authority, Other, Private organization. */
export const PAYER_TYPES = ['C', 'D', 'G', 'L', 'O', 'P'] as const;
export type PayerType = (typeof PAYER_TYPES)[number];

/** A payer (DOMAIN.md §8): who pays contributions on behalf of insurees; the current version unless read as of a date. */
export interface Payer {
  /** Stable id across versions. */
  id: string;
  type: PayerType;
  name: string;
  address: string | null;
  /** A region or a district. */
  locationId: string;
  phone: string | null;
  fax: string | null;
  email: string | null;
  /** When this version took effect. */
  validFrom: string;
  /** When it was replaced or deleted; null for the current version. */
  validTo: string | null;
}

export interface PayerInput {
  type: string;
  name: string;
  address?: string | null;
  locationId: string;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
}
