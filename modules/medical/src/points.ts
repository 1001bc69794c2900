import {
  type Builder,
  type Connection,
  type Ctx,
  defineHook,
  defineServiceRef,
  type MutuaSchemaTypes,
} from '@mutua/kernel';
import type { ObjectRef } from '@pothos/core';
import type {
  Diagnosis,
  DiagnosisInput,
  MedicalItem,
  MedicalItemInput,
  MedicalServiceInput,
  MedicalServiceRow,
} from './domain/types.js';

export { ADULT, allowed, EVERYONE, FEMALE, insureeMask, MALE, MINOR } from './domain/patient-category.js';
export type {
  Diagnosis,
  DiagnosisInput,
  MedicalItem,
  MedicalItemInput,
  MedicalServiceInput,
  MedicalServiceRow,
} from './domain/types.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Filters shared by the three registers; `asOf` (ISO date or timestamp) reads the versions valid then. */
export interface RegisterFilter {
  /** Code prefix or part of the name, case-insensitive. */
  search?: string | null;
  /** Code prefix. */
  code?: string | null;
  asOf?: string | null;
}
export interface ItemFilter extends RegisterFilter {
  type?: string | null;
  careType?: string | null;
}
export interface ServiceFilter extends RegisterFilter {
  type?: string | null;
  careType?: string | null;
  category?: string | null;
  level?: string | null;
}

/**
 * The medical module's service: the items, services and diagnoses registers. Reads need a signed-in user (claims
 * read prices without the register's search right); writes check their right. Every read takes an optional `asOf`
 * (ISO date = end of that day, or a timestamp) and returns the version valid then; without it, the current one.
 */
export interface MedicalApi {
  getItems(ctx: Ctx, ids: readonly string[], asOf?: string | null): Promise<MedicalItem[]>;
  getItem(ctx: Ctx, id: string, asOf?: string | null): Promise<MedicalItem | null>;
  findItemByCode(ctx: Ctx, code: string, asOf?: string | null): Promise<MedicalItem | null>;
  /**
   * The items of these codes valid at `asOf` (current without it), in code order; unknown codes are left out, so the
   * caller can name them (a claim's lines, an import's rows).
   * @example
   * const byCode = new Map((await medical.itemsByCodes(ctx, lines.map((l) => l.code), claim.dateFrom)).map((i) => [i.code, i]));
   */
  itemsByCodes(ctx: Ctx, codes: readonly string[], asOf?: string | null): Promise<MedicalItem[]>;
  searchItems(ctx: Ctx, filter: ItemFilter, page: PageArgs): Promise<Connection<MedicalItem>>;
  isItemCodeFree(ctx: Ctx, code: string, exceptId?: string | null): Promise<boolean>;
  /** All versions of an item, oldest first. */
  itemHistory(ctx: Ctx, id: string): Promise<MedicalItem[]>;
  createItem(ctx: Ctx, input: MedicalItemInput): Promise<MedicalItem>;
  /** Closes the current version and opens a new one (same id); an unchanged input changes nothing. */
  updateItem(ctx: Ctx, id: string, input: MedicalItemInput): Promise<MedicalItem>;
  /** Closes the current version. */
  deleteItem(ctx: Ctx, id: string): Promise<void>;

  getServices(ctx: Ctx, ids: readonly string[], asOf?: string | null): Promise<MedicalServiceRow[]>;
  getService(ctx: Ctx, id: string, asOf?: string | null): Promise<MedicalServiceRow | null>;
  findServiceByCode(ctx: Ctx, code: string, asOf?: string | null): Promise<MedicalServiceRow | null>;
  /** The services of these codes valid at `asOf`, in code order; unknown codes are left out. */
  servicesByCodes(ctx: Ctx, codes: readonly string[], asOf?: string | null): Promise<MedicalServiceRow[]>;
  searchServices(ctx: Ctx, filter: ServiceFilter, page: PageArgs): Promise<Connection<MedicalServiceRow>>;
  isServiceCodeFree(ctx: Ctx, code: string, exceptId?: string | null): Promise<boolean>;
  serviceHistory(ctx: Ctx, id: string): Promise<MedicalServiceRow[]>;
  createService(ctx: Ctx, input: MedicalServiceInput): Promise<MedicalServiceRow>;
  updateService(ctx: Ctx, id: string, input: MedicalServiceInput): Promise<MedicalServiceRow>;
  deleteService(ctx: Ctx, id: string): Promise<void>;

  getDiagnoses(ctx: Ctx, ids: readonly string[], asOf?: string | null): Promise<Diagnosis[]>;
  getDiagnosis(ctx: Ctx, id: string, asOf?: string | null): Promise<Diagnosis | null>;
  findDiagnosisByCode(ctx: Ctx, code: string, asOf?: string | null): Promise<Diagnosis | null>;
  /** The diagnoses of these ICD codes valid at `asOf`, in code order; unknown codes are left out. */
  diagnosesByCodes(ctx: Ctx, codes: readonly string[], asOf?: string | null): Promise<Diagnosis[]>;
  searchDiagnoses(ctx: Ctx, filter: RegisterFilter, page: PageArgs): Promise<Connection<Diagnosis>>;
  /** All versions of a diagnosis, oldest first. */
  diagnosisHistory(ctx: Ctx, id: string): Promise<Diagnosis[]>;
  /** Adds one diagnosis (right `medical.diagnosis.upload`); a code in use is a CONFLICT on `code`. */
  createDiagnosis(ctx: Ctx, input: DiagnosisInput): Promise<Diagnosis>;
  /** Closes the current version and opens a new one (same id); an unchanged input changes nothing. */
  updateDiagnosis(ctx: Ctx, id: string, input: DiagnosisInput): Promise<Diagnosis>;
  /** Closes the current version (claims keep the code they carry). */
  deleteDiagnosis(ctx: Ctx, id: string): Promise<void>;
  /** Insert-or-update diagnoses by code (imports and the seed). */
  upsertDiagnoses(ctx: Ctx, inputs: readonly DiagnosisInput[]): Promise<{ created: number; updated: number }>;
}

/**
 * The medical service, for modules that list 'medical' in dependsOn.
 * @example
 * const medical = setup.service(medicalService);
 * const [item] = await medical.getItems(ctx, [line.itemId], claim.dateFrom);
 */
export const medicalService = defineServiceRef<MedicalApi>('medical');

/** What changed in a register: the new version (null on delete) and the previous one (null on create). */
export interface Changed<T> {
  action: 'create' | 'update' | 'delete';
  current: T | null;
  previous: T | null;
}

/**
 * An item is created, changed (new version) or deleted (closed). Emitted by forms and imports alike.
 * @example
 * hooks.after(itemChanged, async ({ action, current }, ctx) => { if (action === 'delete') await dropPriceListLines(ctx, ...); });
 */
export const itemChanged = defineHook<Changed<MedicalItem>>('medical.itemChanged');
/**
 * A service is created, changed (new version) or deleted (closed).
 * @example
 * hooks.validate(serviceChanged, async ({ previous }, ctx) => []);
 */
export const serviceChanged = defineHook<Changed<MedicalServiceRow>>('medical.serviceChanged');
/**
 * A diagnosis is created or changed by an import or the seed.
 * @example
 * hooks.after(diagnosisChanged, async ({ current }) => { ... });
 */
export const diagnosisChanged = defineHook<Changed<Diagnosis>>('medical.diagnosisChanged');

type Types = PothosSchemaTypes.ExtendDefaultTypes<MutuaSchemaTypes>;
interface Refs {
  item: ObjectRef<Types, MedicalItem>;
  service: ObjectRef<Types, MedicalServiceRow>;
  diagnosis: ObjectRef<Types, Diagnosis>;
}
// Pothos refs hold per-schema state, so each builder (each kernel, e.g. one per test) gets its own set.
const refs = new WeakMap<Builder, Refs>();
function refsFor(builder: Builder): Refs {
  let r = refs.get(builder);
  if (!r) {
    r = {
      item: builder.objectRef<MedicalItem>('MedicalItem'),
      service: builder.objectRef<MedicalServiceRow>('MedicalService'),
      diagnosis: builder.objectRef<Diagnosis>('Diagnosis'),
    };
    refs.set(builder, r);
  }
  return r;
}

/**
 * The GraphQL `MedicalItem` type on this builder, for other modules to add fields to or reference.
 * @example
 * t.field({ type: medicalItemObject(builder), resolve: (line, _a, ctx) => medical.getItems(ctx, [line.itemId]).then((r) => r[0]) });
 */
export const medicalItemObject = (builder: Builder): ObjectRef<Types, MedicalItem> => refsFor(builder).item;
/**
 * The GraphQL `MedicalService` type on this builder.
 * @example
 * builder.objectField(medicalServiceObject(builder), 'priceListPrice', (t) => t.string({ ... }));
 */
export const medicalServiceObject = (builder: Builder): ObjectRef<Types, MedicalServiceRow> => refsFor(builder).service;
/**
 * The GraphQL `Diagnosis` type on this builder.
 * @example
 * t.field({ type: diagnosisObject(builder), nullable: true, resolve: ... });
 */
export const diagnosisObject = (builder: Builder): ObjectRef<Types, Diagnosis> => refsFor(builder).diagnosis;
