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
  ClaimAdministrator,
  ClaimAdministratorInput,
  EnrolmentOfficer,
  EnrolmentOfficerInput,
} from './domain/types.js';

export type {
  ClaimAdministrator,
  ClaimAdministratorInput,
  EnrolmentOfficer,
  EnrolmentOfficerInput,
} from './domain/types.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface OfficerFilter {
  /** Code prefix or part of a name, case-insensitive. */
  search?: string | null;
  /** A district or region: officers of the districts under it. */
  locationId?: string | null;
  /** Officers serving this village. */
  villageId?: string | null;
}

export interface ClaimAdminFilter {
  /** Code prefix or part of a name, case-insensitive. */
  search?: string | null;
  healthFacilityId?: string | null;
}

/**
 * The officer module's service: enrolment officers and claim administrators (DOMAIN.md §2.1). Reads need the
 * register's search right and return only rows in the user's location scope (officers by district, claim
 * administrators by their facility's district); writes check their right and that the location is the user's.
 */
export interface OfficerService {
  searchOfficers(ctx: Ctx, filter: OfficerFilter, page: PageArgs): Promise<Connection<EnrolmentOfficer>>;
  getOfficer(ctx: Ctx, id: string): Promise<EnrolmentOfficer | null>;
  findOfficerByCode(ctx: Ctx, code: string): Promise<EnrolmentOfficer | null>;
  /** The current officer whose account is this kernel user (e.g. to default the officer of a new family). */
  findOfficerByUser(ctx: Ctx, userId: string): Promise<EnrolmentOfficer | null>;
  createOfficer(ctx: Ctx, input: EnrolmentOfficerInput): Promise<EnrolmentOfficer>;
  /** A complete update; the village list replaces the previous one. */
  updateOfficer(ctx: Ctx, id: string, input: EnrolmentOfficerInput): Promise<EnrolmentOfficer>;
  /** Soft delete; refused while another current officer names this one as substitute. */
  deleteOfficer(ctx: Ctx, id: string): Promise<void>;

  searchClaimAdmins(ctx: Ctx, filter: ClaimAdminFilter, page: PageArgs): Promise<Connection<ClaimAdministrator>>;
  getClaimAdmin(ctx: Ctx, id: string): Promise<ClaimAdministrator | null>;
  findClaimAdminByCode(ctx: Ctx, code: string): Promise<ClaimAdministrator | null>;
  /** The current claim administrator whose account is this kernel user (the claim module's default facility). */
  findClaimAdminByUser(ctx: Ctx, userId: string): Promise<ClaimAdministrator | null>;
  createClaimAdmin(ctx: Ctx, input: ClaimAdministratorInput): Promise<ClaimAdministrator>;
  updateClaimAdmin(ctx: Ctx, id: string, input: ClaimAdministratorInput): Promise<ClaimAdministrator>;
  deleteClaimAdmin(ctx: Ctx, id: string): Promise<void>;
}

/**
 * The officer service, for modules that list 'officer' in dependsOn.
 * @example
 * const officers = setup.service(officerService);
 */
export const officerService = defineServiceRef<OfficerService>('officer');

/**
 * An enrolment officer is deleted; `validate` listeners may veto (e.g. the insuree module while families name them).
 * @example
 * hooks.validate(officerDeleted, async ({ officer }, ctx) => (await hasPolicies(ctx, officer.id) ? [problem] : []));
 */
export const officerDeleted = defineHook<{ officer: EnrolmentOfficer }>('officer.officerDeleted');
/**
 * A claim administrator is deleted; `validate` listeners may veto (e.g. the claim module while claims are open).
 * @example
 * hooks.validate(claimAdminDeleted, async ({ claimAdmin }, ctx) => []);
 */
export const claimAdminDeleted = defineHook<{ claimAdmin: ClaimAdministrator }>('officer.claimAdminDeleted');

type Types = PothosSchemaTypes.ExtendDefaultTypes<MutuaSchemaTypes>;
interface Refs {
  officer: ObjectRef<Types, EnrolmentOfficer>;
  claimAdmin: ObjectRef<Types, ClaimAdministrator>;
}
const refs = new WeakMap<Builder, Refs>();
function refsFor(builder: Builder): Refs {
  let r = refs.get(builder);
  if (!r) {
    r = {
      officer: builder.objectRef<EnrolmentOfficer>('EnrolmentOfficer'),
      claimAdmin: builder.objectRef<ClaimAdministrator>('ClaimAdministrator'),
    };
    refs.set(builder, r);
  }
  return r;
}

/**
 * The GraphQL `EnrolmentOfficer` type on this builder, for other modules to add fields to.
 * @example
 * builder.objectField(officerObject(builder), 'familyCount', (t) => t.int({ resolve: ... }));
 */
export const officerObject = (builder: Builder): ObjectRef<Types, EnrolmentOfficer> => refsFor(builder).officer;
/**
 * The GraphQL `ClaimAdministrator` type on this builder, for other modules to add fields to.
 * @example
 * builder.objectField(claimAdminObject(builder), 'openClaims', (t) => t.int({ resolve: ... }));
 */
export const claimAdminObject = (builder: Builder): ObjectRef<Types, ClaimAdministrator> => refsFor(builder).claimAdmin;
