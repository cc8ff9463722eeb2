import type * as Y from 'yjs';
import { CYCLE_META } from './cycleDoc.ts';
import { isRosterDocName, parseDocName } from './docName.ts';
import { TEAM_META } from './teamDoc.ts';

/** The three kinds of document a team has: its team document, its roster and one per cycle. */
export type DocKind = 'team' | 'roster' | 'cycle';

/** The kind of a well-formed document name (see parseDocName). */
export function docKindOf(docName: string): DocKind {
  if (isRosterDocName(docName)) return 'roster';
  return parseDocName(docName)?.docId === null ? 'team' : 'cycle';
}

/**
 * Whether the document holds what its creation wrote: a team's and a cycle's
 * meta always get createdAt and schemaVersion (initTeamDoc, initCycleDoc); a
 * roster exists once the server wrote anything into it.
 */
export function documentExists(kind: DocKind, doc: Y.Doc): boolean {
  if (kind === 'roster') {
    let content = false;
    doc.share.forEach((type) => {
      content ||= type._start !== null || type._map.size > 0;
    });
    return content;
  }
  const meta = doc.getMap<unknown>(kind === 'team' ? TEAM_META : CYCLE_META);
  const version = meta.get('schemaVersion');
  const createdAt = meta.get('createdAt');
  return (
    (typeof version === 'number' && version > 0) ||
    (typeof createdAt === 'string' && createdAt !== '')
  );
}
