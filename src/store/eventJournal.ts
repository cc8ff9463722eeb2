import type * as Y from 'yjs';
import type { RunId } from '../model/cycleTypes.ts';
import { type ObservationEvent, parseEvent, readLog, restoreEvents } from '../model/eventLog.ts';
import { db } from './db.ts';

/**
 * The tap journal of earlier versions of the app: they put every observation
 * event here too, in a committed Dexie transaction, because the document's
 * own IndexedDB writes could be lost when the tab closed right after a tap.
 * Events now reach this device's storage only through the document (a
 * DocSession commits every change in the task that made it), so nothing is
 * journalled any more. Entries an older version left are drained as their
 * cycle opens: put back into the document if it lacks them, dropped once its
 * stored copy holds them; and forgotten with their cycle or team.
 */
export type JournalEntry = {
  /** The event's id. */
  readonly id: string;
  /** Server document name of the cycle, `<teamId>/<cycleId>`. */
  readonly docName: string;
  readonly runId: RunId;
  readonly event: ObservationEvent;
};

/**
 * Puts journalled events that `doc` (loaded from IndexedDB) lacks back into
 * it, under `origin`, and drops the entries it already had. Call after the
 * stored document has loaded. Returns how many events were restored.
 */
export async function replayJournal(doc: Y.Doc, docName: string, origin: object): Promise<number> {
  const entries = await db.eventJournal.where('docName').equals(docName).toArray();
  if (entries.length === 0) return 0;
  const stored: string[] = [];
  const missing = new Map<string, ObservationEvent[]>();
  const present = new Map<string, Set<string>>();
  for (const entry of entries) {
    const event = parseEvent(entry.event);
    if (event === null) {
      stored.push(entry.id); // unreadable: nothing to restore
      continue;
    }
    const key = `${entry.runId}\n${event.observer}`;
    let ids = present.get(key);
    if (ids === undefined) {
      ids = new Set(readLog(doc, entry.runId, event.observer).map((e) => e.id));
      present.set(key, ids);
    }
    if (ids.has(event.id)) stored.push(entry.id);
    else missing.set(key, [...(missing.get(key) ?? []), event]);
  }
  let restored = 0;
  for (const [key, events] of missing) {
    const [runId] = key.split('\n') as [RunId];
    restored += restoreEvents(doc, runId, events, origin);
  }
  await db.eventJournal.bulkDelete(stored);
  return restored;
}

/** Drops every journalled event of a document (its cycle was deleted). */
export async function forgetJournal(docName: string): Promise<void> {
  await db.eventJournal.where('docName').equals(docName).delete();
}

/** Drops the journalled events of every document of the team (leaving the team). */
export async function forgetTeamJournal(teamId: string): Promise<void> {
  await db.eventJournal.where('docName').startsWith(`${teamId}/`).delete();
}
