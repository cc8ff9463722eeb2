import { useCallback, useRef, useState } from 'react';
import type { PhaseId, RunId } from '../../model/cycleTypes.ts';
import type { EventInput, ObservationEvent } from '../../model/eventLog.ts';
import type { MemberId } from '../../model/ids.ts';
import { recordObservation } from '../../sync/commands/observation.ts';
import type { DocSession } from '../../sync/docSession.ts';
import { useSessionState } from '../../sync/hooks.ts';

export type SaveState = 'saving' | 'saved' | 'failed';

export type Recorder = {
  /**
   * Records an event at the current lesson clock and phase (unless given),
   * writes it into the document at once and returns it. Throws when the
   * event breaks the rules of its kind or the document was closed.
   */
  readonly record: (
    input: Omit<EventInput, 't' | 'phaseId'> & { phaseId?: PhaseId | null },
  ) => ObservationEvent;
  /** Save state of an event recorded in this session; undefined = committed on this device. */
  readonly saveState: (eventId: string) => SaveState | undefined;
};

/**
 * The tap path (issue 6 point 4). A tap writes its event into the document
 * in its own handler, so the event is in the IndexedDB write issued in that
 * task and survives the tab closing right after; it shows "saving" until that
 * write committed. While this device cannot store (a full disk) the store
 * keeps retrying and the event says "failed" until a retry commits it.
 */
export function useRecorder(options: {
  session: DocSession;
  runId: RunId;
  observer: MemberId;
  clock: () => number;
  phase: () => PhaseId | null;
  /** A recorded event will not be saved after all (the document's stored copy did not open). */
  onRefused: (error: unknown) => void;
}): Recorder {
  // Only events not yet committed: a committed one is 'saved', like one loaded from this device.
  const [waiting, setWaiting] = useState<ReadonlyMap<string, SaveState>>(new Map());
  const latest = useRef(options);
  latest.current = options;
  const storageFails = useSessionState(options.session, (state) => state.save === 'failed');

  const settle = useCallback((id: string, state: SaveState | null) => {
    setWaiting((current) => {
      const next = new Map(current);
      if (state === null) next.delete(id);
      else next.set(id, state);
      return next;
    });
  }, []);

  const record = useCallback<Recorder['record']>(
    (input) => {
      const { session, runId, observer, clock, phase } = latest.current;
      const { event, saved } = recordObservation(session, runId, observer, {
        ...input,
        t: clock(),
        phaseId: input.phaseId === undefined ? phase() : input.phaseId,
      });
      settle(event.id, 'saving');
      saved.then(
        () => settle(event.id, null),
        (error: unknown) => {
          settle(event.id, 'failed');
          latest.current.onRefused(error);
        },
      );
      return event;
    },
    [settle],
  );

  return {
    record,
    saveState: (id) => {
      const state = waiting.get(id);
      return state === 'saving' && storageFails ? 'failed' : state;
    },
  };
}
