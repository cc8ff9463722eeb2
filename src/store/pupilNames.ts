import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db.ts';

/**
 * Real names of case pupils, typed by a teacher on THIS device only. They live
 * in Dexie and nowhere else: never in a Y.Doc, never sent to the server, never
 * in an export unless the user asks. Shared documents only ever hold the
 * pseudonym ("Leerling A").
 */
export type PupilNameRecord = {
  readonly cycleId: string;
  readonly casePupilId: string;
  readonly name: string;
  readonly updatedAt: string;
};

/** Longest real name kept; longer input is cut. */
export const MAX_PUPIL_NAME_LENGTH = 80;

/** casePupilId → real name, for one cycle. */
export type PupilNames = ReadonlyMap<string, string>;

/** The real names this device knows for a cycle's case pupils (empty when none). */
export async function getPupilNames(cycleId: string): Promise<PupilNames> {
  const records = await db.pupilNames.where('cycleId').equals(cycleId).toArray();
  return new Map(records.map((record) => [record.casePupilId, record.name]));
}

/**
 * Stores the real name for a case pupil on this device; a blank name removes it.
 * Resolves once the transaction committed.
 */
export async function setPupilName(
  cycleId: string,
  casePupilId: string,
  name: string,
): Promise<void> {
  const trimmed = name.trim().slice(0, MAX_PUPIL_NAME_LENGTH);
  if (trimmed === '') {
    await deletePupilName(cycleId, casePupilId);
    return;
  }
  await db.pupilNames.put({
    cycleId,
    casePupilId,
    name: trimmed,
    updatedAt: new Date().toISOString(),
  });
}

export async function deletePupilName(cycleId: string, casePupilId: string): Promise<void> {
  await db.pupilNames.delete([cycleId, casePupilId]);
}

/** Forgets every real name of a cycle (when the cycle or this device's membership goes). */
export async function deletePupilNamesOfCycle(cycleId: string): Promise<void> {
  await db.pupilNames.where('cycleId').equals(cycleId).delete();
}

/** Live real names of a cycle's case pupils on this device; undefined while loading. */
export function usePupilNames(cycleId: string): PupilNames | undefined {
  return useLiveQuery(() => getPupilNames(cycleId), [cycleId]);
}
