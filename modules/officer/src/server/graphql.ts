import { type Builder, connectionType, defineMutation, payloadType, type Types } from '@mutua/kernel';
import { healthFacilityObject, type LocationService, locationObject } from '@mutua/location';
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

const personFields = (t: InputFields) => ({
  code: t.string({ required: true }),
  lastName: t.string({ required: true }),
  otherNames: t.string({ required: true }),
  dob: t.field({ type: 'Date' }),
  phone: t.string(),
  email: t.string(),
  userId: t.id({ description: 'The kernel user account of this person (one record per account).' }),
});

export function registerOfficerGraphql(builder: Builder, service: OfficerService, locations: LocationService): void {
  const LocationRef = locationObject(builder);
  const HfRef = healthFacilityObject(builder);
  const OfficerRef = officerObject(builder);
  const ClaimAdminRef = claimAdminObject(builder);

  builder.objectType(OfficerRef, {
    description: 'An enrolment officer (agent d’enrôlement): enrols families in the villages of a district.',
    fields: (t) => ({
      id: t.exposeID('id'),
      code: t.exposeString('code'),
      lastName: t.exposeString('lastName'),
      otherNames: t.exposeString('otherNames'),
      dob: t.expose('dob', { type: 'Date', nullable: true }),
      phone: t.exposeString('phone', { nullable: true }),
      email: t.exposeString('email', { nullable: true }),
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
      id: t.exposeID('id'),
      code: t.exposeString('code'),
      lastName: t.exposeString('lastName'),
      otherNames: t.exposeString('otherNames'),
      dob: t.expose('dob', { type: 'Date', nullable: true }),
      phone: t.exposeString('phone', { nullable: true }),
      email: t.exposeString('email', { nullable: true }),
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
  const OfficerPayload = payloadType(builder, 'EnrolmentOfficerPayload', 'enrolmentOfficer', OfficerRef);
  defineMutation(builder, 'createEnrolmentOfficer', {
    guard: { right: RIGHTS.officerAdd },
    input: officerFields,
    payload: OfficerPayload,
    run: async (input, tx) => ({ enrolmentOfficer: await service.createOfficer(tx, input) }),
  });
  defineMutation(builder, 'updateEnrolmentOfficer', {
    guard: { right: RIGHTS.officerEdit },
    input: (t) => ({ id: t.id({ required: true }), ...officerFields(t) }),
    payload: OfficerPayload,
    run: async (input, tx) => ({ enrolmentOfficer: await service.updateOfficer(tx, input.id, input) }),
  });
  defineMutation(builder, 'deleteEnrolmentOfficer', {
    guard: { right: RIGHTS.officerDelete },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: deletePayload(builder, 'DeleteEnrolmentOfficerPayload'),
    run: async (input, tx) => {
      await service.deleteOfficer(tx, input.id);
      return { deletedId: input.id };
    },
  });

  const claimAdminFields = (t: InputFields) => ({
    ...personFields(t),
    healthFacilityId: t.id({ required: true }),
  });
  const ClaimAdminPayload = payloadType(builder, 'ClaimAdministratorPayload', 'claimAdministrator', ClaimAdminRef);
  defineMutation(builder, 'createClaimAdministrator', {
    guard: { right: RIGHTS.claimAdminAdd },
    input: claimAdminFields,
    payload: ClaimAdminPayload,
    run: async (input, tx) => ({ claimAdministrator: await service.createClaimAdmin(tx, input) }),
  });
  defineMutation(builder, 'updateClaimAdministrator', {
    guard: { right: RIGHTS.claimAdminEdit },
    input: (t) => ({ id: t.id({ required: true }), ...claimAdminFields(t) }),
    payload: ClaimAdminPayload,
    run: async (input, tx) => ({ claimAdministrator: await service.updateClaimAdmin(tx, input.id, input) }),
  });
  defineMutation(builder, 'deleteClaimAdministrator', {
    guard: { right: RIGHTS.claimAdminDelete },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: deletePayload(builder, 'DeleteClaimAdministratorPayload'),
    run: async (input, tx) => {
      await service.deleteClaimAdmin(tx, input.id);
      return { deletedId: input.id };
    },
  });
}
