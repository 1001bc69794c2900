import { InputError, type Routes } from '@mutua/kernel';
import { RIGHTS } from '../manifest.js';
import type { BillFormat, ClaimBatchApi } from '../points.js';

const FORMATS: readonly BillFormat[] = ['pdf', 'xlsx', 'csv'];

/** `GET /api/claim-batch/bills/:id.(pdf|xlsx|csv)`: a provider bill as a file. */
export function registerClaimBatchRoutes(routes: Routes, api: ClaimBatchApi): void {
  routes.add({
    method: 'GET',
    url: '/claim-batch/bills/:file',
    guard: { right: RIGHTS.search },
    handler: async (req, reply, ctx) => {
      const { file } = req.params as { file: string };
      const dot = file.lastIndexOf('.');
      const format = file.slice(dot + 1).toLowerCase() as BillFormat;
      if (dot < 0 || !FORMATS.includes(format))
        throw InputError.fields([
          { field: 'format', key: 'claim-batch.error.format', params: { formats: 'pdf, xlsx, csv' } },
        ]);
      const out = await api.billFile(ctx, file.slice(0, dot), format);
      reply.header('content-type', out.mime);
      reply.header('content-disposition', `attachment; filename="${out.filename}"`);
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(out.data);
    },
  });
}
