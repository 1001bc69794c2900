import { type Builder, type Ctx, connectionType, defineMutation, payloadType } from '@mutua/kernel';
import type { Location } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { type LocationService, locationObject } from '../points.js';
import { load } from './loaders.js';

/** Batched by request: the parents (or districts) of a page of rows in one query. */
export const loadLocation = (ctx: Ctx, service: LocationService, id: string | null): Promise<Location | null> =>
  id
    ? load(ctx, 'location', id, async (ids) => new Map((await service.getLocations(ctx, ids)).map((l) => [l.id, l])))
    : Promise.resolve(null);

// Reads are open to every signed-in user, limited by their location scope: every module's pickers (the enrolment
// officer's village, the claim administrator's district) list locations without holding the register's rights.
const READ = { authenticated: true } as const;

export function registerLocationGraphql(builder: Builder, service: LocationService): void {
  const LocationRef = locationObject(builder);
  builder.objectType(LocationRef, {
    description: 'A node of the location tree: region, district, municipality or village (configurable levels).',
    fields: (t) => ({
      id: t.exposeID('id'),
      code: t.exposeString('code'),
      name: t.exposeString('name'),
      type: t.exposeString('type', { description: 'Level letter: R region, D district, W municipality, V village.' }),
      parentId: t.exposeID('parentId', { nullable: true }),
      parent: t.field({
        type: LocationRef,
        nullable: true,
        resolve: (l, _args, ctx) => loadLocation(ctx, service, l.parentId),
      }),
      malePopulation: t.exposeInt('malePopulation', { nullable: true }),
      femalePopulation: t.exposeInt('femalePopulation', { nullable: true }),
      otherPopulation: t.exposeInt('otherPopulation', { nullable: true }),
      families: t.exposeInt('families', { nullable: true }),
      children: t.field({
        type: [LocationRef],
        description: 'Children in the user’s scope, by name.',
        resolve: (l, _args, ctx) => service.children(ctx, l.id),
      }),
    }),
  });
  const LocationConnection = connectionType(builder, LocationRef, 'Location');

  builder.queryFields((t) => ({
    locations: t.field({
      type: LocationConnection,
      extensions: READ,
      args: {
        type: t.arg.string(),
        parentId: t.arg.id(),
        search: t.arg.string({ description: 'Code prefix or part of the name.' }),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      resolve: (_root, a, ctx) => service.searchLocations(ctx, a, a),
    }),
    location: t.field({
      type: LocationRef,
      nullable: true,
      extensions: READ,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, a, ctx) => service.getLocation(ctx, a.id),
    }),
    locationChildren: t.field({
      type: [LocationRef],
      extensions: READ,
      description: 'Children of a location (or the top level when parentId is omitted), in scope, by name.',
      args: { parentId: t.arg.id() },
      resolve: (_root, a, ctx) => service.children(ctx, a.parentId ?? null),
    }),
    validateLocationCode: t.boolean({
      description: 'True when no current location uses the code (other than exceptId).',
      extensions: { right: RIGHTS.locationSearch },
      args: { code: t.arg.string({ required: true }), exceptId: t.arg.id() },
      resolve: (_root, a, ctx) => service.isLocationCodeFree(ctx, a.code, a.exceptId),
    }),
  }));

  const LocationPayload = payloadType(builder, 'LocationPayload', 'location', LocationRef);
  const DeleteLocationPayload = builder
    .objectRef<{ clientMutationId: string | null; deletedIds: string[] }>('DeleteLocationPayload')
    .implement({
      fields: (t) => ({
        clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
        deletedIds: t.exposeIDList('deletedIds'),
      }),
    });

  defineMutation(builder, 'createLocation', {
    // Regions and districts need manageRegions; the service decides from the level (the guard is the least right).
    guard: { right: RIGHTS.locationAdd },
    input: (t) => ({
      code: t.string({ required: true }),
      name: t.string({ required: true }),
      type: t.string({ description: 'Optional: derived from the parent when omitted.' }),
      parentId: t.id(),
      malePopulation: t.int(),
      femalePopulation: t.int(),
      otherPopulation: t.int(),
      families: t.int(),
    }),
    payload: LocationPayload,
    run: async (input, tx) => ({ location: await service.createLocation(tx, input) }),
  });
  defineMutation(builder, 'updateLocation', {
    guard: { right: RIGHTS.locationEdit },
    input: (t) => ({
      id: t.id({ required: true }),
      code: t.string({ required: true }),
      name: t.string({ required: true }),
      malePopulation: t.int(),
      femalePopulation: t.int(),
      otherPopulation: t.int(),
      families: t.int(),
    }),
    payload: LocationPayload,
    run: async (input, tx) => ({ location: await service.updateLocation(tx, input.id, input) }),
  });
  defineMutation(builder, 'deleteLocation', {
    guard: { right: RIGHTS.locationDelete },
    input: (t) => ({
      id: t.id({ required: true }),
      newParentId: t.id({ description: 'Move the direct children here; omitted = delete the whole subtree.' }),
    }),
    payload: DeleteLocationPayload,
    run: (input, tx) => service.deleteLocation(tx, input.id, { newParentId: input.newParentId ?? null }),
  });
  defineMutation(builder, 'moveLocation', {
    guard: { right: RIGHTS.locationMove },
    input: (t) => ({
      id: t.id({ required: true }),
      newParentId: t.id({ description: 'Omitted = the location becomes top level.' }),
    }),
    payload: LocationPayload,
    run: async (input, tx) => ({ location: await service.moveLocation(tx, input.id, input.newParentId ?? null) }),
  });
}
