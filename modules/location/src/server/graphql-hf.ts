import { type Builder, connectionType, defineMutation, payloadType, type Types } from '@mutua/kernel';
import type { Catchment } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { healthFacilityObject, type LocationService, locationObject } from '../points.js';
import { loadLocation } from './graphql-location.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

// Reads: any signed-in user, limited by location scope (claim administrators and officers pick facilities).
const READ = { authenticated: true } as const;

export function registerHealthFacilityGraphql(builder: Builder, service: LocationService): void {
  const LocationRef = locationObject(builder);
  const HfRef = healthFacilityObject(builder);

  const CatchmentRef = builder.objectRef<Catchment>('HealthFacilityCatchment').implement({
    description: 'Share of a village’s population a facility serves.',
    fields: (t) => ({
      villageId: t.exposeID('villageId'),
      village: t.field({
        type: LocationRef,
        nullable: true,
        resolve: (c, _a, ctx) => loadLocation(ctx, service, c.villageId),
      }),
      percentage: t.exposeInt('percentage'),
    }),
  });

  builder.objectType(HfRef, {
    description: 'A health facility (formation sanitaire) attached to a district.',
    fields: (t) => ({
      id: t.exposeID('id'),
      code: t.exposeString('code'),
      name: t.exposeString('name'),
      accCode: t.exposeString('accCode', { nullable: true }),
      legalForm: t.exposeString('legalForm', {
        description: 'C charity, D district organization, G government, P private.',
      }),
      level: t.exposeString('level', { description: 'D dispensary, C health centre, H hospital.' }),
      subLevel: t.exposeString('subLevel', { nullable: true, description: 'I integrated, N none, R reference.' }),
      careType: t.exposeString('careType', { description: 'I in-patient, O out-patient, B both.' }),
      locationId: t.exposeID('locationId'),
      location: t.field({
        type: LocationRef,
        nullable: true,
        description: 'The district (null when outside the user’s scope).',
        resolve: (h, _a, ctx) => loadLocation(ctx, service, h.locationId),
      }),
      address: t.exposeString('address', { nullable: true }),
      phone: t.exposeString('phone', { nullable: true }),
      fax: t.exposeString('fax', { nullable: true }),
      email: t.exposeString('email', { nullable: true }),
      status: t.exposeString('status', { description: 'AC active, IN inactive, DE delisted, ID idle.' }),
      offline: t.exposeBoolean('offline'),
      contractStartDate: t.expose('contractStartDate', { type: 'Date', nullable: true }),
      contractEndDate: t.expose('contractEndDate', { type: 'Date', nullable: true }),
      catchments: t.field({ type: [CatchmentRef], resolve: (h) => h.catchments }),
    }),
  });
  const HfConnection = connectionType(builder, HfRef, 'HealthFacility');

  builder.queryFields((t) => ({
    healthFacilities: t.field({
      type: HfConnection,
      extensions: READ,
      args: {
        search: t.arg.string({ description: 'Code prefix or part of the name.' }),
        code: t.arg.string({ description: 'Code prefix.' }),
        level: t.arg.string(),
        legalForm: t.arg.string(),
        locationId: t.arg.id({ description: 'A district or region: facilities anywhere under it.' }),
        status: t.arg.string(),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      resolve: (_root, a, ctx) => service.searchHealthFacilities(ctx, a, a),
    }),
    healthFacility: t.field({
      type: HfRef,
      nullable: true,
      extensions: READ,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, a, ctx) => service.getHealthFacility(ctx, a.id),
    }),
    validateHealthFacilityCode: t.boolean({
      description: 'True when no current health facility uses the code (other than exceptId).',
      extensions: { right: RIGHTS.hfSearch },
      args: { code: t.arg.string({ required: true }), exceptId: t.arg.id() },
      resolve: (_root, a, ctx) => service.isHealthFacilityCodeFree(ctx, a.code, a.exceptId),
    }),
  }));

  const CatchmentInput = builder.inputType('HealthFacilityCatchmentInput', {
    fields: (t) => ({
      villageId: t.id({ required: true }),
      percentage: t.int({ required: true }),
    }),
  });
  const hfFields = (t: InputFields) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    accCode: t.string(),
    legalForm: t.string({ required: true }),
    level: t.string({ required: true }),
    subLevel: t.string(),
    careType: t.string({ required: true }),
    locationId: t.id({ required: true, description: 'The district.' }),
    address: t.string(),
    phone: t.string(),
    fax: t.string(),
    email: t.string(),
    status: t.string({ description: 'Defaults to AC on create; kept when omitted on update.' }),
    offline: t.boolean(),
    contractStartDate: t.field({ type: 'Date' }),
    contractEndDate: t.field({ type: 'Date' }),
    catchments: t.field({ type: [CatchmentInput], description: 'Replaces the facility’s catchment villages.' }),
  });
  const HfPayload = payloadType(builder, 'HealthFacilityPayload', 'healthFacility', HfRef);
  const DeletePayload = builder
    .objectRef<{ clientMutationId: string | null; deletedId: string }>('DeleteHealthFacilityPayload')
    .implement({
      fields: (t) => ({
        clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
        deletedId: t.exposeID('deletedId'),
      }),
    });

  defineMutation(builder, 'createHealthFacility', {
    guard: { right: RIGHTS.hfAdd },
    input: hfFields,
    payload: HfPayload,
    run: async (input, tx) => ({ healthFacility: await service.createHealthFacility(tx, input) }),
  });
  defineMutation(builder, 'updateHealthFacility', {
    guard: { right: RIGHTS.hfEdit },
    input: (t) => ({ id: t.id({ required: true }), ...hfFields(t) }),
    payload: HfPayload,
    run: async (input, tx) => ({ healthFacility: await service.updateHealthFacility(tx, input.id, input) }),
  });
  defineMutation(builder, 'deleteHealthFacility', {
    guard: { right: RIGHTS.hfDelete },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: DeletePayload,
    run: async (input, tx) => {
      await service.deleteHealthFacility(tx, input.id);
      return { deletedId: input.id };
    },
  });
}
