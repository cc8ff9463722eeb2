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

/**
 * Wraps this instance's controls: every call acts here at once and is
 * published for the other instances, which act on their own connections.
 * A message from this instance itself is ignored when it comes back.
 */
export function clusterControl(
  redisUrl: string,
  namespace: string,
  local: { connections: ConnectionControl; documents: DocumentControl },
  log: (line: string) => void,
): ClusterControl {
  const origin = crypto.randomUUID();
  const channel = `${namespace}:control`;
  const pub = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
  const sub = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
  pub.on('error', (error) => log(`redis (control, publish): ${String(error)}`));
  sub.on('error', (error) => log(`redis (control, subscribe): ${String(error)}`));

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

  const subscribed = sub.subscribe(channel).then(() => undefined);
  sub.on('message', (_channel: string, raw: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
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
  });

  const broadcast = (message: ControlMessage) => {
    apply(message);
    pub.publish(channel, JSON.stringify({ origin, message })).catch((error: unknown) => {
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
    ready: () => subscribed,
    async close() {
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}
