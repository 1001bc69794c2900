import type { MultipartFile } from '@fastify/multipart';
import { type Ctx, InputError, NotFoundError, type Routes } from '@mutua/kernel';
import type { FastifyRequest } from 'fastify';
import { RIGHTS } from '../manifest.js';
import type { InsureeApi } from '../points.js';

type WithFile = FastifyRequest & { isMultipart(): boolean; file(): Promise<MultipartFile | undefined> };

/**
 * Photos over REST: `POST /api/insuree/insurees/:id/photo` (multipart, one JPEG or PNG file) stores a photo,
 * `DELETE` removes it, `GET` serves the current one (rights and scope checked by the service).
 */
export function registerPhotoRoutes(routes: Routes, service: InsureeApi, maxPhotoBytes: number): void {
  const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;
  routes.add({
    method: 'POST',
    url: '/insuree/insurees/:id/photo',
    guard: { right: RIGHTS.insureeEdit },
    multipart: true,
    // The multipart envelope adds a little to the file itself.
    bodyLimit: maxPhotoBytes + 64 * 1024,
    handler: async (req, _reply, ctx: Ctx) => {
      const r = req as WithFile;
      if (!r.isMultipart()) throw InputError.fields([{ field: 'photo', key: 'insuree.error.photoMissing' }]);
      const file = await r.file();
      if (!file) throw InputError.fields([{ field: 'photo', key: 'insuree.error.photoMissing' }]);
      let data: Buffer;
      try {
        data = await file.toBuffer();
      } catch {
        // @fastify/multipart throws when the file exceeds the server-wide upload limit.
        throw InputError.fields([
          { field: 'photo', key: 'insuree.error.photoTooLarge', params: { max: Math.floor(maxPhotoBytes / 1024) } },
        ]);
      }
      const saved = await service.setPhoto(ctx, idOf(req), { mime: file.mimetype, data: new Uint8Array(data) });
      return { id: saved.id, photoUrl: saved.photoUrl };
    },
  });
  routes.add({
    method: 'DELETE',
    url: '/insuree/insurees/:id/photo',
    guard: { right: RIGHTS.insureeEdit },
    handler: async (req, _reply, ctx) => {
      const saved = await service.setPhoto(ctx, idOf(req), null);
      return { id: saved.id, photoUrl: saved.photoUrl };
    },
  });
  routes.add({
    method: 'GET',
    url: '/insuree/insurees/:id/photo',
    guard: { right: RIGHTS.insureeSearch },
    handler: async (req, reply, ctx) => {
      const photo = await service.getPhoto(ctx, idOf(req));
      if (!photo) throw new NotFoundError('InsureePhoto', idOf(req));
      // Personal data: never stored by shared caches.
      return reply
        .header('content-type', photo.mime)
        .header('cache-control', 'private, max-age=3600')
        .send(Buffer.from(photo.data));
    },
  });
}
