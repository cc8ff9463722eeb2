import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { ModelContext, PhaseId, RunId } from '../../model/cycleTypes.ts';
import {
  buildEvent,
  type EventInput,
  logLength,
  type ObservationEvent,
  restoreEvents,
} from '../../model/eventLog.ts';
import type { MemberId } from '../../model/ids.ts';
import { journalEvent } from '../../store/eventJournal.ts';

export type SaveState = 'saving' | 'saved' | 'failed';

/**
 * How long after a tap its event is written into the document: past the
 * frame that shows it, also on a slow tablet, and taps in quick succession go
 * in as one transaction.
 */
const WRITE_AFTER_MS = 50;

export type Recorder = {
  /**
   * Records an event at the current lesson clock and phase (unless given) and
   * returns it at once. It is journalled in IndexedDB straight away; its save
   * state turns 'saved' only once that write committed.
   */
  readonly record: (
    input: Omit<EventInput, 't' | 'phaseId'> & { phaseId?: PhaseId | null },
  ) => ObservationEvent;
  /** Recorded here but not yet in the shared document (it is written right after the next frame). */
  readonly pending: readonly ObservationEvent[];
  /** Save state of an event recorded in this session; undefined = loaded from this device, so stored. */
  readonly saveState: (eventId: string) => SaveState | undefined;
  /** Whether any write is still on its way to IndexedDB. */
  readonly busy: boolean;
  readonly failed: boolean;
};

/**
 * The tap path (issue 6 point 4). A tap's feedback must show in the next
 * frame, so the tap does only what that needs: build the event, start its
 * journal write (IndexedDB has it before the frame) and show it as pending.
 * Writing it into the Yjs document (its own IndexedDB write, the sync
 * message, every observer of the document) waits until that frame is on the
 * screen (WRITE_AFTER_MS). If the page dies in between, the journal puts it
 * back when the cycle opens again.
 */
export function useRecorder(options: {
  doc: Y.Doc;
  docName: string;
  runId: RunId;
  observer: MemberId;
  ctx: ModelContext;
  clock: () => number;
  phase: () => PhaseId | null;
  onSaveFailed: (error: unknown) => void;
}): Recorder {
  const [states, setStates] = useState<ReadonlyMap<string, SaveState>>(new Map());
  const [pending, setPending] = useState<readonly ObservationEvent[]>([]);
  const pendingRef = useRef<readonly ObservationEvent[]>([]);
  const flushScheduled = useRef(false);
  const latest = useRef(options);
  latest.current = options;

  const setState = useCallback((id: string, state: SaveState) => {
    setStates((current) => new Map(current).set(id, state));
  }, []);

  const flush = useCallback(() => {
    flushScheduled.current = false;
    const events = pendingRef.current;
    if (events.length === 0) return;
    const { doc, runId, ctx } = latest.current;
    pendingRef.current = [];
    restoreEvents(doc, runId, events, ctx.origin);
    setPending(pendingRef.current);
  }, []);

  // Leaving the page writes what is still pending (the journal would also bring it back).
  useEffect(() => flush, [flush]);

  const record = useCallback<Recorder['record']>(
    (input) => {
      const { doc, docName, runId, observer, ctx, clock, phase } = latest.current;
      const event = buildEvent(
        runId,
        observer,
        logLength(doc, runId, observer) + pendingRef.current.length,
        { ...input, t: clock(), phaseId: input.phaseId === undefined ? phase() : input.phaseId },
        ctx,
      );
      // Issued inside the tap's handler, so IndexedDB has the write before the next frame.
      journalEvent(docName, runId, event).then(
        () => setState(event.id, 'saved'),
        (error: unknown) => {
          setState(event.id, 'failed');
          latest.current.onSaveFailed(error);
        },
      );
      setState(event.id, 'saving');
      pendingRef.current = [...pendingRef.current, event];
      setPending(pendingRef.current);
      if (!flushScheduled.current) {
        flushScheduled.current = true;
        setTimeout(flush, WRITE_AFTER_MS);
      }
      return event;
    },
    [setState, flush],
  );

  const values = [...states.values()];
  return {
    record,
    pending,
    saveState: (id) => states.get(id),
    busy: values.includes('saving'),
    failed: values.includes('failed'),
  };
}
