import type { DocId, MemberId, TeamId } from '../../src/model/ids.ts';
import type { Role } from '../../src/model/roles.ts';
import type { Database } from '../db/database.ts';

/**
 * Writes the server's part of a team document: its name at creation, and
 * dropping a deleted cycle's summary. The implementation lives in server/sync,
 * so services stay free of Hocuspocus. Each call resolves once the change is
 * applied (and appended to the log); it never rejects (a failure is logged: the
 * database row is the truth).
 */
export type TeamDocWriter = {
  initTeam(teamId: TeamId, init: { name: string; createdAt: string }): Promise<void>;
  /** Removes a deleted cycle's summary from the team document. */
  dropCycleSummary(teamId: TeamId, cycleId: DocId): Promise<void>;
  /** Removes a member who deleted their account from the `members` map of earlier versions. */
  forgetMember(teamId: TeamId, memberId: MemberId): Promise<void>;
};

/**
 * Brings the team's read-only roster document (src/model/roster.ts) in line
 * with the database: members, roles, names, removals and deleted cycles.
 * Called after every such change; idempotent. Resolves once applied; never
 * rejects (a failure is logged, and the roster is rebuilt on its next load).
 */
export type RosterWriter = {
  refresh(teamId: TeamId): Promise<void>;
};

/** Acts on loaded documents of the sync server. */
export type DocumentControl = {
  /**
   * Forgets a deleted document that may be loaded: nothing of it is stored
   * again, and every connection to it is closed so the device reconnects and
   * is refused as deleted. Synchronous, so no update can slip in between.
   */
  discard(documentName: string): void;
  /**
   * Folds a loaded document's stored history into one snapshot now, so a
   * value the server overwrote (an erased member's name) is no longer kept in
   * the database. A document that is not loaded was compacted when it unloaded.
   */
  compact(documentName: string): Promise<void>;
};

/** Acts on a member's open sync connections. */
export type ConnectionControl = {
  /** Closes every connection of the member so the provider reconnects and is refused. */
  revoke(teamId: TeamId, memberId: MemberId): void;
  /** Applies a new role to open connections (read-only for guests) and makes them re-authenticate. */
  roleChanged(teamId: TeamId, memberId: MemberId, role: Role): void;
  /** Makes the member's connections to one document authenticate again (their access to it changed). */
  reauthenticate(teamId: TeamId, memberId: MemberId, documentName: string): void;
};

/** What every service function is handed: the database, a clock and the sync-side effects. */
export type ServiceDeps = {
  readonly db: Database;
  /** The current time; injected so tests can expire invites. */
  readonly now: () => Date;
  readonly teamDocs: TeamDocWriter;
  readonly roster: RosterWriter;
  readonly connections: ConnectionControl;
  readonly documents: DocumentControl;
};

/** A member authenticated by a bearer token. */
export type Actor = {
  readonly teamId: TeamId;
  readonly memberId: MemberId;
  readonly role: Role;
  readonly displayName: string;
};
