import type * as Y from 'yjs';
import type { RunId } from '../model/cycleTypes.ts';
import { type ObservationEvent, parseEvent, readLog, restoreEvents } from '../model/eventLog.ts';
import { db } from './db.ts';

/**
 * The tap journal (issue 6 point 4). y-indexeddb stores each Y.Doc update in a
 * transaction nobody can await, so an observation tile may only say "saved"
 * once this device has its own committed copy of the event: every recorded
 * event is also put here, in a strict-durability Dexie transaction, and
 * awaited. When a cycle document opens, events the journal has but the document
 * lacks (the tab closed before y-indexeddb wrote) are put back; entries the
 * stored document already holds are dropped.
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
 * Writes the event to IndexedDB at once and resolves once that committed.
 * The transaction is committed explicitly right after the put: without that
 * the browser commits only after telling the page the put succeeded, and a
 * tab closed in between (a tap, then the tablet's cover shut) loses it.
 */
export function journalEvent(
  docName: string,
  runId: RunId,
  event: ObservationEvent,
): Promise<void> {
  const entry: JournalEntry = { id: event.id, docName, runId, event };
  if (!db.isOpen()) return db.eventJournal.put(entry).then(() => {});
  return new Promise((resolve, reject) => {
    const tx = db
      .backendDB()
      .transaction(db.eventJournal.name, 'readwrite', { durability: 'strict' });
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('the journal write was aborted'));
    tx.objectStore(db.eventJournal.name).put(entry);
    tx.commit?.();
  });
}

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
