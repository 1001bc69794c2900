import { familyObject } from '@mutua/insuree';
import { type Builder, type Ctx, connectionType, defineMutation, hasRight, type Types } from '@mutua/kernel';
import { type PayerService, payerObject } from '@mutua/payer';
import { type Policy, type PolicyApi, policyObject } from '@mutua/policy';
import { RIGHTS } from '../manifest.js';
import {
  type ContributionApi,
  type ContributionPreview,
  type ContributionResult,
  contributionObject,
  type PolicyPayment,
} from '../points.js';
import { asSystem } from './payment.js';

/** A type alias (not the interface) so it fits defineMutation's record payloads. */
type ResultPayloadShape = {
  contribution: ContributionResult['contribution'];
  policy: Policy;
  activated: boolean;
  clientMutationId: string | null;
};

export function registerContributionGraphql(
  builder: Builder,
  service: ContributionApi,
  deps: { policies: PolicyApi; payers: PayerService },
): void {
  const ContributionRef = contributionObject(builder);
  const PolicyRef = policyObject(builder);
  const PayerRef = payerObject(builder);

  builder.objectType(ContributionRef, {
    description: 'A contribution (premium) paid on a policy (DOMAIN.md §11). Effective-dated.',
    fields: (t) => ({
      id: t.exposeID('id'),
      policyId: t.exposeID('policyId'),
      policy: t.field({
        type: PolicyRef,
        nullable: true,
        resolve: (c, _a, ctx) =>
          hasRight(ctx, 'policy.policy.search') ? deps.policies.getPolicy(ctx, c.policyId) : null,
      }),
      productId: t.exposeID('productId'),
      familyId: t.exposeID('familyId'),
      payerId: t.exposeID('payerId', { nullable: true }),
      payer: t.field({
        type: PayerRef,
        nullable: true,
        description: 'The payer; its name is shown to whoever may read the contribution.',
        resolve: (c, _a, ctx) => (c.payerId ? deps.payers.getPayer(asSystem(ctx), c.payerId) : null),
      }),
      amount: t.exposeString('amount', { description: 'Decimal, two decimals.' }),
      receipt: t.exposeString('receipt'),
      payDate: t.expose('payDate', { type: 'Date' }),
      payType: t.exposeString('payType', { description: 'C cash, B bank transfer, M mobile money, F funding.' }),
      isPhotoFee: t.exposeBoolean('isPhotoFee', { description: 'A photo/card fee: not counted towards the value.' }),
      isOffline: t.exposeBoolean('isOffline'),
      source: t.exposeString('source', { nullable: true }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      validFrom: t.expose('validFrom', { type: 'DateTime' }),
      validTo: t.expose('validTo', { type: 'DateTime', nullable: true }),
      versions: t.field({
        type: [ContributionRef],
        description: 'Every version of this contribution, oldest first.',
        resolve: (c, _a, ctx) => service.contributionVersions(ctx, c.id),
      }),
    }),
  });
  const ContributionConnection = connectionType(builder, ContributionRef, 'Contribution');

  const paymentFields = (t: PothosSchemaTypes.ObjectFieldBuilder<Types, PolicyPayment>) => ({
    policyId: t.exposeID('policyId'),
    status: t.exposeInt('status'),
    value: t.exposeString('value'),
    paid: t.exposeString('paid', { description: 'Σ contributions, photo fees excluded.' }),
    due: t.exposeString('due', { description: 'Value − paid, never below 0.' }),
    photoFees: t.exposeString('photoFees'),
    installments: t.exposeInt('installments'),
    maxInstallments: t.exposeInt('maxInstallments', { nullable: true }),
    deadline: t.expose('deadline', { type: 'Date', nullable: true, description: 'Last date for payment.' }),
    startDate: t.expose('startDate', { type: 'Date' }),
  });
  const PolicyPaymentRef = builder.objectRef<PolicyPayment>('PolicyPayment').implement({
    description: 'Where a policy stands with its contributions.',
    fields: (t) => paymentFields(t),
  });
  const PreviewRef = builder.objectRef<ContributionPreview>('ContributionPreview').implement({
    description: 'What a contribution would do if saved now.',
    fields: (t) => ({
      ...paymentFields(t as never),
      paidAfter: t.exposeString('paidAfter'),
      dueAfter: t.exposeString('dueAfter'),
      activates: t.exposeBoolean('activates'),
      effectiveDate: t.expose('effectiveDate', { type: 'Date', nullable: true }),
      installment: t.exposeInt('installment', { nullable: true }),
      warnings: t.exposeStringList('warnings', {
        description: 'late, lastInstallment, overpaid, notIdle (none refuses the contribution).',
      }),
    }),
  });

  // The Policy and Family types are the policy and insuree modules'; this module adds what it knows.
  builder.objectField(PolicyRef, 'payment', (t) =>
    t.field({
      type: PolicyPaymentRef,
      nullable: true,
      description: 'Paid total, amount due and deadline (null without the contribution search right).',
      resolve: (p: Policy, _a, ctx: Ctx) => (hasRight(ctx, RIGHTS.search) ? service.policyPayment(ctx, p.id) : null),
    }),
  );
  builder.objectField(familyObject(builder), 'contributions', (t) =>
    t.field({
      type: [ContributionRef],
      description: 'Current contributions of the family’s policies (empty without the contribution search right).',
      resolve: (f, _a, ctx) => (hasRight(ctx, RIGHTS.search) ? service.familyContributions(ctx, f.id) : []),
    }),
  );

  builder.queryFields((t) => ({
    contributions: t.field({
      type: ContributionConnection,
      extensions: { right: RIGHTS.search },
      description: 'Contributions, newest payment first.',
      args: {
        receipt: t.arg.string({ description: 'Receipt prefix.' }),
        payDateFrom: t.arg({ type: 'Date' }),
        payDateTo: t.arg({ type: 'Date' }),
        payerId: t.arg.id(),
        payType: t.arg.string(),
        policyId: t.arg.id(),
        familyId: t.arg.id(),
        productId: t.arg.id(),
        isPhotoFee: t.arg.boolean(),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      resolve: (_root, a, ctx) => service.searchContributions(ctx, a, a),
    }),
    contribution: t.field({
      type: ContributionRef,
      nullable: true,
      extensions: { right: RIGHTS.search },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, a, ctx) => service.getContribution(ctx, a.id),
    }),
    policyContributions: t.field({
      type: [ContributionRef],
      extensions: { right: RIGHTS.search },
      args: { policyId: t.arg.id({ required: true }) },
      resolve: (_root, a, ctx) => service.policyContributions(ctx, a.policyId),
    }),
    familyContributions: t.field({
      type: [ContributionRef],
      extensions: { right: RIGHTS.search },
      args: { familyId: t.arg.id({ required: true }) },
      resolve: (_root, a, ctx) => service.familyContributions(ctx, a.familyId),
    }),
    policyPayment: t.field({
      type: PolicyPaymentRef,
      nullable: true,
      extensions: { right: RIGHTS.search },
      args: { policyId: t.arg.id({ required: true }) },
      resolve: (_root, a, ctx) => service.policyPayment(ctx, a.policyId),
    }),
    contributionPreview: t.field({
      type: PreviewRef,
      extensions: { anyRight: [RIGHTS.add, RIGHTS.edit] },
      description: 'What saving this contribution would do (needs the add or edit right).',
      args: {
        policyId: t.arg.id({ required: true }),
        amount: t.arg.string({ required: true }),
        payDate: t.arg({ type: 'Date', required: true }),
        isPhotoFee: t.arg.boolean(),
        exceptId: t.arg.id({ description: 'The contribution being edited.' }),
      },
      resolve: (_root, a, ctx) => service.previewContribution(ctx, a),
    }),
  }));

  const ResultPayload = builder.objectRef<ResultPayloadShape>('ContributionPayload').implement({
    fields: (t) => ({
      clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
      contribution: t.field({ type: ContributionRef, resolve: (p) => p.contribution }),
      policy: t.field({ type: PolicyRef, resolve: (p) => p.policy }),
      activated: t.exposeBoolean('activated', { description: 'This write activated the policy.' }),
    }),
  });
  const fields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => ({
    payerId: t.id(),
    amount: t.string({ required: true, description: 'Decimal, at most two decimals, > 0.' }),
    receipt: t.string({ required: true }),
    payDate: t.string({ required: true, description: 'YYYY-MM-DD, not in the future.' }),
    payType: t.string({ required: true, description: 'C, B, M or F.' }),
    isPhotoFee: t.boolean(),
    isOffline: t.boolean(),
    source: t.string(),
  });
  defineMutation(builder, 'createContribution', {
    guard: { right: RIGHTS.add },
    input: (t) => ({ policyId: t.id({ required: true }), ...fields(t) }),
    payload: ResultPayload,
    run: async (input, tx) => ({ ...(await service.createContribution(tx, input)) }),
  });
  defineMutation(builder, 'updateContribution', {
    guard: { right: RIGHTS.edit },
    input: (t) => ({ id: t.id({ required: true }), ...fields(t) }),
    payload: ResultPayload,
    run: async (input, tx) => ({ ...(await service.updateContribution(tx, input.id, input)) }),
  });
  const DeletePayload = builder
    .objectRef<{ clientMutationId: string | null; deletedId: string }>('DeleteContributionPayload')
    .implement({
      fields: (t) => ({
        clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
        deletedId: t.exposeID('deletedId'),
      }),
    });
  defineMutation(builder, 'deleteContribution', {
    guard: { right: RIGHTS.delete },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: DeletePayload,
    run: async (input, tx) => {
      await service.deleteContribution(tx, input.id);
      return { deletedId: input.id };
    },
  });
}
