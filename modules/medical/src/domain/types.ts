/** A problem with one field: the field name and the i18n key of its message. */
export interface Problem {
  field: string;
  key: string;
  params?: Record<string, unknown>;
}

export const ITEM_TYPES = ['D', 'M'] as const;
export const CARE_TYPES = ['I', 'O', 'B'] as const;
export const SERVICE_TYPES = ['P', 'C'] as const;
export const SERVICE_CATEGORIES = ['S', 'D', 'A', 'H', 'C', 'O', 'V'] as const;
export const SERVICE_LEVELS = ['S', 'V', 'D', 'H'] as const;
export const PACKAGE_TYPES = ['S', 'P', 'F'] as const;

/** Fields every version of an effective-dated register row carries. */
export interface Versioned {
  /** Stable entity id, shared by all versions. */
  id: string;
  /** ISO timestamp this version took effect. */
  validFrom: string;
  /** ISO timestamp this version was closed; null while current. */
  validTo: string | null;
}

/** A medical item (DOMAIN.md §5.2); money and quantities as exact decimal strings. */
export interface MedicalItem extends Versioned {
  code: string;
  name: string;
  /** D drug, M medical consumable. */
  type: string;
  package: string | null;
  price: string;
  quantity: string | null;
  /** Max quantity per claim line (openIMIS maximum_amount). */
  maximumQuantity: string | null;
  careType: string;
  /** Minimum days between two provisions to the same insuree. */
  frequency: number | null;
  /** Bitmask 1–15: male 1, female 2, adult 4, minor 8. */
  patientCategory: number;
}

/** A medical service (DOMAIN.md §5.3). */
export interface MedicalServiceRow extends Versioned {
  code: string;
  name: string;
  /** P preventative, C curative. */
  type: string;
  /** S surgery, D delivery, A antenatal, H hospitalization, C consultation, O other, V visit. */
  category: string | null;
  /** S simple service, V visit, D day of stay, H hospital case. */
  level: string;
  price: string;
  maximumQuantity: string | null;
  careType: string;
  frequency: number | null;
  patientCategory: number;
  /** S simple, P package, F fixed-price package. */
  packageType: string;
  manualPrice: boolean;
}

/** An ICD-10 diagnosis (DOMAIN.md §5.1). */
export interface Diagnosis extends Versioned {
  code: string;
  name: string;
  nameFr: string | null;
}

/** Item input as forms, GraphQL and imports give it (prices as decimal strings). */
export interface MedicalItemInput {
  code: string;
  name: string;
  type: string;
  package?: string | null;
  price: string;
  quantity?: string | null;
  maximumQuantity?: string | null;
  careType: string;
  frequency?: number | null;
  patientCategory?: number | null;
}

export interface MedicalServiceInput {
  code: string;
  name: string;
  type: string;
  category?: string | null;
  level: string;
  price: string;
  maximumQuantity?: string | null;
  careType: string;
  frequency?: number | null;
  patientCategory?: number | null;
  packageType?: string | null;
  manualPrice?: boolean | null;
}

export interface DiagnosisInput {
  code: string;
  name: string;
  nameFr?: string | null;
}

/** The business values of an item (what a version stores besides its id and validity). */
export type ItemValues = Omit<MedicalItem, keyof Versioned>;
export type ServiceValues = Omit<MedicalServiceRow, keyof Versioned>;
export type DiagnosisValues = Omit<Diagnosis, keyof Versioned>;
