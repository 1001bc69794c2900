import { type Builder, connectionType, defineMutation, payloadType, type Types } from '@mutua/kernel';
import { healthFacilityObject, LOCATION_RIGHTS, type LocationService, locationObject } from '@mutua/location';
import type { Pricelist, PricelistDetail } from '../domain/types.js';
import { KIND_RIGHTS, type PricelistKind } from '../manifest.js';
import type { FacilityPricelists } from '../points.js';
import type { PricelistService } from './service.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

const ASOF = 'Read the versions valid at this date (end of day) or timestamp; current ones when omitted.';
const NAMES = {
  items: {
    type: 'ItemsPricelist',
    plural: 'itemsPricelists',
    single: 'itemsPricelist',
    label: 'Items',
    medical: 'itemId',
  },
  services: {
    type: 'ServicesPricelist',
    plural: 'servicesPricelists',
    single: 'servicesPricelist',
    label: 'Services',
    medical: 'serviceId',
  },
} as const;

export function registerPricelistGraphql(builder: Builder, service: PricelistService, location: LocationService): void {
  const LocationRef = locationObject(builder);
  const HfRef = healthFacilityObject(builder);

  const refs = {} as Record<PricelistKind, ReturnType<typeof registerKind>>;
  for (const kind of ['items', 'services'] as const) refs[kind] = registerKind(kind);

  function registerKind(kind: PricelistKind) {
    const n = NAMES[kind];
    const svc = service[kind];
    const rights = KIND_RIGHTS[kind];
    const DetailRef = builder.objectRef<PricelistDetail>(`${n.type}Detail`).implement({
      description: `One line of a ${kind} price list, one version of it, with the register entry it prices.`,
      fields: (t) => ({
        id: t.exposeID('id'),
        medicalId: t.exposeID('medicalId', {
          description: `The register ${kind === 'items' ? 'item' : 'service'} id.`,
        }),
        code: t.exposeString('code', { nullable: true }),
        name: t.exposeString('name', { nullable: true }),
        registerPrice: t.exposeString('registerPrice', {
          nullable: true,
          description: 'Register price at the same date.',
        }),
        override: t.exposeString('override', { nullable: true, description: 'Override; null = the register price.' }),
        price: t.exposeString('price', { nullable: true, description: 'Effective price: override ?? register price.' }),
        validFrom: t.field({ type: 'DateTime', resolve: (r) => r.validFrom }),
        validTo: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.validTo }),
      }),
    });
    const ListRef = builder.objectRef<Pricelist>(n.type);
    ListRef.implement({
      description: `A ${kind} price list (liste de prix), one version of its header.`,
      fields: (t) => ({
        id: t.exposeID('id'),
        name: t.exposeString('name'),
        pricelistDate: t.field({ type: 'Date', resolve: (p) => p.pricelistDate }),
        locationId: t.exposeID('locationId', { nullable: true, description: 'Region or district; null = national.' }),
        location: t.field({
          type: LocationRef,
          nullable: true,
          resolve: (p, _a, ctx) => (p.locationId ? location.getLocation(ctx, p.locationId) : null),
        }),
        validFrom: t.field({ type: 'DateTime', resolve: (p) => p.validFrom }),
        validTo: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.validTo }),
        details: t.field({
          type: [DetailRef],
          args: { asOf: t.arg.string({ description: ASOF }) },
          // A past header version shows the lines of its last instant (1 ms before it was closed).
          resolve: (p, a, ctx) =>
            svc.details(
              ctx,
              p.id,
              a.asOf ?? p.readAt ?? (p.validTo ? new Date(Date.parse(p.validTo) - 1).toISOString() : null),
            ),
        }),
        detailHistory: t.field({
          type: [DetailRef],
          args: { medicalId: t.arg.id({ required: true }) },
          resolve: (p, a, ctx) => svc.detailHistory(ctx, p.id, a.medicalId),
        }),
        history: t.field({ type: [ListRef], resolve: (p, _a, ctx) => svc.history(ctx, p.id) }),
        healthFacilities: t.field({
          type: [HfRef],
          description: 'Facilities using this list (in the caller’s scope).',
          resolve: async (p, _a, ctx) => location.getHealthFacilities(ctx, await svc.facilities(ctx, p.id)),
        }),
      }),
    });
    const Connection = connectionType(builder, ListRef, n.type);
    builder.queryFields((t) => ({
      [n.plural]: t.field({
        type: Connection,
        extensions: { right: rights.search },
        args: {
          search: t.arg.string({ description: 'Part of the name.' }),
          locationId: t.arg.id({ description: 'Lists of this region or district.' }),
          asOf: t.arg.string({ description: ASOF }),
          first: t.arg.int(),
          after: t.arg.string(),
        },
        resolve: async (_r, a, ctx) => {
          const page = await svc.search(ctx, a, a);
          if (!a.asOf) return page;
          return { ...page, edges: page.edges.map((e) => ({ ...e, node: { ...e.node, readAt: a.asOf } })) };
        },
      }),
      [n.single]: t.field({
        type: ListRef,
        nullable: true,
        extensions: { right: rights.search },
        args: { id: t.arg.id({ required: true }), asOf: t.arg.string({ description: ASOF }) },
        resolve: async (_r, a, ctx) => {
          const p = await svc.get(ctx, a.id, a.asOf);
          return p ? { ...p, readAt: a.asOf ?? null } : null;
        },
      }),
    }));

    const header = (t: InputFields) => ({
      name: t.string({ required: true }),
      pricelistDate: t.string({ required: true, description: 'ISO date.' }),
      locationId: t.id({ description: 'Region or district; national when omitted.' }),
    });
    const Payload = payloadType(builder, `${n.type}Payload`, 'pricelist', ListRef);
    const Cap = n.type;
    defineMutation(builder, `create${Cap}`, {
      guard: { right: rights.add },
      input: header,
      payload: Payload,
      run: async (input, tx) => ({ pricelist: await svc.create(tx, input) }),
    });
    defineMutation(builder, `update${Cap}`, {
      guard: { right: rights.edit },
      input: (t) => ({ id: t.id({ required: true }), ...header(t) }),
      payload: Payload,
      run: async (input, tx) => ({ pricelist: await svc.update(tx, input.id, input) }),
    });
    defineMutation(builder, `duplicate${Cap}`, {
      guard: { right: rights.duplicate },
      input: (t) => ({ id: t.id({ required: true, description: 'The list to copy.' }), ...header(t) }),
      payload: Payload,
      run: async (input, tx) => ({ pricelist: await svc.duplicate(tx, input.id, input) }),
    });
    const DeletePayload = builder
      .objectRef<{ clientMutationId: string | null; deletedId: string }>(`Delete${Cap}Payload`)
      .implement({
        fields: (t) => ({
          clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
          deletedId: t.exposeID('deletedId'),
        }),
      });
    defineMutation(builder, `delete${Cap}`, {
      guard: { right: rights.delete },
      input: (t) => ({ id: t.id({ required: true }) }),
      payload: DeletePayload,
      run: async (input, tx) => {
        await svc.delete(tx, input.id);
        return { deletedId: input.id };
      },
    });
    const LineInput = builder.inputType(`${Cap}LineInput`, {
      fields: (t) => ({
        id: t.id({ required: true, description: 'Register item/service id.' }),
        price: t.string({ description: 'Override price; empty = the register price.' }),
      }),
    });
    defineMutation(builder, `set${Cap}Details`, {
      guard: { right: rights.edit },
      input: (t) => ({
        id: t.id({ required: true }),
        add: t.field({ type: [LineInput] }),
        remove: t.idList(),
        prices: t.field({ type: [LineInput] }),
      }),
      payload: Payload,
      run: async (input, tx) => {
        await svc.setDetails(tx, input.id, {
          add: input.add?.map((l) => ({ id: String(l.id), price: l.price ?? null })) ?? null,
          remove: input.remove?.map(String) ?? null,
          prices: input.prices?.map((l) => ({ id: String(l.id), price: l.price ?? null })) ?? null,
        });
        return { pricelist: (await svc.peek(tx, input.id))! };
      },
    });
    return ListRef;
  }

  builder.objectField(HfRef, 'itemsPricelist', (t) =>
    t.field({
      type: refs.items,
      nullable: true,
      description: 'The items price list the facility uses.',
      resolve: async (hf, _a, ctx) => {
        const row = await service.facilityPricelists(ctx, hf.id);
        return row.itemsPricelistId ? service.items.peek(ctx, row.itemsPricelistId) : null;
      },
    }),
  );
  builder.objectField(HfRef, 'servicesPricelist', (t) =>
    t.field({
      type: refs.services,
      nullable: true,
      description: 'The services price list the facility uses.',
      resolve: async (hf, _a, ctx) => {
        const row = await service.facilityPricelists(ctx, hf.id);
        return row.servicesPricelistId ? service.services.peek(ctx, row.servicesPricelistId) : null;
      },
    }),
  );

  const AssignRef = builder.objectRef<FacilityPricelists>('FacilityPricelists').implement({
    fields: (t) => ({
      hfId: t.exposeID('hfId'),
      itemsPricelistId: t.exposeID('itemsPricelistId', { nullable: true }),
      servicesPricelistId: t.exposeID('servicesPricelistId', { nullable: true }),
      healthFacility: t.field({
        type: HfRef,
        nullable: true,
        resolve: (a, _x, ctx) => location.getHealthFacility(ctx, a.hfId),
      }),
    }),
  });
  const AssignPayload = payloadType(builder, 'AssignPricelistsPayload', 'assignment', AssignRef);
  defineMutation(builder, 'assignPricelistsToFacility', {
    guard: { right: LOCATION_RIGHTS.hfEdit },
    input: (t) => ({
      hfId: t.id({ required: true }),
      itemsPricelistId: t.id({ description: 'Null or omitted = none.' }),
      servicesPricelistId: t.id({ description: 'Null or omitted = none.' }),
    }),
    payload: AssignPayload,
    run: async (input, tx) => ({
      assignment: await service.assignToFacility(tx, String(input.hfId), {
        itemsPricelistId: input.itemsPricelistId ? String(input.itemsPricelistId) : null,
        servicesPricelistId: input.servicesPricelistId ? String(input.servicesPricelistId) : null,
      }),
    }),
  });
  builder.queryFields((t) => ({
    priceFor: t.field({
      type: builder
        .objectRef<{ inList: boolean; price: string | null; override: string | null }>('PriceQuote')
        .implement({
          fields: (f) => ({
            inList: f.exposeBoolean('inList'),
            price: f.exposeString('price', { nullable: true }),
            override: f.exposeString('override', { nullable: true }),
          }),
        }),
      description: 'Whether an item/service is in a facility’s price list at a date, and its price there.',
      extensions: { authenticated: true },
      args: {
        hfId: t.arg.id({ required: true }),
        kind: t.arg.string({ required: true, description: 'item or service.' }),
        medicalId: t.arg.id({ required: true }),
        asOf: t.arg.string({ description: ASOF }),
      },
      resolve: (_r, a, ctx) =>
        service.priceFor(ctx, {
          hfId: String(a.hfId),
          kind: a.kind as 'item' | 'service',
          medicalId: String(a.medicalId),
          asOf: a.asOf,
        }),
    }),
  }));
}
