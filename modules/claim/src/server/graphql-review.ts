import { type Builder, defineMutation, payloadType, type Types } from '@mutua/kernel';
import type { ObjectRef } from '@pothos/core';
import { RIGHTS } from '../manifest.js';
import type { Claim } from '../points.js';
import type { ClaimService } from './service.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;
type Payload<K extends string, T> = ObjectRef<Types, Record<K, T> & { clientMutationId: string | null }>;

/** GraphQL of the medical officer's work: selection for review and feedback, the review itself, feedback. */
export function registerReviewGraphql(
  b: Builder,
  claims: ClaimService,
  payloads: { ClaimPayload: Payload<'claim', Claim>; OkPayload: Payload<'ok', { done: number }> },
): void {
  const { ClaimPayload, OkPayload } = payloads;
  const selection = (t: InputFields) => ({
    ids: t.idList({ required: true }),
    mode: t.string({ required: true, description: 'all, random or variance' }),
    value: t.float(),
    minClaimed: t.string(),
  });
  const SelectionPayload = payloadType(
    b,
    'ClaimSelectionPayload',
    'result',
    b
      .objectRef<{ selected: number; notSelected: number }>('ClaimSelection')
      .implement({ fields: (t) => ({ selected: t.exposeInt('selected'), notSelected: t.exposeInt('notSelected') }) }),
  );
  for (const kind of ['Review', 'Feedback'] as const) {
    defineMutation(b, `selectClaimsFor${kind}`, {
      guard: { right: RIGHTS.update },
      input: selection,
      payload: SelectionPayload,
      run: async (i, tx) => {
        const input = {
          ids: i.ids.map(String),
          mode: i.mode as 'all' | 'random' | 'variance',
          value: i.value ?? null,
          minClaimed: i.minClaimed ?? null,
        };
        return {
          result:
            kind === 'Review' ? await claims.selectForReview(tx, input) : await claims.selectForFeedback(tx, input),
        };
      },
    });
    defineMutation(b, `setClaims${kind}Status`, {
      guard: { right: RIGHTS.update },
      input: (t) => ({
        ids: t.idList({ required: true }),
        action: t.string({ required: true, description: 'select, skip or bypass' }),
      }),
      payload: OkPayload,
      run: async ({ ids, action }, tx) => {
        const a = action as 'select' | 'skip' | 'bypass';
        const n =
          kind === 'Review'
            ? await claims.setReviewStatus(tx, ids.map(String), a)
            : await claims.setFeedbackStatus(tx, ids.map(String), a);
        return { ok: { done: n } };
      },
    });
  }
  const ReviewLine = b.inputType('ClaimReviewLineInput', {
    fields: (t) => ({
      id: t.id({ required: true }),
      qtyApproved: t.string(),
      priceApproved: t.string(),
      justification: t.string(),
      reject: t.boolean(),
    }),
  });
  defineMutation(b, 'saveClaimReview', {
    guard: { right: RIGHTS.review },
    input: (t) => ({
      id: t.id({ required: true }),
      lines: t.field({ type: [ReviewLine], required: true }),
      adjustment: t.string(),
      deliver: t.boolean(),
    }),
    payload: ClaimPayload,
    run: async ({ id, lines, adjustment, deliver }, tx) => ({
      claim: await claims.saveReview(tx, String(id), {
        lines: lines.map((l) => ({ ...l, id: String(l.id) })),
        adjustment,
        deliver,
      }),
    }),
  });
  defineMutation(b, 'deliverClaimFeedback', {
    guard: { right: RIGHTS.feedback },
    input: (t) => ({
      id: t.id({ required: true }),
      careRendered: t.boolean(),
      paymentAsked: t.boolean(),
      drugPrescribed: t.boolean(),
      drugReceived: t.boolean(),
      assessment: t.int(),
      officerId: t.id(),
      feedbackDate: t.string({ required: true }),
    }),
    payload: ClaimPayload,
    run: async ({ id, officerId, ...f }, tx) => ({
      claim: await claims.deliverFeedback(tx, String(id), { ...f, officerId: officerId ? String(officerId) : null }),
    }),
  });
}
