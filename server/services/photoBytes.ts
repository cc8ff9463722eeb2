import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TeamId } from '../../src/model/ids.ts';
import { isPhotoHash } from '../../src/model/photos.ts';
import type { Database } from '../db/database.ts';
import { noSpaceError } from '../db/faults.ts';

/**
 * Where the bytes of photos live, by team and SHA-256. Which photos a team
 * has, with their type and size, is in the database (server/services/photos.ts);
 * the bytes are files under DATA_DIR/photos for one server on SQLite
 * ({@link filePhotoBytes}), or rows of `photo_data` on PostgreSQL
 * ({@link databasePhotoBytes}), so that every instance serves every photo.
 */
export interface PhotoBytes {
  /**
   * Starts receiving a photo's bytes as they arrive, before their hash is
   * known. The upload ends with `store` or `discard`.
   */
  receive(teamId: TeamId): Promise<PhotoUpload>;
  /** Stores a photo's bytes under their hash; bytes already stored stay as they are. */
  put(teamId: TeamId, hash: string, bytes: Uint8Array): Promise<void>;
  /** The photo's bytes, or null when none are stored. */
  get(teamId: TeamId, hash: string): Promise<Uint8Array | null>;
  /** Forgets a photo's bytes, if any. */
  remove(teamId: TeamId, hash: string): Promise<void>;
}

/** One photo's bytes while they arrive (see {@link PhotoBytes.receive}). */
export interface PhotoUpload {
  /** Takes the next chunk; rejects as on a full disk when there is no room. */
  write(chunk: Uint8Array): Promise<void>;
  /** Stores everything written as the photo `hash`, like {@link PhotoBytes.put}, and ends the upload. */
  store(hash: string): Promise<void>;
  /** Ends the upload keeping nothing of it; does nothing after `store`. Never rejects. */
  discard(): Promise<void>;
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Photos as files: `<dataDir>/photos/<teamId>/<sha256>`. An upload is written
 * to a temporary file in the team's directory while it arrives and renamed to
 * its hash only when stored, so one cut off halfway leaves neither a photo nor
 * a temporary file.
 */
export function filePhotoBytes(
  dataDir: string,
  options: {
    /** Fault injection for tests: while it returns true, writing a photo file fails with ENOSPC. */
    readonly failWrites?: (() => boolean) | undefined;
  } = {},
): PhotoBytes {
  const root = join(resolve(dataDir), 'photos');
  const teamDir = (teamId: TeamId) => join(root, teamId);
  const pathOf = (teamId: TeamId, hash: string) => {
    // The hash becomes a file name: never a path of its own.
    if (!isPhotoHash(hash)) throw new Error(`not a photo hash: ${JSON.stringify(hash)}`);
    return join(teamDir(teamId), hash);
  };

  async function receive(teamId: TeamId): Promise<PhotoUpload> {
    const dir = teamDir(teamId);
    await mkdir(dir, { recursive: true });
    const tempPath = join(dir, `.upload-${randomBytes(8).toString('hex')}`);
    const file = await open(tempPath, 'wx');
    let fileOpen = true;
    let ended = false;
    const close = async () => {
      if (!fileOpen) return;
      fileOpen = false;
      await file.close();
    };
    return {
      async write(chunk) {
        if (options.failWrites?.()) throw noSpaceError();
        await file.write(chunk);
      },
      async store(hash) {
        const finalPath = pathOf(teamId, hash);
        await file.sync();
        await close();
        // The name is the hash of the bytes: a file already there holds these very bytes.
        if (existsSync(finalPath)) await rm(tempPath, { force: true });
        else await rename(tempPath, finalPath);
        ended = true;
      },
      async discard() {
        if (ended) return;
        ended = true;
        await close().catch(() => {});
        await rm(tempPath, { force: true }).catch(() => {});
      },
    };
  }

  return {
    receive,
    async put(teamId, hash, bytes) {
      if (existsSync(pathOf(teamId, hash))) return;
      const upload = await receive(teamId);
      try {
        await upload.write(bytes);
        await upload.store(hash);
      } finally {
        await upload.discard();
      }
    },
    async get(teamId, hash) {
      if (!isPhotoHash(hash)) return null;
      try {
        return await readFile(pathOf(teamId, hash));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async remove(teamId, hash) {
      await rm(pathOf(teamId, hash), { force: true });
    },
  };
}

/**
 * Photos in the database: `photo_data (team_id, hash, data)` (PostgreSQL
 * only; its rows go with their `photos` row). An upload is held in memory
 * while it arrives; storePhoto limits it to the largest photo accepted.
 */
export function databasePhotoBytes(db: Database): PhotoBytes {
  async function put(teamId: TeamId, hash: string, bytes: Uint8Array): Promise<void> {
    await db.run(
      'INSERT INTO photo_data (team_id, hash, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      teamId,
      hash,
      bytes,
    );
  }

  return {
    async receive(teamId) {
      let chunks: Buffer[] = [];
      return {
        async write(chunk) {
          // A copy: the caller may reuse its buffer for the next chunk.
          chunks.push(Buffer.from(chunk));
        },
        async store(hash) {
          const bytes = Buffer.concat(chunks);
          chunks = [];
          await put(teamId, hash, bytes);
        },
        async discard() {
          chunks = [];
        },
      };
    },
    put,
    async get(teamId, hash) {
      const row = await db.get<{ data: Uint8Array }>(
        'SELECT data FROM photo_data WHERE team_id = ? AND hash = ?',
        teamId,
        hash,
      );
      return row?.data ?? null;
    },
    async remove(teamId, hash) {
      await db.run('DELETE FROM photo_data WHERE team_id = ? AND hash = ?', teamId, hash);
    },
  };
}
