import { type Ctx, InputError, requireRight, uuidv7, withTransaction } from '@mutua/kernel';
import { and, eq, isNull } from 'drizzle-orm';
import type { Insuree } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import type { WriteDeps } from './insuree-checks.js';
import type { RowVersions } from './row-versions.js';
import { insuree, insureePhoto } from './schema.js';

/** An insuree's photo: stored as a new version of the insuree, read back only by those who see the insuree. */
export function photoWrites(deps: WriteDeps, rows: RowVersions) {
  const { read } = deps;
  const { currentInsureeRow, writableFamilyRow, reviseInsuree, audit } = rows;

  return {
    async setPhoto(ctx: Ctx, insureeId: string, photo: { mime: string; data: Uint8Array } | null): Promise<Insuree> {
      requireRight(ctx, RIGHTS.insureeEdit);
      const row = await currentInsureeRow(ctx, insureeId);
      await writableFamilyRow(ctx, row.familyId);
      if (photo) {
        const kind = imageKind(photo.data);
        if (!kind || kind !== photo.mime) throw InputError.fields([{ field: 'photo', key: 'insuree.error.photoType' }]);
        if (photo.data.length > deps.maxPhotoBytes) {
          throw InputError.fields([
            {
              field: 'photo',
              key: 'insuree.error.photoTooLarge',
              params: { max: Math.floor(deps.maxPhotoBytes / 1024) },
            },
          ]);
        }
      }
      return withTransaction(ctx, async (tx) => {
        let photoId: string | null = null;
        if (photo) {
          photoId = uuidv7();
          await tx.db
            .insert(insureePhoto)
            .values({ id: photoId, insureeId, mime: photo.mime, bytes: photo.data.length, data: photo.data });
        }
        const after = await reviseInsuree(tx, row, { photoId });
        await audit(tx, 'Insuree', insureeId, 'photo', { photoId: row.photoId }, { photoId });
        return after;
      });
    },

    async getPhoto(ctx: Ctx, insureeId: string): Promise<{ mime: string; data: Uint8Array } | null> {
      const visible = await read.getInsuree(ctx, insureeId);
      if (!visible) return null;
      const [row] = await ctx.db
        .select({ photoId: insuree.photoId })
        .from(insuree)
        .where(and(eq(insuree.id, insureeId), isNull(insuree.validTo)));
      if (!row?.photoId) return null;
      const [p] = await ctx.db
        .select({ mime: insureePhoto.mime, data: insureePhoto.data })
        .from(insureePhoto)
        .where(eq(insureePhoto.id, row.photoId));
      return p ?? null;
    },
  };
}

/** The image type from the file's first bytes (never trust the declared type alone). */
export function imageKind(data: Uint8Array): 'image/jpeg' | 'image/png' | null {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length > 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47)
    return 'image/png';
  return null;
}
