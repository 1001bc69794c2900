import { insureeObject } from '@mutua/insuree';
import { type Builder, connectionType, defineMutation, type Jobs, payloadType, type Types } from '@mutua/kernel';
import { healthFacilityObject } from '@mutua/location';
import { diagnosisObject, medicalItemObject, medicalServiceObject } from '@mutua/medical';
import { RIGHTS } from '../manifest.js';
import {
  type Attachment,
  type BulkSummary,
  type CheckOutcome,
  type ClaimDetail,
  type ClaimInput,
  type ClaimLine,
  type ClaimStatus,
  claimObject,
  type Feedback,
  type LineVerdict,
  type SelectionStatus,
} from '../points.js';
import { type Deps, sys } from './deps.js';
import { registerReviewGraphql } from './graphql-review.js';
import { BULK_JOB } from './jobs.js';
import type { ClaimService } from './service.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

export function registerClaimGraphql(b: Builder, claims: ClaimService, deps: Deps, jobs: Jobs): void {
  const ClaimRef = claimObject(b);
  const Flag = b.objectRef<{ key: string; params?: Record<string, unknown> }>('ClaimReviewFlag').implement({
    fields: (t) => ({
      key: t.exposeString('key'),
      params: t.field({ type: 'JSON', nullable: true, resolve: (f) => f.params ?? null }),
    }),
  });
  const Line = b.objectRef<ClaimLine>('ClaimLine').implement({
    description: 'An item or service line with its check and valuation results (amounts as decimal strings).',
    fields: (t) => ({
      id: t.exposeID('id'),
      kind: t.exposeString('kind'),
      medicalId: t.exposeID('medicalId'),
      item: t.field({
        type: medicalItemObject(b),
        nullable: true,
        resolve: async (l, _a, ctx) =>
          l.kind === 'item'
            ? ((await deps.medical.getItems(sys(ctx), [l.medicalId]))[0] ??
              (await deps.medical.getItem(sys(ctx), l.medicalId)))
            : null,
      }),
      service: t.field({
        type: medicalServiceObject(b),
        nullable: true,
        resolve: async (l, _a, ctx) =>
          l.kind === 'service'
            ? ((await deps.medical.getServices(sys(ctx), [l.medicalId]))[0] ??
              (await deps.medical.getService(sys(ctx), l.medicalId)))
            : null,
      }),
      qtyProvided: t.exposeString('qtyProvided'),
      qtyApproved: t.exposeString('qtyApproved', { nullable: true }),
      priceAsked: t.exposeString('priceAsked'),
      priceAdjusted: t.exposeString('priceAdjusted', { nullable: true }),
      priceApproved: t.exposeString('priceApproved', { nullable: true }),
      priceValuated: t.exposeString('priceValuated', { nullable: true }),
      explanation: t.exposeString('explanation', { nullable: true }),
      justification: t.exposeString('justification', { nullable: true }),
      status: t.exposeInt('status', { description: '1 passed, 2 rejected.' }),
      rejectionReason: t.exposeInt('rejectionReason', { description: 'i18n key claim.reason.<code>.' }),
      rejectionParams: t.field({ type: 'JSON', nullable: true, resolve: (l) => l.rejectionParams }),
      productId: t.exposeID('productId', { nullable: true }),
      policyId: t.exposeID('policyId', { nullable: true }),
      priceOrigin: t.exposeString('priceOrigin', { nullable: true }),
      limitation: t.exposeString('limitation', { nullable: true }),
      limitationValue: t.exposeString('limitationValue', { nullable: true }),
      deductableAmount: t.exposeString('deductableAmount', { nullable: true }),
      exceedCeilingAmount: t.exposeString('exceedCeilingAmount', { nullable: true }),
      exceedCeilingAmountCategory: t.exposeString('exceedCeilingAmountCategory', { nullable: true }),
      remuneratedAmount: t.exposeString('remuneratedAmount', { nullable: true }),
    }),
  });
  const AttachmentRef = b.objectRef<Attachment>('ClaimAttachment').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      claimId: t.exposeID('claimId'),
      title: t.exposeString('title', { nullable: true }),
      type: t.exposeString('type', { nullable: true }),
      filename: t.exposeString('filename'),
      mime: t.exposeString('mime'),
      size: t.exposeInt('size'),
      date: t.exposeString('date', { nullable: true }),
      url: t.string({ resolve: (a) => `/api/claims/attachments/${a.id}` }),
    }),
  });
  const FeedbackRef = b.objectRef<Feedback>('ClaimFeedback').implement({
    fields: (t) => ({
      careRendered: t.exposeBoolean('careRendered', { nullable: true }),
      paymentAsked: t.exposeBoolean('paymentAsked', { nullable: true }),
      drugPrescribed: t.exposeBoolean('drugPrescribed', { nullable: true }),
      drugReceived: t.exposeBoolean('drugReceived', { nullable: true }),
      assessment: t.exposeInt('assessment', { nullable: true }),
      officerId: t.exposeID('officerId', { nullable: true }),
      feedbackDate: t.exposeString('feedbackDate'),
    }),
  });
  const detail = async (c: { id: string } & Partial<ClaimDetail>, ctx: Parameters<typeof claims.getClaim>[0]) =>
    c.items ? (c as ClaimDetail) : await claims.getClaim(ctx, c.id);

  b.objectType(ClaimRef, {
    description:
      'A health-facility claim (DOMAIN.md §12). Status 1 rejected, 2 entered, 4 checked, 8 processed, 16 valuated.',
    fields: (t) => ({
      id: t.exposeID('id'),
      code: t.exposeString('code'),
      hfId: t.exposeID('hfId'),
      healthFacility: t.field({
        type: healthFacilityObject(b),
        nullable: true,
        resolve: (c, _a, ctx) => deps.location.getHealthFacility(sys(ctx), c.hfId),
      }),
      insureeId: t.exposeID('insureeId'),
      insuree: t.field({
        type: insureeObject(b),
        nullable: true,
        resolve: (c, _a, ctx) => deps.insuree.getInsuree(ctx, c.insureeId).catch(() => null),
      }),
      adminId: t.exposeID('adminId', { nullable: true }),
      dateFrom: t.exposeString('dateFrom'),
      dateTo: t.exposeString('dateTo', { nullable: true }),
      dateClaimed: t.exposeString('dateClaimed'),
      icdId: t.exposeID('icdId'),
      diagnosis: t.field({
        type: diagnosisObject(b),
        nullable: true,
        resolve: (c, _a, ctx) => deps.medical.getDiagnosis(sys(ctx), c.icdId),
      }),
      secondaryIcdIds: t.exposeIDList('secondaryIcdIds'),
      secondaryDiagnoses: t.field({
        type: [diagnosisObject(b)],
        resolve: (c, _a, ctx) => deps.medical.getDiagnoses(sys(ctx), c.secondaryIcdIds),
      }),
      visitType: t.exposeString('visitType'),
      category: t.exposeString('category', { nullable: true }),
      status: t.exposeInt('status'),
      reviewStatus: t.exposeInt('reviewStatus'),
      feedbackStatus: t.exposeInt('feedbackStatus'),
      feedbackAvailable: t.exposeBoolean('feedbackAvailable'),
      rejectionReason: t.exposeInt('rejectionReason'),
      guaranteeId: t.exposeString('guaranteeId', { nullable: true }),
      explanation: t.exposeString('explanation', { nullable: true }),
      adjustment: t.exposeString('adjustment', { nullable: true }),
      claimed: t.exposeString('claimed'),
      approved: t.exposeString('approved', { nullable: true }),
      valuated: t.exposeString('valuated', { nullable: true }),
      remunerated: t.exposeString('remunerated', { nullable: true }),
      dateProcessed: t.exposeString('dateProcessed', { nullable: true }),
      submitStamp: t.exposeString('submitStamp', { nullable: true }),
      processStamp: t.exposeString('processStamp', { nullable: true }),
      restoreId: t.exposeID('restoreId', { nullable: true }),
      reviewFlags: t.field({ type: [Flag], resolve: (c) => c.reviewFlags }),
      items: t.field({ type: [Line], resolve: async (c, _a, ctx) => (await detail(c, ctx))?.items ?? [] }),
      services: t.field({ type: [Line], resolve: async (c, _a, ctx) => (await detail(c, ctx))?.services ?? [] }),
      attachments: t.field({ type: [AttachmentRef], resolve: (c, _a, ctx) => claims.attachments(ctx, c.id) }),
      feedback: t.field({ type: FeedbackRef, nullable: true, resolve: (c, _a, ctx) => claims.getFeedback(ctx, c.id) }),
    }),
  });
  const Connection = connectionType(b, ClaimRef, 'Claim');

  const Verdict = b.objectRef<LineVerdict>('ClaimLineVerdict').implement({
    fields: (t) => ({
      kind: t.exposeString('kind'),
      index: t.exposeInt('index'),
      medicalId: t.exposeID('medicalId'),
      status: t.exposeInt('status'),
      rejectionReason: t.exposeInt('rejectionReason'),
      rejectionParams: t.field({ type: 'JSON', nullable: true, resolve: (v) => v.rejectionParams }),
    }),
  });
  const Outcome = b.objectRef<CheckOutcome>('ClaimCheckOutcome').implement({
    fields: (t) => ({
      status: t.exposeInt('status'),
      category: t.exposeString('category', { nullable: true }),
      approved: t.exposeString('approved'),
      lines: t.field({ type: [Verdict], resolve: (o) => o.lines }),
      reviewFlags: t.field({ type: [Flag], resolve: (o) => o.reviewFlags }),
    }),
  });
  const Summary = b.objectRef<BulkSummary>('ClaimBulkSummary').implement({
    fields: (t) => ({
      total: t.exposeInt('total'),
      checked: t.exposeInt('checked'),
      rejected: t.exposeInt('rejected'),
      processed: t.exposeInt('processed'),
      valuated: t.exposeInt('valuated'),
      skipped: t.exposeInt('skipped'),
      failed: t.exposeInt('failed'),
    }),
  });

  const LineInput = b.inputType('ClaimLineInput', {
    fields: (t) => ({
      medicalId: t.id({ required: true }),
      qtyProvided: t.string({ required: true }),
      priceAsked: t.string(),
      explanation: t.string(),
    }),
  });
  const FilterInput = b.inputType('ClaimFilterInput', {
    fields: (t) => ({
      hfId: t.id(),
      status: t.intList(),
      reviewStatus: t.int(),
      feedbackStatus: t.int(),
      code: t.string(),
      insureeNumber: t.string(),
      dateClaimedFrom: t.string(),
      dateClaimedTo: t.string(),
      dateFrom: t.string(),
      dateTo: t.string(),
      claimedMin: t.string(),
      claimedMax: t.string(),
      icdId: t.id(),
      visitType: t.string(),
    }),
  });
  const claimFields = (t: InputFields) => ({
    code: t.string({ required: true }),
    hfId: t.id(),
    insureeNumber: t.string(),
    adminId: t.id(),
    dateFrom: t.string({ required: true }),
    dateTo: t.string(),
    dateClaimed: t.string({ required: true }),
    icdId: t.id({ required: true }),
    secondaryIcdIds: t.idList(),
    visitType: t.string(),
    guaranteeId: t.string(),
    explanation: t.string(),
    items: t.field({ type: [LineInput] }),
    services: t.field({ type: [LineInput] }),
  });
  const ClaimInputRef = b.inputType('ClaimEntryInput', { fields: claimFields });
  const toFilter = (f: Record<string, unknown> | null | undefined) =>
    ({
      ...(f ?? {}),
      status: (f?.status as ClaimStatus[] | null) ?? null,
      reviewStatus: (f?.reviewStatus as SelectionStatus) ?? null,
      feedbackStatus: (f?.feedbackStatus as SelectionStatus) ?? null,
    }) as Parameters<typeof claims.searchClaims>[1];

  b.queryFields((t) => ({
    claims: t.field({
      type: Connection,
      extensions: { right: RIGHTS.search },
      args: { filter: t.arg({ type: FilterInput }), first: t.arg.int(), after: t.arg.string() },
      resolve: (_r, a, ctx) => claims.searchClaims(ctx, toFilter(a.filter), { first: a.first, after: a.after }),
    }),
    claim: t.field({
      type: ClaimRef,
      nullable: true,
      extensions: { right: RIGHTS.search },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => claims.getClaim(ctx, String(a.id)),
    }),
    validateClaim: t.field({
      type: Outcome,
      description: 'The check without saving (dry run): of a saved claim, or of a claim as entered.',
      extensions: { right: RIGHTS.submit },
      args: { claimId: t.arg.id(), claim: t.arg({ type: ClaimInputRef }) },
      resolve: (_r, a, ctx) =>
        claims.validateClaim(ctx, {
          claimId: a.claimId ? String(a.claimId) : null,
          input: (a.claim as ClaimInput | null) ?? null,
        }),
    }),
  }));

  const ClaimPayload = payloadType(b, 'ClaimPayload', 'claim', ClaimRef);
  const OkPayload = payloadType(
    b,
    'ClaimOkPayload',
    'ok',
    b.objectRef<{ done: number }>('ClaimCount').implement({ fields: (t) => ({ done: t.exposeInt('done') }) }),
  );
  const SummaryPayload = payloadType(b, 'ClaimBulkPayload', 'summary', Summary);
  const JobPayload = payloadType(
    b,
    'ClaimJobPayload',
    'job',
    b.objectRef<{ id: string }>('ClaimJobRef').implement({ fields: (t) => ({ id: t.exposeID('id') }) }),
  );
  const asInput = (i: Record<string, unknown>) => i as unknown as ClaimInput;

  defineMutation(b, 'createClaim', {
    guard: { right: RIGHTS.add },
    input: claimFields,
    payload: ClaimPayload,
    run: async (i, tx) => ({ claim: await claims.createClaim(tx, asInput(i)) }),
  });
  defineMutation(b, 'submitClaim', {
    guard: { right: RIGHTS.submit },
    input: (t) => ({ ...claimFields(t), process: t.boolean() }),
    payload: ClaimPayload,
    // Group commit, as POST /api/claims: concurrent submissions are judged and written together (ADR 0011).
    runOnce: async ({ process, ...i }, ctx, clientMutationId) => ({
      claim: (await claims.submitQueued(ctx, asInput(i), { process: !!process, clientMutationId })).claim,
    }),
  });
  defineMutation(b, 'updateClaim', {
    guard: { anyRight: [RIGHTS.add, RIGHTS.update] },
    input: (t) => ({ id: t.id({ required: true }), ...claimFields(t) }),
    payload: ClaimPayload,
    run: async ({ id, ...i }, tx) => ({ claim: await claims.updateClaim(tx, String(id), asInput(i)) }),
  });
  defineMutation(b, 'deleteClaim', {
    guard: { right: RIGHTS.delete },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: OkPayload,
    run: async ({ id }, tx) => {
      await claims.deleteClaim(tx, String(id));
      return { ok: { done: 1 } };
    },
  });
  defineMutation(b, 'restoreClaim', {
    guard: { right: RIGHTS.restore },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: ClaimPayload,
    run: async ({ id }, tx) => ({ claim: await claims.restoreClaim(tx, String(id)) }),
  });
  defineMutation(b, 'submitClaims', {
    guard: { right: RIGHTS.submit },
    input: (t) => ({
      ids: t.idList({ required: true }),
      process: t.boolean({ description: 'Also value the claims that pass and are not flagged for review.' }),
    }),
    payload: SummaryPayload,
    run: async ({ ids, process }, tx) => ({
      summary: await claims.submitClaims(tx, ids.map(String), undefined, { process: !!process }),
    }),
  });
  defineMutation(b, 'processClaims', {
    guard: { right: RIGHTS.process },
    input: (t) => ({ ids: t.idList({ required: true }) }),
    payload: SummaryPayload,
    run: async ({ ids }, tx) => ({ summary: await claims.processClaims(tx, ids.map(String)) }),
  });
  defineMutation(b, 'bulkClaims', {
    guard: { authenticated: true },
    input: (t) => ({ action: t.string({ required: true }), ids: t.idList(), filter: t.field({ type: FilterInput }) }),
    payload: JobPayload,
    run: async ({ action, ids, filter }, tx) => {
      if (action !== 'submit' && action !== 'process')
        throw (await import('@mutua/kernel')).InputError.fields([{ field: 'action', key: 'claim.error.bulkAction' }]);
      (await import('@mutua/kernel')).requireRight(tx, action === 'submit' ? RIGHTS.submit : RIGHTS.process);
      const job = await jobs.enqueue(tx, BULK_JOB, { action, ids: ids?.map(String) ?? null, filter: toFilter(filter) });
      return { job: { id: job.id } };
    },
  });
  registerReviewGraphql(b, claims, { ClaimPayload, OkPayload });
  defineMutation(b, 'deleteClaimAttachment', {
    guard: { right: RIGHTS.add },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: OkPayload,
    run: async ({ id }, tx) => {
      await claims.deleteAttachment(tx, String(id));
      return { ok: { done: 1 } };
    },
  });
}
