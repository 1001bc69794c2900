import { INSUREE_RIGHTS, type Insuree, type InsureeApi } from '@mutua/insuree';
import {
  type Builder,
  type Ctx,
  connectionType,
  defineMutation,
  ForbiddenError,
  payloadType,
  translate,
} from '@mutua/kernel';
import { type ProductApi, productObject } from '@mutua/product';
import { RIGHTS } from '../manifest.js';
import {
  type CategoryCounts,
  type Coverage,
  type CoverageInsuree,
  type CoveragePolicy,
  type Eligibility,
  type InsureePolicy,
  type PolicyApi,
  type PolicyStatus,
  type PolicyValues,
  policyObject,
  type RemainingAmounts,
  type RenewalReminder,
} from '../points.js';

const SEARCH = { right: RIGHTS.search } as const;
const STATUS_NAMES: Record<PolicyStatus, string> = {
  1: 'IDLE',
  2: 'ACTIVE',
  4: 'SUSPENDED',
  8: 'EXPIRED',
  16: 'READY',
};

export function registerPolicyGraphql(
  builder: Builder,
  service: PolicyApi,
  deps: { products: ProductApi; insuree: InsureeApi; enqueueExpiry: (ctx: Ctx) => Promise<{ id: string }> },
): void {
  const ProductRef = productObject(builder);
  const PolicyRef = policyObject(builder);

  const MemberRef = builder
    .objectRef<{ chfId: string | null; lastName: string; otherNames: string }>('PolicyMemberInsuree')
    .implement({
      description: 'Who a coverage row is for: insurance number and names.',
      fields: (t) => ({
        chfId: t.exposeString('chfId', { nullable: true }),
        lastName: t.exposeString('lastName'),
        otherNames: t.exposeString('otherNames'),
      }),
    });
  const CoverageRowRef = builder.objectRef<InsureePolicy & { insuree?: Insuree | null }>('InsureePolicy').implement({
    description: 'Coverage of one member by one family policy; effectiveDate null = not (yet) covered.',
    fields: (t) => ({
      insuree: t.field({
        type: MemberRef,
        nullable: true,
        description: 'The member (on the policy page; null elsewhere and for a member no longer readable).',
        resolve: (r) => r.insuree ?? null,
      }),
      id: t.exposeID('id'),
      policyId: t.exposeID('policyId'),
      insureeId: t.exposeID('insureeId'),
      enrollmentDate: t.expose('enrollmentDate', { type: 'Date' }),
      startDate: t.expose('startDate', { type: 'Date' }),
      effectiveDate: t.expose('effectiveDate', { type: 'Date', nullable: true }),
      expiryDate: t.expose('expiryDate', { type: 'Date' }),
    }),
  });

  builder.objectType(PolicyRef, {
    description: 'A family policy (DOMAIN.md §10). status: 1 idle, 2 active, 4 suspended, 8 expired, 16 ready.',
    fields: (t) => ({
      id: t.exposeID('id'),
      familyId: t.exposeID('familyId'),
      productId: t.exposeID('productId'),
      product: t.field({
        type: ProductRef,
        nullable: true,
        resolve: (p, _a, ctx) => deps.products.getProduct(ctx, p.productId),
      }),
      stage: t.exposeString('stage', { description: 'N new, R renewal.' }),
      status: t.exposeInt('status'),
      statusName: t.string({ resolve: (p) => STATUS_NAMES[p.status] }),
      enrollDate: t.expose('enrollDate', { type: 'Date' }),
      startDate: t.expose('startDate', { type: 'Date' }),
      effectiveDate: t.expose('effectiveDate', { type: 'Date', nullable: true }),
      expiryDate: t.expose('expiryDate', { type: 'Date' }),
      value: t.exposeString('value', { description: 'Contribution due (decimal).' }),
      officerId: t.exposeID('officerId', { nullable: true }),
      previousPolicyId: t.exposeID('previousPolicyId', { nullable: true }),
      validityFrom: t.exposeString('validityFrom'),
      members: t.field({
        type: [CoverageRowRef],
        description: 'Coverage rows, one per member, with the member.',
        resolve: async (p, _a, ctx) => {
          const rows = await service.policyMembers(ctx, p.id);
          // One read for all the policy's members, within the user's scope like the policy itself.
          const byId = new Map(
            (await deps.insuree.getInsurees(ctx, [...new Set(rows.map((r) => r.insureeId))])).map((i) => [i.id, i]),
          );
          return rows.map((r) => ({ ...r, insuree: byId.get(r.insureeId) ?? null }));
        },
      }),
    }),
  });
  const PolicyConnection = connectionType(builder, PolicyRef, 'Policy');

  const ValuesRef = builder.objectRef<PolicyValues>('PolicyValues').implement({
    description: 'Dates and value a new or renewed policy would get (nothing saved).',
    fields: (t) => ({
      stage: t.exposeString('stage'),
      productId: t.exposeID('productId'),
      enrollDate: t.expose('enrollDate', { type: 'Date' }),
      startDate: t.expose('startDate', { type: 'Date' }),
      expiryDate: t.expose('expiryDate', { type: 'Date' }),
      value: t.exposeString('value'),
      discount: t.exposeString('discount'),
      membersCounted: t.exposeInt('membersCounted'),
      membersAboveMax: t.exposeInt('membersAboveMax'),
    }),
  });

  const ReminderRef = builder.objectRef<RenewalReminder>('PolicyRenewalReminder').implement({
    fields: (t) => ({
      policy: t.field({ type: PolicyRef, resolve: (r) => r.policy }),
      renewalDate: t.expose('renewalDate', { type: 'Date' }),
      renewalProductId: t.exposeID('renewalProductId'),
      renewalProduct: t.field({
        type: ProductRef,
        nullable: true,
        resolve: (r, _a, ctx) => deps.products.getProduct(ctx, r.renewalProductId),
      }),
      warnings: t.exposeInt('warnings', { description: '1 outside the product sale window, 2 no officer.' }),
    }),
  });

  const RemainingRef = builder.objectRef<RemainingAmounts>('PolicyRemainingAmounts').implement({
    description: 'Remaining deductibles and ceilings (decimal strings; null = not set on the product).',
    fields: (t) => ({
      deductible: t.exposeString('deductible', { nullable: true }),
      deductibleIp: t.exposeString('deductibleIp', { nullable: true }),
      deductibleOp: t.exposeString('deductibleOp', { nullable: true }),
      ceiling: t.exposeString('ceiling', { nullable: true }),
      ceilingIp: t.exposeString('ceilingIp', { nullable: true }),
      ceilingOp: t.exposeString('ceilingOp', { nullable: true }),
    }),
  });
  const CountsRef = builder.objectRef<CategoryCounts>('PolicyCountsLeft').implement({
    description: 'Claims left per category (null = unlimited).',
    fields: (t) => ({
      admissions: t.exposeInt('admissions', { nullable: true }),
      visits: t.exposeInt('visits', { nullable: true }),
      consultations: t.exposeInt('consultations', { nullable: true }),
      surgeries: t.exposeInt('surgeries', { nullable: true }),
      deliveries: t.exposeInt('deliveries', { nullable: true }),
      antenatal: t.exposeInt('antenatal', { nullable: true }),
    }),
  });
  const CoveragePolicyRef = builder.objectRef<CoveragePolicy>('CoveragePolicy').implement({
    fields: (t) => ({
      policy: t.field({ type: PolicyRef, resolve: (c) => c.policy }),
      productCode: t.exposeString('productCode'),
      productName: t.exposeString('productName'),
      statusLetter: t.exposeString('statusLetter', { description: 'I idle/not yet effective, A, S, R, E.' }),
      coverage: t.field({ type: CoverageRowRef, nullable: true, resolve: (c) => c.coverage }),
      remaining: t.field({ type: RemainingRef, resolve: (c) => c.remaining }),
      countsLeft: t.field({ type: CountsRef, resolve: (c) => c.countsLeft }),
    }),
  });
  const CoverageInsureeRef = builder.objectRef<CoverageInsuree>('CoverageInsuree').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      chfId: t.exposeString('chfId'),
      lastName: t.exposeString('lastName'),
      otherNames: t.exposeString('otherNames'),
      dob: t.expose('dob', { type: 'Date' }),
      gender: t.exposeString('gender', { nullable: true }),
      photoUrl: t.exposeString('photoUrl', { nullable: true }),
      familyId: t.exposeID('familyId'),
    }),
  });
  const CoverageRef = builder.objectRef<Coverage>('Coverage').implement({
    fields: (t) => ({
      insuree: t.field({ type: CoverageInsureeRef, resolve: (c) => c.insuree }),
      policies: t.field({ type: [CoveragePolicyRef], resolve: (c) => c.policies }),
    }),
  });
  const EligibilityRef = builder.objectRef<Eligibility>('Eligibility').implement({
    fields: (t) => ({
      kind: t.exposeString('kind'),
      code: t.exposeString('code'),
      minDate: t.expose('minDate', { type: 'Date', nullable: true }),
      left: t.exposeInt('left', { nullable: true, description: 'Quantity left; null = unlimited.' }),
      ok: t.exposeBoolean('ok'),
      reason: t.exposeString('reason', { nullable: true, description: 'i18n key of the reason when not ok.' }),
      reasonText: t.string({
        nullable: true,
        resolve: (e, _a, ctx) => (e.reason ? translate(ctx.locale, e.reason) : null),
      }),
    }),
  });

  builder.queryFields((t) => ({
    policy: t.field({
      type: PolicyRef,
      nullable: true,
      extensions: SEARCH,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => service.getPolicy(ctx, a.id),
    }),
    policies: t.field({
      type: PolicyConnection,
      extensions: SEARCH,
      args: {
        familyId: t.arg.id(),
        productId: t.arg.id(),
        officerId: t.arg.id(),
        status: t.arg.int(),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      resolve: (_r, a, ctx) =>
        service.searchPolicies(ctx, { ...a, status: (a.status ?? null) as PolicyStatus | null }, a),
    }),
    familyPolicies: t.field({
      type: [PolicyRef],
      extensions: SEARCH,
      args: { familyId: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => service.familyPolicies(ctx, a.familyId),
    }),
    policyValues: t.field({
      type: ValuesRef,
      description: 'Start, expiry and value a new (or renewal: previousPolicyId) policy would get; nothing saved.',
      extensions: { anyRight: [RIGHTS.add, RIGHTS.renew] },
      args: {
        familyId: t.arg.id({ required: true }),
        productId: t.arg.id({ required: true }),
        enrollDate: t.arg({ type: 'Date', required: true }),
        stage: t.arg.string(),
        previousPolicyId: t.arg.id(),
      },
      resolve: (_r, a, ctx) => service.policyValues(ctx, { ...a, stage: a.stage === 'R' ? 'R' : 'N' }),
    }),
    policyProducts: t.field({
      type: [ProductRef],
      description: "Products an enrolment may choose (current versions in the user's scope), for the policy form.",
      extensions: { right: RIGHTS.add },
      resolve: async (_r, _a, ctx) =>
        (await deps.products.searchProducts(ctx, {}, { first: 500 })).edges.map((e) => e.node),
    }),
    policyRenewalReminders: t.field({
      type: [ReminderRef],
      extensions: { right: RIGHTS.renew },
      args: { days: t.arg.int(), today: t.arg({ type: 'Date' }) },
      resolve: (_r, a, ctx) => service.renewalReminders(ctx, a),
    }),
    coverage: t.field({
      type: CoverageRef,
      nullable: true,
      description: 'The enquiry: insuree, policies, remaining amounts and counts (null when the number is unknown).',
      extensions: { right: INSUREE_RIGHTS.insureeEnquire },
      args: { chfId: t.arg.string({ required: true }) },
      resolve: (_r, a, ctx) => service.coverage(ctx, a.chfId),
    }),
    eligibility: t.field({
      type: EligibilityRef,
      nullable: true,
      description: 'May the insuree receive this item or service today (RULES.md §8.1)?',
      extensions: { right: INSUREE_RIGHTS.insureeEnquire },
      args: { chfId: t.arg.string({ required: true }), itemCode: t.arg.string(), serviceCode: t.arg.string() },
      resolve: (_r, a, ctx) => service.eligibility(ctx, a.chfId, a),
    }),
  }));

  const Payload = payloadType(builder, 'PolicyPayload', 'policy', PolicyRef);
  defineMutation(builder, 'createPolicy', {
    guard: { right: RIGHTS.add },
    input: (t) => ({
      familyId: t.id({ required: true }),
      productId: t.id({ required: true }),
      enrollDate: t.field({ type: 'Date', required: true }),
      officerId: t.id(),
    }),
    payload: Payload,
    run: async (input, tx) => ({ policy: await service.createPolicy(tx, input) }),
  });
  defineMutation(builder, 'renewPolicy', {
    guard: { right: RIGHTS.renew },
    input: (t) => ({
      policyId: t.id({ required: true }),
      enrollDate: t.field({ type: 'Date', required: true }),
      officerId: t.id(),
    }),
    payload: Payload,
    run: async (input, tx) => ({ policy: await service.renewPolicy(tx, input) }),
  });
  defineMutation(builder, 'suspendPolicy', {
    guard: { right: RIGHTS.edit },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: Payload,
    run: async (input, tx) => ({ policy: await service.suspendPolicy(tx, input.id) }),
  });
  const DeletePayload = builder
    .objectRef<{ clientMutationId: string | null; deletedId: string }>('DeletePolicyPayload')
    .implement({
      fields: (t) => ({
        clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
        deletedId: t.exposeID('deletedId'),
      }),
    });
  defineMutation(builder, 'deletePolicy', {
    guard: { right: RIGHTS.delete },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: DeletePayload,
    run: async (input, tx) => {
      await service.deletePolicy(tx, input.id);
      return { deletedId: input.id };
    },
  });

  const JobPayload = builder
    .objectRef<{ clientMutationId: string | null; jobId: string }>('RunPolicyExpiryPayload')
    .implement({
      fields: (t) => ({
        clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
        jobId: t.exposeID('jobId', { description: 'Follow it with the job query (progress bar).' }),
      }),
    });
  defineMutation(builder, 'runPolicyExpiry', {
    guard: { right: RIGHTS.edit },
    input: () => ({}),
    payload: JobPayload,
    run: async (_input, tx) => {
      if (!tx.user?.isAdmin) throw new ForbiddenError(undefined, 'policy.error.adminOnly');
      return { jobId: (await deps.enqueueExpiry(tx)).id };
    },
  });
}
