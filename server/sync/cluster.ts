import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import * as v from 'valibot';
import type { MemberId, TeamId } from '../../src/model/ids.ts';
import { ROLES, type Role } from '../../src/model/roles.ts';
import type { ConnectionControl, DocumentControl } from '../services/deps.ts';

/**
 * What one instance tells the others through Redis, so a change made
 * through any instance reaches every member's sockets wherever they are
 * connected: a revoked member is disconnected everywhere, a deleted document
 * is dropped everywhere.
 */
const ControlMessage = v.variant('kind', [
  v.object({ kind: v.literal('revoke'), teamId: v.string(), memberId: v.string() }),
  v.object({
    kind: v.literal('role'),
    teamId: v.string(),
    memberId: v.string(),
    role: v.picklist(ROLES),
  }),
  v.object({
    kind: v.literal('reauthenticate'),
    teamId: v.string(),
    memberId: v.string(),
    documentName: v.string(),
  }),
  v.object({ kind: v.literal('discard'), documentName: v.string() }),
]);
type ControlMessage = v.InferOutput<typeof ControlMessage>;

/**
 * The prefix of every Redis key and channel of one deployment: instances
 * that share a database share it, and deployments (or test runs) on other
 * databases can share one Redis without meeting. Derived from the database's
 * host, port and name, never its password.
 */
export function redisNamespace(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const identity = `${url.hostname}:${url.port}${url.pathname}`;
  return `leskring:${createHash('sha256').update(identity).digest('hex').slice(0, 12)}`;
}

export type ClusterControl = {
  readonly connections: ConnectionControl;
  readonly documents: DocumentControl;
  /** Resolves once this instance listens to the others. */
  ready(): Promise<void>;
  close(): Promise<void>;
};

/** Entries the control log keeps; an instance that was away longer than that misses the oldest. */
const CONTROL_LOG_LENGTH = 10_000;
/** How long one read waits for news before it asks again (and notices a close). */
const READ_BLOCK_MS = 5_000;

/**
 * Wraps this instance's controls: every call acts here at once and is
 * appended to a Redis stream that every instance reads, acting on its own
 * connections. A stream rather than pub/sub, because pub/sub hands a message
 * only to whoever listens at that moment: an instance whose connection to
 * Redis was down when a member was revoked would keep that member's sockets
 * open. Reading on from the last entry it saw, it misses nothing. An entry
 * from this instance itself is skipped.
 */
export function clusterControl(
  redisUrl: string,
  namespace: string,
  local: { connections: ConnectionControl; documents: DocumentControl },
  log: (line: string) => void,
): ClusterControl {
  const origin = crypto.randomUUID();
  const stream = `${namespace}:control`;
  const writer = new Redis(redisUrl, { maxRetriesPerRequest: null });
  // Its own connection: a blocking read holds the connection it waits on.
  const reader = new Redis(redisUrl, { maxRetriesPerRequest: null });
  writer.on('error', (error) => log(`redis (control, write): ${String(error)}`));
  reader.on('error', (error) => log(`redis (control, read): ${String(error)}`));

  const apply = (message: ControlMessage) => {
    switch (message.kind) {
      case 'revoke':
        return local.connections.revoke(message.teamId as TeamId, message.memberId as MemberId);
      case 'role':
        return local.connections.roleChanged(
          message.teamId as TeamId,
          message.memberId as MemberId,
          message.role as Role,
        );
      case 'reauthenticate':
        return local.connections.reauthenticate(
          message.teamId as TeamId,
          message.memberId as MemberId,
          message.documentName,
        );
      case 'discard':
        return local.documents.discard(message.documentName);
    }
  };

  const receive = (raw: string | undefined) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw ?? '');
    } catch {
      log('ignored a control message that is not JSON');
      return;
    }
    const envelope = v.safeParse(v.object({ origin: v.string(), message: ControlMessage }), parsed);
    if (!envelope.success) {
      log('ignored a control message of an unknown shape');
      return;
    }
    if (envelope.output.origin === origin) return;
    apply(envelope.output.message);
  };

  let closed = false;
  // Where this instance starts: after the newest entry written before it listened.
  const listening = writer
    .xrevrange(stream, '+', '-', 'COUNT', 1)
    .then((newest) => newest[0]?.[0] ?? '0-0');
  const read = async () => {
    let lastId: string;
    try {
      lastId = await listening;
    } catch {
      return; // Closed before Redis answered; ready() reports it to whoever waits.
    }
    while (!closed) {
      try {
        // ioredis sends an unanswered read again after reconnecting, from the same entry.
        const reply = await reader.xread('BLOCK', READ_BLOCK_MS, 'STREAMS', stream, lastId);
        for (const [id, fields] of reply?.[0]?.[1] ?? []) {
          lastId = id;
          receive(fields[1]);
        }
      } catch (error) {
        if (closed) return;
        log(`redis (control, read): ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  };
  const reading = read();

  const broadcast = (message: ControlMessage) => {
    apply(message);
    const entry = JSON.stringify({ origin, message });
    writer
      .xadd(stream, 'MAXLEN', '~', CONTROL_LOG_LENGTH, '*', 'message', entry)
      .catch((error: unknown) => {
        log(`could not tell the other instances (${message.kind}): ${String(error)}`);
      });
  };

  return {
    connections: {
      revoke: (teamId, memberId) => broadcast({ kind: 'revoke', teamId, memberId }),
      roleChanged: (teamId, memberId, role) => broadcast({ kind: 'role', teamId, memberId, role }),
      reauthenticate: (teamId, memberId, documentName) =>
        broadcast({ kind: 'reauthenticate', teamId, memberId, documentName }),
    },
    documents: {
      discard: (documentName) => broadcast({ kind: 'discard', documentName }),
      // The stored history is shared: compacting it here folds what every instance wrote.
      compact: (documentName) => local.documents.compact(documentName),
    },
    ready: () => listening.then(() => undefined),
    async close() {
      closed = true;
      reader.disconnect();
      await Promise.allSettled([reading, writer.quit()]);
    },
  };
}
