import { useSyncExternalStore } from 'react';
import type { StorageProblem } from './localDocStore.ts';

/**
 * Storage trouble on this device, across the open documents: which write
 * kind fails (quota, storage taken away) and how many changes wait in memory
 * to be written. The app shows it (StorageProblemBanner) instead of failing
 * silently; LocalDocStore keeps retrying.
 */
export type StorageProblemSummary = {
  readonly kind: string;
  readonly waiting: number;
  /** Documents with a problem. */
  readonly documents: number;
};

const problems = new Map<string, StorageProblem>();
const listeners = new Set<() => void>();
let summary: StorageProblemSummary | null = null;

function summarize(): StorageProblemSummary | null {
  if (problems.size === 0) return null;
  let waiting = 0;
  let kind = '';
  for (const problem of problems.values()) {
    waiting += problem.waiting;
    // A full disk says the most about what the teacher can do.
    if (kind === '' || problem.kind === 'QuotaExceededError') kind = problem.kind;
  }
  return { kind, waiting, documents: problems.size };
}

/** Records (or, with null, clears) the storage problem of one document. */
export function reportStorageProblem(docName: string, problem: StorageProblem | null): void {
  if (problem === null) problems.delete(docName);
  else problems.set(docName, problem);
  summary = summarize();
  for (const listener of listeners) listener();
}

export function getStorageProblem(): StorageProblemSummary | null {
  return summary;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The device's storage problem, re-rendering when it starts, changes or ends. */
export function useStorageProblem(): StorageProblemSummary | null {
  return useSyncExternalStore(subscribe, getStorageProblem, getStorageProblem);
}
