import {
  type Ctx,
  InputError,
  isUuid,
  MutuaError,
  NotFoundError,
  RuleViolation,
  recordAudit,
  requireRight,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { RIGHTS } from '../manifest.js';
import type { Attachment } from '../points.js';
import type { Deps } from './deps.js';
import { loadDetails } from './read.js';
import { claimAttachment } from './schema.js';

const meta = {
  id: claimAttachment.id,
  claimId: claimAttachment.claimId,
  title: claimAttachment.title,
  type: claimAttachment.type,
  filename: claimAttachment.filename,
  mime: claimAttachment.mime,
  size: claimAttachment.size,
  date: claimAttachment.date,
  createdAt: claimAttachment.createdAt,
};
const toAttachment = (r: { createdAt: string } & Omit<Attachment, 'createdAt'>): Attachment => ({
  ...r,
  createdAt: new Date(r.createdAt).toISOString(),
});

/** Files attached to a claim, with size and type limits (config), read and written in the claim's scope. */
export function createAttachments(deps: Deps) {
  return {
    async attachments(ctx: Ctx, claimId: string): Promise<Attachment[]> {
      requireRight(ctx, RIGHTS.search);
      if (!(await loadDetails(deps, ctx, [claimId])).length) return [];
      const rows = await ctx.db
        .select(meta)
        .from(claimAttachment)
        .where(and(eq(claimAttachment.claimId, claimId), isNull(claimAttachment.deletedAt)))
        .orderBy(asc(claimAttachment.id));
      return rows.map(toAttachment);
    },
    async addAttachment(
      ctx: Ctx,
      claimId: string,
      file: { filename: string; mime: string; data: Uint8Array; title?: string | null; type?: string | null },
    ): Promise<Attachment> {
      requireRight(ctx, RIGHTS.add);
      const { maxAttachmentBytes, attachmentTypes } = deps.config;
      if (file.data.byteLength > maxAttachmentBytes)
        throw new MutuaError(
          'TOO_LARGE',
          'claim.error.attachmentTooLarge',
          { max: maxAttachmentBytes, field: 'file' },
          [{ field: 'file', key: 'claim.error.attachmentTooLarge', params: { max: maxAttachmentBytes } }],
        );
      if (!attachmentTypes.includes(file.mime))
        throw InputError.fields([
          {
            field: 'file',
            key: 'claim.error.attachmentType',
            params: { mime: file.mime, allowed: attachmentTypes.join(', ') },
          },
        ]);
      const filename = file.filename.trim().slice(0, 255) || 'file';
      return withTransaction(ctx, async (tx) => {
        const [c] = await loadDetails(deps, tx, [claimId], true);
        if (!c) throw new NotFoundError('Claim', claimId);
        if (c.status !== 2 && c.status !== 4) throw new RuleViolation('claim.error.notEditable', { status: c.status });
        const id = uuidv7();
        const [row] = await tx.db
          .insert(claimAttachment)
          .values({
            id,
            claimId,
            filename,
            mime: file.mime,
            size: file.data.byteLength,
            document: file.data,
            title: file.title?.trim() || null,
            type: file.type?.trim() || null,
            date: new Date().toISOString().slice(0, 10),
            createdBy: tx.user?.id ?? null,
          })
          .returning(meta);
        await recordAudit(tx, {
          entity: 'Claim',
          entityId: claimId,
          action: 'attach',
          after: { id, filename, mime: file.mime, size: file.data.byteLength },
        });
        return toAttachment(row!);
      });
    },
    async getAttachmentContent(ctx: Ctx, id: string) {
      requireRight(ctx, RIGHTS.search);
      if (!isUuid(id)) return null;
      const [row] = await ctx.db
        .select({ ...meta, document: claimAttachment.document })
        .from(claimAttachment)
        .where(and(eq(claimAttachment.id, id), isNull(claimAttachment.deletedAt)));
      if (!row) return null;
      if (!(await loadDetails(deps, ctx, [row.claimId])).length) return null; // out of the user's scope
      const { document, ...rest } = row;
      return { attachment: toAttachment(rest), data: new Uint8Array(document) };
    },
    async deleteAttachment(ctx: Ctx, id: string): Promise<void> {
      requireRight(ctx, RIGHTS.add);
      await withTransaction(ctx, async (tx) => {
        const [row] = isUuid(id)
          ? await tx.db
              .select(meta)
              .from(claimAttachment)
              .where(and(eq(claimAttachment.id, id), isNull(claimAttachment.deletedAt)))
          : [];
        if (!row || !(await loadDetails(deps, tx, [row.claimId])).length)
          throw new NotFoundError('ClaimAttachment', id);
        await tx.db.update(claimAttachment).set({ deletedAt: sql`now()` }).where(eq(claimAttachment.id, id));
        await recordAudit(tx, {
          entity: 'Claim',
          entityId: row.claimId,
          action: 'detach',
          before: { id, filename: row.filename },
        });
      });
    },
  };
}
