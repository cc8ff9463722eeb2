import { Readable } from 'node:stream';
import type { CycleId } from '../../src/model/cycleTypes.ts';
import { isCycleDocId } from '../../src/model/docName.ts';
import type { TeamId } from '../../src/model/ids.ts';
import { isStorageFull, ServiceError } from '../services/errors.ts';
import { deleteCyclePhotos, findPhoto, isPhotoType, storePhoto } from '../services/photos.ts';
import { requireActor } from './auth.ts';
import type { Route } from './context.ts';
import { HttpError } from './respond.ts';

/** Photos never change under their name (the SHA-256 of their bytes). */
const PHOTO_CACHE_CONTROL = 'private, max-age=31536000, immutable';

export const photoRoutes: Route[] = [
  {
    // Raw image body → 201 { hash, bytes, type }, 200 when the team already had these bytes.
    method: 'PUT',
    path: '/api/teams/:teamId/photos',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      const cycleId = ctx.url.searchParams.get('cycle');
      if (!isCycleDocId(cycleId)) {
        throw new HttpError(400, 'bad_request', 'the query parameter cycle must be a cycle id');
      }
      const type = (ctx.req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (!isPhotoType(type)) {
        throw new HttpError(
          415,
          'not_an_image',
          'the body must be image/jpeg, image/png or image/webp',
        );
      }
      const { maxBytes } = ctx.app.photos;
      if (Number(ctx.req.headers['content-length'] ?? 0) > maxBytes) {
        throw new HttpError(413, 'payload_too_large', `a photo may be at most ${maxBytes} bytes`);
      }
      let stored: Awaited<ReturnType<typeof storePhoto>>;
      try {
        stored = await storePhoto(ctx.app.deps, ctx.app.photos, actor, {
          cycleId: cycleId as CycleId,
          type,
          // Keep the request open on a refusal so the answer still reaches the client.
          body: ctx.req.iterator({ destroyOnReturn: false }),
        });
      } catch (error) {
        if (error instanceof ServiceError || isStorageFull(error) || ctx.req.complete) throw error;
        // The client went away mid-upload: nothing was kept, and this is no server error.
        throw new HttpError(400, 'bad_request', 'the upload was cut off before the end');
      }
      const { photo, created } = stored;
      return { status: created ? 201 : 200, body: photo };
    },
  },
  {
    method: 'GET',
    path: '/api/teams/:teamId/photos/:hash',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      const photo = await findPhoto(ctx.app.deps, actor, ctx.params.hash ?? '');
      const etag = `"${photo.hash}"`;
      const cacheHeaders = { ETag: etag, 'Cache-Control': PHOTO_CACHE_CONTROL };
      const ifNoneMatch = ctx.req.headers['if-none-match'];
      if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
        return { status: 304, headers: cacheHeaders };
      }
      const bytes = await ctx.app.photos.store.get(actor.teamId, photo.hash);
      if (bytes === null) {
        ctx.app.log(
          `photo ${photo.hash} of team ${actor.teamId} is in the database but its bytes are not stored`,
        );
        throw new HttpError(404, 'not_found', 'no such photo');
      }
      return {
        status: 200,
        stream: Readable.from([bytes], { objectMode: false }),
        headers: {
          ...cacheHeaders,
          'Content-Type': photo.type,
          'Content-Length': String(bytes.byteLength),
        },
      };
    },
  },
  {
    method: 'DELETE',
    path: '/api/teams/:teamId/cycles/:cycleId/photos',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      await deleteCyclePhotos(ctx.app.deps, ctx.app.photos, actor, ctx.params.cycleId as CycleId);
      return { status: 204 };
    },
  },
];
