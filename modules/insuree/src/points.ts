import {
  type Builder,
  type Connection,
  type Ctx,
  defineHook,
  defineServiceRef,
  type FieldProblem,
  type MutuaSchemaTypes,
} from '@mutua/kernel';
import type { ObjectRef } from '@pothos/core';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DuplicateCandidate, Family, FamilyInput, Insuree, InsureeInput } from './domain/types.js';

export type {
  DuplicateCandidate,
  DuplicateReason,
  Family,
  FamilyInput,
  Insuree,
  InsureeInput,
} from './domain/types.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface InsureeFilter {
  /** Insurance number prefix. */
  chfId?: string | null;
  lastName?: string | null;
  otherNames?: string | null;
  /** YYYY-MM-DD, inclusive. */
  dobFrom?: string | null;
  dobTo?: string | null;
  gender?: string | null;
  /** A region, district, ward or village: insurees of families anywhere under it. */
  locationId?: string | null;
  /** 'active' (default): current versions only; 'all': removed insurees too (their last version). */
  status?: 'active' | 'all' | null;
  familyId?: string | null;
}

/** A page of `familiesWithMembers`: families in id order with their current members, head first. */
export interface FamilyPage {
  families: Array<{
    id: string;
    locationId: string;
    members: Array<{ id: string; dob: string; relationship: string | null; isHead: boolean }>;
  }>;
  /** The last family's id: pass it as `after` for the next page; null when the page is empty. */
  endCursor: string | null;
}

/** Options of a write that enrols a new insuree. */
export interface EnrolOptions {
  /** Must be true to save when likely duplicates exist (they are listed in the error otherwise). */
  confirmDuplicates?: boolean | null;
}

/**
 * The insuree module's service: families (groups) and their members. Reads need the family/insuree search right and
 * return only families whose village is in the user's scope; writes check their right, the scope, run in one
 * transaction and are audited.
 */
export interface InsureeApi {
  /** Scope-checked; null when unknown or out of scope. */
  getFamily(ctx: Ctx, id: string): Promise<Family | null>;
  /** Current members, head first. */
  familyMembers(ctx: Ctx, familyId: string): Promise<Insuree[]>;
  getInsuree(ctx: Ctx, id: string): Promise<Insuree | null>;
  getInsurees(ctx: Ctx, ids: readonly string[]): Promise<Insuree[]>;
  findByNumber(ctx: Ctx, chfId: string): Promise<Insuree | null>;
  /** `findByNumber` for many numbers in one query (claims sent together), by number; unknown numbers are absent. */
  findByNumbers(ctx: Ctx, chfIds: readonly string[]): Promise<Map<string, Insuree>>;
  /** SQL condition: rows keyed by a family id are visible when the family's village is in the user's scope. */
  familyScopeCondition(ctx: Ctx, familyIdColumn: AnyPgColumn | SQL): Promise<SQL | undefined>;
  /**
   * SQL expression: the village (location id) of the family whose id is in `familyIdColumn` — for other modules'
   * set-based reports (insured people per village) without reading this module's tables themselves.
   */
  familyVillageSql(familyIdColumn: AnyPgColumn | SQL): SQL;
  /** Whether the user may write data of this family (its village is in the user's districts). */
  canWriteFamily(ctx: Ctx, familyId: string): Promise<boolean>;

  getFamilies(ctx: Ctx, ids: readonly string[]): Promise<Family[]>;
  searchInsurees(ctx: Ctx, filter: InsureeFilter, page: PageArgs): Promise<Connection<Insuree>>;
  /** Families found by their head (the filter applies to the head), in head-name order. */
  searchFamilies(ctx: Ctx, filter: InsureeFilter, page: PageArgs): Promise<Connection<Family>>;
  /**
   * Every current family with its members, page by page in id order (up to 5,000 a page, no total count): bulk
   * readers such as policy generation. Needs the family search right; scoped like the searches.
   */
  familiesWithMembers(ctx: Ctx, page: { first?: number | null; after?: string | null }): Promise<FamilyPage>;
  /** All versions of an insuree, oldest first. */
  insureeHistory(ctx: Ctx, id: string): Promise<Insuree[]>;
  /** Likely duplicates of an insuree about to be enrolled (or edited: `exceptId`). */
  findDuplicates(
    ctx: Ctx,
    input: InsureeInput & { villageId?: string | null; exceptId?: string | null },
  ): Promise<DuplicateCandidate[]>;

  /** Why a number cannot be used (format, checksum, taken by another current insuree); empty when it can. */
  numberProblems(ctx: Ctx, chfId: string, exceptId?: string | null): Promise<FieldProblem[]>;
  /** Generates a free insurance number of the configured length and checksum mode. */
  newInsuranceNumber(ctx: Ctx): Promise<string>;
  /** Creates a family with its head in one step. */
  createFamily(
    ctx: Ctx,
    family: FamilyInput,
    head: InsureeInput,
    opts?: EnrolOptions,
  ): Promise<{ family: Family; head: Insuree }>;
  updateFamily(ctx: Ctx, id: string, input: FamilyInput): Promise<Family>;
  /** Closes the family and all its members. */
  deleteFamily(ctx: Ctx, id: string): Promise<void>;
  addInsuree(ctx: Ctx, familyId: string, input: InsureeInput, opts?: EnrolOptions): Promise<Insuree>;
  updateInsuree(ctx: Ctx, id: string, input: InsureeInput): Promise<Insuree>;
  /** Moves a member (not the head) to another family. */
  moveInsuree(ctx: Ctx, id: string, targetFamilyId: string): Promise<Insuree>;
  /** Removes a member; the head only when `newHeadId` names another member who becomes head. */
  removeInsuree(ctx: Ctx, id: string, opts?: { newHeadId?: string | null }): Promise<void>;
  changeHead(ctx: Ctx, familyId: string, newHeadId: string): Promise<Family>;
  /** Stores a photo (JPEG/PNG) with the insuree; null removes it. */
  setPhoto(ctx: Ctx, insureeId: string, photo: { mime: string; data: Uint8Array } | null): Promise<Insuree>;
  getPhoto(ctx: Ctx, insureeId: string): Promise<{ mime: string; data: Uint8Array } | null>;
}

/**
 * The insuree service, for modules that list 'insuree' in dependsOn.
 * @example
 * const insurees = setup.service(insureeService);
 * const where = and(eq(policy.current, true), await insurees.familyScopeCondition(ctx, policy.familyId));
 */
export const insureeService = defineServiceRef<InsureeApi>('insuree');

/**
 * An insuree joins a family (also once per member when a family is created, and on a move into a family). Emitted
 * inside the writing transaction.
 * @example
 * hooks.after(insureeAdded, async ({ familyId, insureeId, enrolledOn }, ctx) => { ... }, { policy: 'in-transaction' });
 */
export const insureeAdded = defineHook<{ familyId: string; insureeId: string; enrolledOn: string }>(
  'insuree.insureeAdded',
);
/**
 * An insuree leaves a family (removed, moved out, or the family deleted). Emitted inside the writing transaction.
 * @example
 * hooks.after(insureeRemoved, async ({ familyId, insureeId }, ctx) => { ... }, { policy: 'in-transaction' });
 */
export const insureeRemoved = defineHook<{ familyId: string; insureeId: string }>('insuree.insureeRemoved');

type Types = PothosSchemaTypes.ExtendDefaultTypes<MutuaSchemaTypes>;
interface Refs {
  family: ObjectRef<Types, Family>;
  insuree: ObjectRef<Types, Insuree>;
}
// Pothos refs hold per-schema state, so each builder (each kernel, e.g. one per test) gets its own pair.
const refs = new WeakMap<Builder, Refs>();
function refsFor(builder: Builder): Refs {
  let r = refs.get(builder);
  if (!r) {
    r = { family: builder.objectRef<Family>('Family'), insuree: builder.objectRef<Insuree>('Insuree') };
    refs.set(builder, r);
  }
  return r;
}
/**
 * The GraphQL `Family` type on this builder, for other modules to add fields to.
 * @example
 * builder.objectField(familyObject(builder), 'policies', (t) => t.field({ ... }));
 */
export const familyObject = (builder: Builder): ObjectRef<Types, Family> => refsFor(builder).family;
/**
 * The GraphQL `Insuree` type on this builder.
 * @example
 * t.field({ type: insureeObject(builder), resolve: (claim, _a, ctx) => insurees.getInsuree(ctx, claim.insureeId) });
 */
export const insureeObject = (builder: Builder): ObjectRef<Types, Insuree> => refsFor(builder).insuree;
