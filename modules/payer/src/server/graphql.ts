import { type Builder, type Ctx, connectionType, defineMutation, payloadType, type Types } from '@mutua/kernel';
import { type Location, type LocationService, locationObject } from '@mutua/location';
import { RIGHTS } from '../manifest.js';
import { type PayerService, payerObject } from '../points.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

// One lookup per location and request: a page of payers mostly shares a few regions and districts.
const memo = new WeakMap<Ctx, Map<string, Promise<Location | null>>>();
function locationOf(ctx: Ctx, locations: LocationService, id: string): Promise<Location | null> {
  let m = memo.get(ctx);
  if (!m) {
    m = new Map();
    memo.set(ctx, m);
  }
  let p = m.get(id);
  if (!p) {
    p = locations.getLocation(ctx, id);
    m.set(id, p);
  }
  return p;
}

export function registerPayerGraphql(builder: Builder, service: PayerService, locations: LocationService): void {
  const PayerRef = payerObject(builder);
  const LocationRef = locationObject(builder);
  builder.objectType(PayerRef, {
    description: 'A payer (DOMAIN.md §8): pays contributions on behalf of insurees. Effective-dated.',
    fields: (t) => ({
      id: t.exposeID('id'),
      type: t.exposeString('type', {
        description: 'C co-operative, D donor, G government, L local authority, O other, P private organization.',
      }),
      name: t.exposeString('name'),
      address: t.exposeString('address', { nullable: true }),
      locationId: t.exposeID('locationId'),
      location: t.field({
        type: LocationRef,
        nullable: true,
        description: 'The region or district (null when outside the user’s scope).',
        resolve: (p, _a, ctx) => locationOf(ctx, locations, p.locationId),
      }),
      phone: t.exposeString('phone', { nullable: true }),
      fax: t.exposeString('fax', { nullable: true }),
      email: t.exposeString('email', { nullable: true }),
      validFrom: t.expose('validFrom', { type: 'DateTime' }),
      validTo: t.expose('validTo', { type: 'DateTime', nullable: true }),
      versions: t.field({
        type: [PayerRef],
        description: 'Every version of this payer, oldest first.',
        resolve: (p, _a, ctx) => service.payerVersions(ctx, p.id),
      }),
    }),
  });
  const PayerConnection = connectionType(builder, PayerRef, 'Payer');

  builder.queryFields((t) => ({
    payers: t.field({
      type: PayerConnection,
      extensions: { right: RIGHTS.search },
      args: {
        search: t.arg.string({ description: 'Part of the name.' }),
        type: t.arg.string(),
        locationId: t.arg.id({ description: 'A region or district: payers at it or under it.' }),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      resolve: (_root, a, ctx) => service.searchPayers(ctx, a, a),
    }),
    payer: t.field({
      type: PayerRef,
      nullable: true,
      extensions: { right: RIGHTS.search },
      args: {
        id: t.arg.id({ required: true }),
        at: t.arg({ type: 'DateTime', description: 'The version in force at this instant (default: current).' }),
      },
      resolve: (_root, a, ctx) => (a.at ? service.getPayerAt(ctx, a.id, String(a.at)) : service.getPayer(ctx, a.id)),
    }),
  }));

  const fields = (t: InputFields) => ({
    type: t.string({ required: true }),
    name: t.string({ required: true }),
    address: t.string(),
    locationId: t.id({ required: true, description: 'A region or district.' }),
    phone: t.string(),
    fax: t.string(),
    email: t.string(),
  });
  const PayerPayload = payloadType(builder, 'PayerPayload', 'payer', PayerRef);
  const DeletePayload = builder
    .objectRef<{ clientMutationId: string | null; deletedId: string }>('DeletePayerPayload')
    .implement({
      fields: (t) => ({
        clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
        deletedId: t.exposeID('deletedId'),
      }),
    });
  defineMutation(builder, 'createPayer', {
    guard: { right: RIGHTS.add },
    input: fields,
    payload: PayerPayload,
    run: async (input, tx) => ({ payer: await service.createPayer(tx, input) }),
  });
  defineMutation(builder, 'updatePayer', {
    guard: { right: RIGHTS.edit },
    input: (t) => ({ id: t.id({ required: true }), ...fields(t) }),
    payload: PayerPayload,
    run: async (input, tx) => ({ payer: await service.updatePayer(tx, input.id, input) }),
  });
  defineMutation(builder, 'deletePayer', {
    guard: { right: RIGHTS.delete },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: DeletePayload,
    run: async (input, tx) => {
      await service.deletePayer(tx, input.id);
      return { deletedId: input.id };
    },
  });
}
