import type {} from '@fastify/multipart';
import { InputError, NotFoundError, type Routes } from '@mutua/kernel';
import { RIGHTS } from '../manifest.js';
import type { ClaimInput } from '../points.js';
import type { ClaimService } from './service.js';

/** REST for machine clients: submission, dry-run validation, attachment upload (multipart) and download. */
export function registerClaimRoutes(routes: Routes, claims: ClaimService): void {
  // A facility system sends one claim; a retry with the same clientMutationId returns the first answer.
  routes.add({
    method: 'POST',
    url: '/claims',
    guard: { right: RIGHTS.submit },
    handler: async (req, _reply, ctx) => {
      const body = (req.body ?? {}) as { claim?: ClaimInput; process?: boolean; clientMutationId?: string };
      if (!body.claim || typeof body.claim !== 'object')
        throw InputError.fields([{ field: 'claim', key: 'claim.error.required' }]);
      const cmid = typeof body.clientMutationId === 'string' ? body.clientMutationId : null;
      return claims.submitQueued(ctx, body.claim, { process: body.process === true, clientMutationId: cmid });
    },
  });
  routes.add({
    method: 'POST',
    url: '/claims/validate',
    guard: { right: RIGHTS.submit },
    handler: async (req, _reply, ctx) => {
      const body = (req.body ?? {}) as { claimId?: string; claim?: ClaimInput };
      if (!body.claimId && !body.claim) throw InputError.fields([{ field: 'claim', key: 'claim.error.required' }]);
      return claims.validateClaim(ctx, { claimId: body.claimId ?? null, input: body.claim ?? null });
    },
  });
  routes.add({
    method: 'POST',
    url: '/claims/:id/attachments',
    guard: { right: RIGHTS.add },
    multipart: true,
    bodyLimit: 50 * 1024 * 1024,
    handler: async (req, _reply, ctx) => {
      const { id } = req.params as { id: string };
      if (!req.isMultipart()) throw InputError.fields([{ field: 'file', key: 'claim.error.noFile' }]);
      const file = await req.file();
      if (!file) throw InputError.fields([{ field: 'file', key: 'claim.error.noFile' }]);
      const data = await file.toBuffer();
      const field = (n: string) => {
        const f = file.fields[n] as { value?: unknown } | undefined;
        return typeof f?.value === 'string' ? f.value : null;
      };
      return claims.addAttachment(ctx, id, {
        filename: file.filename,
        mime: file.mimetype,
        data: new Uint8Array(data),
        title: field('title'),
        type: field('type'),
      });
    },
  });
  routes.add({
    method: 'GET',
    url: '/claims/attachments/:id',
    guard: { right: RIGHTS.search },
    handler: async (req, reply, ctx) => {
      const { id } = req.params as { id: string };
      const found = await claims.getAttachmentContent(ctx, id);
      if (!found) throw new NotFoundError('ClaimAttachment', id);
      const name = found.attachment.filename.replace(/["\\\r\n]/g, '_');
      reply.header('content-type', found.attachment.mime);
      reply.header('content-disposition', `attachment; filename="${name}"`);
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(Buffer.from(found.data));
    },
  });
}
