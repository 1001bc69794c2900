import { type Builder, type Ctx, connectionType, defineMutation, payloadType, type Types } from '@mutua/kernel';
import { healthFacilityObject, type LocationService, locationObject } from '@mutua/location';
import type { InputFieldMap, InputShapeFromFields, ObjectRef } from '@pothos/core';
import type { Person } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { claimAdminObject, type OfficerService, officerObject } from '../points.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

const deletePayload = (builder: Builder, name: string) =>
  builder.objectRef<{ clientMutationId: string | null; deletedId: string }>(name).implement({
    fields: (t) => ({
      clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
      deletedId: t.exposeID('deletedId'),
    }),
  });

/** The person fields of both registers, shown first on each type. */
const personObjectFields = (t: PothosSchemaTypes.ObjectFieldBuilder<Types, Person>) => ({
  id: t.exposeID('id'),
  code: t.exposeString('code'),
  lastName: t.exposeString('lastName'),
  otherNames: t.exposeString('otherNames'),
  dob: t.expose('dob', { type: 'Date', nullable: true }),
  phone: t.exposeString('phone', { nullable: true }),
  email: t.exposeString('email', { nullable: true }),
});

const personFields = (t: InputFields) => ({
  code: t.string({ required: true }),
  lastName: t.string({ required: true }),
  otherNames: t.string({ required: true }),
  dob: t.field({ type: 'Date' }),
  phone: t.string(),
  email: t.string(),
  userId: t.id({ description: 'The kernel user account of this person (one record per account).' }),
});

/**
 * `create<Name>` and `update<Name>` (the same fields plus the id), answering `<Name>Payload { <key> }`, and
 * `delete<Name>`, each behind its right.
 */
function registerMutations<Fields extends InputFieldMap, R>(
  builder: Builder,
  name: string,
  key: string,
  ref: ObjectRef<Types, R>,
  fields: (t: InputFields) => Fields,
  o: {
    rights: { add: string; edit: string; delete: string };
    run: {
      create: (ctx: Ctx, input: InputShapeFromFields<Fields>) => Promise<R>;
      update: (ctx: Ctx, id: string, input: InputShapeFromFields<Fields>) => Promise<R>;
      remove: (ctx: Ctx, id: string) => Promise<void>;
    };
  },
): void {
  const payload = payloadType(builder, `${name}Payload`, key, ref);
  defineMutation(builder, `create${name}`, {
    guard: { right: o.rights.add },
    input: fields,
    payload,
    run: async (input, tx) => ({ [key]: await o.run.create(tx, input) }),
  });
  defineMutation(builder, `update${name}`, {
    guard: { right: o.rights.edit },
    input: (t) => ({ id: t.id({ required: true }), ...fields(t) }),
    payload,
    run: async (input, tx) => {
      // The fields' shape plus `id`, which Pothos cannot relate to generic fields.
      const withId = input as unknown as InputShapeFromFields<Fields> & { id: string };
      return { [key]: await o.run.update(tx, withId.id, withId) };
    },
  });
  defineMutation(builder, `delete${name}`, {
    guard: { right: o.rights.delete },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: deletePayload(builder, `Delete${name}Payload`),
    run: async (input, tx) => {
      await o.run.remove(tx, input.id);
      return { deletedId: input.id };
    },
  });
}

export function registerOfficerGraphql(builder: Builder, service: OfficerService, locations: LocationService): void {
  const LocationRef = locationObject(builder);
  const HfRef = healthFacilityObject(builder);
  const OfficerRef = officerObject(builder);
  const ClaimAdminRef = claimAdminObject(builder);

  builder.objectType(OfficerRef, {
    description: 'An enrolment officer (agent d’enrôlement): enrols families in the villages of a district.',
    fields: (t) => ({
      ...personObjectFields(t),
      locationId: t.exposeID('locationId'),
      location: t.field({
        type: LocationRef,
        nullable: true,
        description: 'The district (null when outside the user’s scope).',
        resolve: (o, _a, ctx) => locations.getLocation(ctx, o.locationId),
      }),
      substituteId: t.exposeID('substituteId', { nullable: true }),
      substitute: t.field({
        type: OfficerRef,
        nullable: true,
        resolve: (o, _a, ctx) => (o.substituteId ? service.getOfficer(ctx, o.substituteId) : null),
      }),
      worksTo: t.expose('worksTo', { type: 'Date', nullable: true }),
      veoCode: t.exposeString('veoCode', { nullable: true }),
      veoLastName: t.exposeString('veoLastName', { nullable: true }),
      veoOtherNames: t.exposeString('veoOtherNames', { nullable: true }),
      veoDob: t.expose('veoDob', { type: 'Date', nullable: true }),
      veoPhone: t.exposeString('veoPhone', { nullable: true }),
      phoneCommunication: t.exposeBoolean('phoneCommunication'),
      address: t.exposeString('address', { nullable: true }),
      userId: t.exposeID('userId', { nullable: true }),
      villageIds: t.exposeIDList('villageIds'),
      villages: t.field({
        type: [LocationRef],
        description: 'The villages served, by code.',
        resolve: async (o, _a, ctx) =>
          (await locations.getLocations(ctx, o.villageIds)).sort((a, b) => a.code.localeCompare(b.code)),
      }),
    }),
  });
  const OfficerConnection = connectionType(builder, OfficerRef, 'EnrolmentOfficer');

  builder.objectType(ClaimAdminRef, {
    description: 'A claim administrator (gestionnaire des demandes): enters claims for one health facility.',
    fields: (t) => ({
      ...personObjectFields(t),
      healthFacilityId: t.exposeID('healthFacilityId'),
      healthFacility: t.field({
        type: HfRef,
        nullable: true,
        resolve: (c, _a, ctx) => locations.getHealthFacility(ctx, c.healthFacilityId),
      }),
      userId: t.exposeID('userId', { nullable: true }),
    }),
  });
  const ClaimAdminConnection = connectionType(builder, ClaimAdminRef, 'ClaimAdministrator');

  builder.queryFields((t) => ({
    enrolmentOfficers: t.field({
      type: OfficerConnection,
      extensions: { right: RIGHTS.officerSearch },
      args: {
        search: t.arg.string({ description: 'Code prefix or part of a name.' }),
        locationId: t.arg.id({ description: 'A district or region: officers of the districts under it.' }),
        villageId: t.arg.id({ description: 'Officers serving this village.' }),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      resolve: (_root, a, ctx) => service.searchOfficers(ctx, a, a),
    }),
    enrolmentOfficer: t.field({
      type: OfficerRef,
      nullable: true,
      extensions: { right: RIGHTS.officerSearch },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, a, ctx) => service.getOfficer(ctx, a.id),
    }),
    claimAdministrators: t.field({
      type: ClaimAdminConnection,
      extensions: { right: RIGHTS.claimAdminSearch },
      args: {
        search: t.arg.string({ description: 'Code prefix or part of a name.' }),
        healthFacilityId: t.arg.id(),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      resolve: (_root, a, ctx) => service.searchClaimAdmins(ctx, a, a),
    }),
    claimAdministrator: t.field({
      type: ClaimAdminRef,
      nullable: true,
      extensions: { right: RIGHTS.claimAdminSearch },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, a, ctx) => service.getClaimAdmin(ctx, a.id),
    }),
  }));

  const officerFields = (t: InputFields) => ({
    ...personFields(t),
    locationId: t.id({ required: true, description: 'The district.' }),
    substituteId: t.id(),
    worksTo: t.field({ type: 'Date' }),
    veoCode: t.string(),
    veoLastName: t.string(),
    veoOtherNames: t.string(),
    veoDob: t.field({ type: 'Date' }),
    veoPhone: t.string(),
    phoneCommunication: t.boolean(),
    address: t.string(),
    villageIds: t.idList({ description: 'Replaces the villages served; all inside the district.' }),
  });
  registerMutations(builder, 'EnrolmentOfficer', 'enrolmentOfficer', OfficerRef, officerFields, {
    rights: { add: RIGHTS.officerAdd, edit: RIGHTS.officerEdit, delete: RIGHTS.officerDelete },
    run: { create: service.createOfficer, update: service.updateOfficer, remove: service.deleteOfficer },
  });

  const claimAdminFields = (t: InputFields) => ({
    ...personFields(t),
    healthFacilityId: t.id({ required: true }),
  });
  registerMutations(builder, 'ClaimAdministrator', 'claimAdministrator', ClaimAdminRef, claimAdminFields, {
    rights: { add: RIGHTS.claimAdminAdd, edit: RIGHTS.claimAdminEdit, delete: RIGHTS.claimAdminDelete },
    run: { create: service.createClaimAdmin, update: service.updateClaimAdmin, remove: service.deleteClaimAdmin },
  });
}
