import { useCallback, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { ModelContext, PhaseId, RunId } from '../../model/cycleTypes.ts';
import { appendEvent, type EventInput, type ObservationEvent } from '../../model/eventLog.ts';
import type { MemberId } from '../../model/ids.ts';
import { journalEvent } from '../../store/eventJournal.ts';

export type SaveState = 'saving' | 'saved' | 'failed';

export type Recorder = {
  /**
   * Appends an event to this observer's log at the current lesson clock and
   * phase (unless given) and journals it; returns it at once. Its save state
   * turns 'saved' only once the journal write committed.
   */
  readonly record: (
    input: Omit<EventInput, 't' | 'phaseId'> & { phaseId?: PhaseId | null },
  ) => ObservationEvent;
  /** Save state of an event recorded in this session; undefined = loaded from this device, so stored. */
  readonly saveState: (eventId: string) => SaveState | undefined;
  /** Whether any write is still on its way to IndexedDB. */
  readonly busy: boolean;
  readonly failed: boolean;
};

export function useRecorder(options: {
  doc: Y.Doc;
  docName: string;
  runId: RunId;
  observer: MemberId;
  ctx: ModelContext;
  clock: () => number;
  phaseId: PhaseId | null;
  onSaveFailed: (error: unknown) => void;
}): Recorder {
  const [states, setStates] = useState<ReadonlyMap<string, SaveState>>(new Map());
  const latest = useRef(options);
  latest.current = options;

  const setState = useCallback((id: string, state: SaveState) => {
    setStates((current) => new Map(current).set(id, state));
  }, []);

  const record = useCallback<Recorder['record']>(
    (input) => {
      const { doc, docName, runId, observer, ctx, clock, phaseId } = latest.current;
      const event = appendEvent(
        doc,
        runId,
        observer,
        { ...input, t: clock(), phaseId: input.phaseId === undefined ? phaseId : input.phaseId },
        ctx,
      );
      setState(event.id, 'saving');
      // Issued inside the tap's handler, so IndexedDB has the write before the next frame.
      journalEvent(docName, runId, event).then(
        () => setState(event.id, 'saved'),
        (error: unknown) => {
          setState(event.id, 'failed');
          latest.current.onSaveFailed(error);
        },
      );
      return event;
    },
    [setState],
  );

  const values = [...states.values()];
  return {
    record,
    saveState: (id) => states.get(id),
    busy: values.includes('saving'),
    failed: values.includes('failed'),
  };
}
