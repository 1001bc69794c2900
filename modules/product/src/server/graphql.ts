import { type Builder, type Ctx, connectionType, defineMutation, payloadType, type Types } from '@mutua/kernel';
import { type LocationService, locationObject } from '@mutua/location';
import { type MedicalApi, medicalItemObject, medicalServiceObject } from '@mutua/medical';
import { PRODUCT_FIELDS } from '../domain/fields.js';
import type { LineKind, Product, ProductLine, RelativeDistribution } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { type LineDefaults, type ProductApi, productObject } from '../points.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;
const SEARCH = { right: RIGHTS.search } as const;

/** Lines of a past version are read as they were just before that version was closed. */
const linesAsOf = (p: Product, asOf?: string | null): string | null =>
  asOf ?? (p.validTo ? new Date(new Date(p.validTo).getTime() - 1).toISOString() : null);

export function registerProductGraphql(
  builder: Builder,
  service: ProductApi,
  deps: { medical: MedicalApi; location: LocationService },
): void {
  const ProductRef = productObject(builder);
  const ItemRef = medicalItemObject(builder);
  const ServiceRef = medicalServiceObject(builder);
  const LocationRef = locationObject(builder);

  const DistributionRef = builder.objectRef<RelativeDistribution>('ProductRelativeDistribution').implement({
    description: 'Share of the contribution pool per period for one care type (DOMAIN.md §7.3).',
    fields: (t) => ({
      careType: t.exposeString('careType', { description: 'B both, I in-patient, O out-patient.' }),
      periodType: t.string({
        description: 'Y yearly (1 period), Q quarterly (4), M monthly (12).',
        resolve: (d) => ({ 1: 'Y', 4: 'Q', 12: 'M' })[d.periods.length] ?? 'Y',
      }),
      periods: t.stringList({ description: 'Percent 0–100 per period.', resolve: (d) => d.periods }),
    }),
  });

  const lineFields = (kind: LineKind) => (t: PothosSchemaTypes.ObjectFieldBuilder<Types, ProductLine>) => ({
    id: t.exposeID('id', { description: 'The line’s stable id (shared by its versions).' }),
    productId: t.exposeID('productId'),
    medicalId: t.exposeID('medicalId', { description: `The ${kind}’s id.` }),
    code: t.string({
      nullable: true,
      resolve: async (l: ProductLine, _a: unknown, ctx: Ctx) => (await medicalOf(ctx, kind, l))?.code ?? null,
    }),
    name: t.string({
      nullable: true,
      resolve: async (l: ProductLine, _a: unknown, ctx: Ctx) => (await medicalOf(ctx, kind, l))?.name ?? null,
    }),
    priceOrigin: t.exposeString('priceOrigin', { description: 'P price list, O own (claimed) price, R relative.' }),
    limitationType: t.exposeString('limitationType', { description: 'C co-insurance, F fixed (other visits).' }),
    limitationTypeE: t.exposeString('limitationTypeE', { description: 'Emergency visits.' }),
    limitationTypeR: t.exposeString('limitationTypeR', { description: 'Referrals.' }),
    limitAdult: t.exposeString('limitAdult'),
    limitChild: t.exposeString('limitChild'),
    limitAdultE: t.exposeString('limitAdultE'),
    limitChildE: t.exposeString('limitChildE'),
    limitAdultR: t.exposeString('limitAdultR'),
    limitChildR: t.exposeString('limitChildR'),
    waitingPeriodAdult: t.exposeInt('waitingPeriodAdult', { nullable: true }),
    waitingPeriodChild: t.exposeInt('waitingPeriodChild', { nullable: true }),
    limitNoAdult: t.exposeInt('limitNoAdult', { nullable: true }),
    limitNoChild: t.exposeInt('limitNoChild', { nullable: true }),
    ceilingExclusionAdult: t.exposeString('ceilingExclusionAdult', { nullable: true }),
    ceilingExclusionChild: t.exposeString('ceilingExclusionChild', { nullable: true }),
    validFrom: t.exposeString('validFrom'),
    validTo: t.exposeString('validTo', { nullable: true }),
  });
  async function medicalOf(ctx: Ctx, kind: LineKind, l: ProductLine) {
    const list =
      kind === 'item'
        ? await deps.medical.getItems(ctx, [l.medicalId], l.validTo ? l.validFrom : null)
        : await deps.medical.getServices(ctx, [l.medicalId], l.validTo ? l.validFrom : null);
    return (
      list[0] ??
      (kind === 'item'
        ? await deps.medical.getItem(ctx, l.medicalId, l.validFrom)
        : await deps.medical.getService(ctx, l.medicalId, l.validFrom))
    );
  }
  const ProductItemRef = builder.objectRef<ProductLine>('ProductItem').implement({
    description: 'An item a product covers, with its coverage terms (DOMAIN.md §7.2).',
    fields: (t) => ({
      ...lineFields('item')(t),
      item: t.field({
        type: ItemRef,
        nullable: true,
        resolve: async (l, _a, ctx) => (await medicalOf(ctx, 'item', l)) as never,
      }),
    }),
  });
  const ProductServiceRef = builder.objectRef<ProductLine>('ProductService').implement({
    description: 'A service a product covers, with its coverage terms (DOMAIN.md §7.2).',
    fields: (t) => ({
      ...lineFields('service')(t),
      service: t.field({
        type: ServiceRef,
        nullable: true,
        resolve: async (l, _a, ctx) => (await medicalOf(ctx, 'service', l)) as never,
      }),
    }),
  });

  builder.objectType(ProductRef, {
    description: 'A product (plan de garanties), one version of it (DOMAIN.md §7.1).',
    fields: (t) => {
      const scalar = Object.fromEntries(
        PRODUCT_FIELDS.filter((f) => f.name !== 'code' && f.name !== 'name').map((f) => [
          f.name,
          f.kind === 'int'
            ? t.int({ nullable: true, resolve: (p) => p[f.name] as number | null })
            : f.kind === 'uuid'
              ? t.id({ nullable: true, resolve: (p) => p[f.name] as string | null })
              : t.string({
                  nullable: true,
                  description: f.kind === 'money' ? 'Amount (FCFA), decimal string.' : undefined,
                  resolve: (p) => p[f.name] as string | null,
                }),
        ]),
      );
      return {
        id: t.id({ resolve: (p) => p.id }),
        code: t.string({ resolve: (p) => p.code }),
        name: t.string({ resolve: (p) => p.name }),
        ...scalar,
        location: t.field({
          type: LocationRef,
          nullable: true,
          description: 'Region or district; null for a national product.',
          resolve: (p, _a, ctx) => (p.locationId ? deps.location.getLocation(ctx, p.locationId) : null),
        }),
        conversionProduct: t.field({
          type: ProductRef,
          nullable: true,
          resolve: (p, _a, ctx) => (p.conversionProductId ? service.getProduct(ctx, p.conversionProductId) : null),
        }),
        relativeDistribution: t.field({ type: [DistributionRef], resolve: (p) => p.relativeDistribution }),
        periodRelPrices: t.string({ nullable: true, resolve: (p) => p.periodRelPrices }),
        periodRelPricesIp: t.string({ nullable: true, resolve: (p) => p.periodRelPricesIp }),
        periodRelPricesOp: t.string({ nullable: true, resolve: (p) => p.periodRelPricesOp }),
        validFrom: t.string({ resolve: (p) => p.validFrom }),
        validTo: t.string({ nullable: true, resolve: (p) => p.validTo }),
        items: t.field({
          type: [ProductItemRef],
          args: { asOf: t.arg.string({ description: 'Lines valid then; default: as of this version.' }) },
          resolve: (p, a, ctx) => service.productItems(ctx, p.id, linesAsOf(p, a.asOf)),
        }),
        services: t.field({
          type: [ProductServiceRef],
          args: { asOf: t.arg.string() },
          resolve: (p, a, ctx) => service.productServices(ctx, p.id, linesAsOf(p, a.asOf)),
        }),
      };
    },
  });
  const ProductConnection = connectionType(builder, ProductRef, 'Product');
  const LimitDefaultsRef = builder.objectRef<LineDefaults>('ProductLimitDefaults').implement({
    fields: (t) => ({
      priceOrigin: t.exposeString('priceOrigin'),
      limitationType: t.exposeString('limitationType'),
      waitingPeriodAdult: t.exposeInt('waitingPeriodAdult', { nullable: true }),
      waitingPeriodChild: t.exposeInt('waitingPeriodChild', { nullable: true }),
    }),
  });

  builder.queryFields((t) => ({
    products: t.field({
      type: ProductConnection,
      extensions: SEARCH,
      args: {
        search: t.arg.string({ description: 'Code prefix or part of the name.' }),
        code: t.arg.string({ description: 'Code prefix.' }),
        locationId: t.arg.id(),
        asOf: t.arg.string({ description: 'ISO date or timestamp: the versions valid then.' }),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      resolve: (_root, a, ctx) => service.searchProducts(ctx, a, a),
    }),
    product: t.field({
      type: ProductRef,
      nullable: true,
      extensions: SEARCH,
      args: { id: t.arg.id({ required: true }), asOf: t.arg.string() },
      resolve: (_root, a, ctx) => service.getProduct(ctx, a.id, a.asOf),
    }),
    productHistory: t.field({
      type: [ProductRef],
      extensions: SEARCH,
      description: 'Every version of a product, oldest first.',
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, a, ctx) => service.productHistory(ctx, a.id),
    }),
    productLimitDefaults: t.field({
      type: LimitDefaultsRef,
      description: 'What an empty product line field becomes (openIMIS limitDefaults).',
      extensions: SEARCH,
      resolve: () => service.limitDefaults(),
    }),
    validateProductCode: t.boolean({
      description: 'True when no current product uses the code (other than exceptId).',
      extensions: SEARCH,
      args: { code: t.arg.string({ required: true }), exceptId: t.arg.id() },
      resolve: (_root, a, ctx) => service.isCodeFree(ctx, a.code, a.exceptId),
    }),
  }));

  const DistributionInput = builder.inputType('ProductRelativeDistributionInput', {
    fields: (t) => ({
      careType: t.string({ required: true, description: 'B, I or O.' }),
      periods: t.stringList({ required: true, description: '1, 4 or 12 percentages.' }),
    }),
  });
  const productFields = (t: InputFields) => ({
    ...Object.fromEntries(
      PRODUCT_FIELDS.map((f) => [f.name, f.kind === 'int' ? t.int() : f.kind === 'uuid' ? t.id() : t.string()]),
    ),
    relativeDistribution: t.field({ type: [DistributionInput] }),
  });
  const LineInput = builder.inputType('ProductLineInput', {
    fields: (t) => ({
      medicalId: t.id({ required: true, description: 'The item’s or service’s id.' }),
      priceOrigin: t.string(),
      limitationType: t.string(),
      limitationTypeE: t.string(),
      limitationTypeR: t.string(),
      limitAdult: t.string(),
      limitChild: t.string(),
      limitAdultE: t.string(),
      limitChildE: t.string(),
      limitAdultR: t.string(),
      limitChildR: t.string(),
      waitingPeriodAdult: t.int(),
      waitingPeriodChild: t.int(),
      limitNoAdult: t.int(),
      limitNoChild: t.int(),
      ceilingExclusionAdult: t.string(),
      ceilingExclusionChild: t.string(),
    }),
  });

  const Payload = payloadType(builder, 'ProductPayload', 'product', ProductRef);
  const DeletePayload = builder
    .objectRef<{ clientMutationId: string | null; deletedId: string }>('DeleteProductPayload')
    .implement({
      fields: (t) => ({
        clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
        deletedId: t.exposeID('deletedId'),
      }),
    });

  defineMutation(builder, 'createProduct', {
    guard: { right: RIGHTS.add },
    input: productFields,
    payload: Payload,
    run: async (input, tx) => ({ product: await service.createProduct(tx, input) }),
  });
  defineMutation(builder, 'updateProduct', {
    guard: { right: RIGHTS.edit },
    input: (t) => ({ id: t.id({ required: true }), ...productFields(t) }),
    payload: Payload,
    run: async (input, tx) => ({ product: await service.updateProduct(tx, String(input.id), input) }),
  });
  defineMutation(builder, 'deleteProduct', {
    guard: { right: RIGHTS.delete },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: DeletePayload,
    run: async (input, tx) => {
      await service.deleteProduct(tx, input.id);
      return { deletedId: input.id };
    },
  });
  defineMutation(builder, 'duplicateProduct', {
    guard: { right: RIGHTS.duplicate },
    input: (t) => ({
      id: t.id({ required: true }),
      code: t.string({ required: true }),
      name: t.string({ required: true }),
    }),
    payload: Payload,
    run: async (input, tx) => ({ product: await service.duplicateProduct(tx, input.id, input.code, input.name) }),
  });
  defineMutation(builder, 'setProductLines', {
    guard: { right: RIGHTS.edit },
    input: (t) => ({
      productId: t.id({ required: true }),
      items: t.field({ type: [LineInput], description: 'Items to add or change (by medicalId).' }),
      removeItems: t.idList({ description: 'Item ids (or line ids) to remove.' }),
      services: t.field({ type: [LineInput], description: 'Services to add or change (by medicalId).' }),
      removeServices: t.idList({ description: 'Service ids (or line ids) to remove.' }),
    }),
    payload: Payload,
    run: async (input, tx) => {
      if (input.items?.length || input.removeItems?.length) {
        await service.setLines(tx, input.productId, 'item', { upsert: input.items, remove: input.removeItems });
      }
      if (input.services?.length || input.removeServices?.length) {
        await service.setLines(tx, input.productId, 'service', {
          upsert: input.services,
          remove: input.removeServices,
        });
      }
      return { product: (await service.getProduct(tx, input.productId))! };
    },
  });
}
